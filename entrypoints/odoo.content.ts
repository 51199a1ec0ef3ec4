import { ODOO_MATCHES } from '@/lib/crm/hosts';
import { odooAdapter } from '@/lib/crm/adapters/odoo';
import { reportRecordsOf } from '@/lib/content/start';

export default defineContentScript({
  matches: [...ODOO_MATCHES],
  runAt: 'document_idle',
  main: (ctx) => reportRecordsOf(odooAdapter, (stop) => ctx.onInvalidated(stop)),
});
