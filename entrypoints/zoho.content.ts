import { ZOHO_MATCHES } from '@/lib/crm/hosts';
import { zohoAdapter } from '@/lib/crm/adapters/zoho';
import { reportRecordsOf } from '@/lib/content/start';

export default defineContentScript({
  matches: [...ZOHO_MATCHES],
  runAt: 'document_idle',
  main: (ctx) => reportRecordsOf(zohoAdapter, (stop) => ctx.onInvalidated(stop)),
});
