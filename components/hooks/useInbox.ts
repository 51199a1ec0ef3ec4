import { getDatabase } from '@/lib/store/connection';
import { inboxNotes } from '@/lib/store/notes';
import type { StoredNote } from '@/lib/store/rows';
import { useStoredData, type StoredData } from './useStoredData';

/** Notes captured where no record was in view, reloaded when notes change. */
export function useInbox(): StoredData<StoredNote[]> {
  return useStoredData(
    'inbox',
    () => getDatabase().then(inboxNotes),
    (message) => message.type === 'broadcast/notes' || (message.type === 'broadcast/capture' && message.outcome === 'saved'),
  );
}
