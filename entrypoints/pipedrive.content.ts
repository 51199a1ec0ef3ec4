import { PIPEDRIVE_MATCHES } from '@/lib/crm/hosts';
import { pipedriveAdapter } from '@/lib/crm/adapters/pipedrive';
import { reportRecordsOf } from '@/lib/content/start';

export default defineContentScript({
  matches: [...PIPEDRIVE_MATCHES],
  runAt: 'document_idle',
  main: (ctx) => reportRecordsOf(pipedriveAdapter, (stop) => ctx.onInvalidated(stop)),
});
