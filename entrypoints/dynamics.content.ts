import { DYNAMICS_MATCHES } from '@/lib/crm/hosts';
import { dynamicsAdapter } from '@/lib/crm/adapters/dynamics';
import { reportRecordsOf } from '@/lib/content/start';

export default defineContentScript({
  matches: [...DYNAMICS_MATCHES],
  runAt: 'document_idle',
  main: (ctx) => reportRecordsOf(dynamicsAdapter, (stop) => ctx.onInvalidated(stop)),
});
