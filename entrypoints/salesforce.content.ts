import { SALESFORCE_MATCHES } from '@/lib/crm/hosts';
import { salesforceAdapter } from '@/lib/crm/adapters/salesforce';
import { reportRecordsOf } from '@/lib/content/start';

export default defineContentScript({
  matches: [...SALESFORCE_MATCHES],
  runAt: 'document_idle',
  main: (ctx) => reportRecordsOf(salesforceAdapter, (stop) => ctx.onInvalidated(stop)),
});
