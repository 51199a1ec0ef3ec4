import { browser } from 'wxt/browser';
import { SALESFORCE_MATCHES } from '@/lib/crm/hosts';
import { salesforceAdapter } from '@/lib/crm/adapters/salesforce';
import { watchPage } from '@/lib/content/page-watcher';
import { markForEndToEndTests } from '@/lib/content/e2e-marker';
import type { PageStateMessage } from '@/lib/messaging/protocol';

// Runs on Salesforce pages: reads the record in view and reports it. It holds
// no data, writes nothing to the page, and reaches the extension only through
// `page/state` messages that the background validates.
export default defineContentScript({
  matches: [...SALESFORCE_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const stop = watchPage({
      adapter: salesforceAdapter,
      send: async (state) => {
        const reply: unknown = await browser.runtime.sendMessage({ type: 'page/state', state } satisfies PageStateMessage);
        if (import.meta.env.MODE === 'e2e') markForEndToEndTests(state, reply);
        return reply;
      },
    });
    ctx.onInvalidated(stop);
  },
});
