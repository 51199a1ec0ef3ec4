import { useEffect, useState } from 'react';
import { onBroadcast } from '@/lib/panel/client';
import { getDatabase } from '@/lib/store/connection';
import { inboxNotes } from '@/lib/store/notes';
import type { StoredNote } from '@/lib/store/rows';
import type { Loadable } from './useTabRecord';

/** Notes captured where no record was in view, reloaded when notes change. */
export function useInbox(): Loadable<StoredNote[]> {
  const [inbox, setInbox] = useState<Loadable<StoredNote[]>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    const load = () =>
      getDatabase()
        .then(inboxNotes)
        .then(
          (value) => current && setInbox({ status: 'ready', value }),
          (error: unknown) => current && setInbox({ status: 'error', error: String(error) }),
        );
    void load();
    const unsubscribe = onBroadcast((message) => {
      if (message.type === 'broadcast/notes' || (message.type === 'broadcast/capture' && message.outcome === 'saved')) void load();
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, []);
  return inbox;
}
