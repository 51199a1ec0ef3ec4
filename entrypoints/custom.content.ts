import { nativeBrowser } from '@/lib/content/native-browser';
import { createCustomAdapter } from '@/lib/custom-crm/adapter';
import type { CustomCrmDefinition } from '@/lib/custom-crm/definition';
import { reportRecordsOf } from '@/lib/content/start';
import type { CustomCrmRequest } from '@/lib/messaging/protocol';

// Registered at run time on the hosts of the CRMs a user added (and granted)
// in the options; not in the manifest. It asks the background which CRM this
// page belongs to and reads it with the best-effort reader and the user's selectors.
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  async main(ctx) {
    const reply = (await nativeBrowser().runtime.sendMessage({ type: 'page/custom-crm' } satisfies CustomCrmRequest)) as { result?: unknown } | undefined;
    if (!reply?.result || ctx.isInvalid) return;
    reportRecordsOf(createCustomAdapter(reply.result as CustomCrmDefinition), (stop) => ctx.onInvalidated(stop));
  },
});
