import { HUBSPOT_MATCHES } from '@/lib/crm/hosts';
import { hubspotAdapter } from '@/lib/crm/adapters/hubspot';
import { reportRecordsOf } from '@/lib/content/start';

export default defineContentScript({
  matches: [...HUBSPOT_MATCHES],
  runAt: 'document_idle',
  main: (ctx) => reportRecordsOf(hubspotAdapter, (stop) => ctx.onInvalidated(stop)),
});
