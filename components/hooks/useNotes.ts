import { useEffect, useState } from 'react';
import type { StoredNote } from '@/lib/store/rows';
import { fetchNotes, onBroadcast } from '@/lib/panel/client';
import type { Loadable } from './useTabRecord';

/** The notes of one record, reloaded when a capture or change touches that record. */
export function useNotes(recordKey: string): Loadable<StoredNote[]> {
  const [notes, setNotes] = useState<Loadable<StoredNote[]>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    const load = () =>
      fetchNotes(recordKey).then(
        (value) => current && setNotes({ status: 'ready', value }),
        (error: unknown) => current && setNotes({ status: 'error', error: String(error) }),
      );
    void load();
    const unsubscribe = onBroadcast((message) => {
      const touched = message.type === 'broadcast/notes' || (message.type === 'broadcast/capture' && message.outcome === 'saved');
      if (touched && (message.recordKey === recordKey || message.recordKey === null)) void load();
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, [recordKey]);
  return notes;
}
