import { useEffect, useRef, useState } from 'react';
import type { Broadcast } from '@/lib/messaging/protocol';
import { onBroadcast } from '@/lib/messaging/page-client';
import type { Loadable } from './useTabRecord';

export interface StoredData<T> {
  data: Loadable<T>;
  /** Reads again: after a failed read (showing "loading" meanwhile), or after a change made on this page (keeping the old value meanwhile). */
  reload(): void;
}

/**
 * Data read from the extension's store, read again whenever a broadcast says
 * it changed. While a re-read runs the previous value stays on screen (no
 * flash of "loading", no layout jump); a failed read is reported, not hidden.
 * `key` names what is read: a new key starts from "loading".
 */
export function useStoredData<T>(key: string, read: () => Promise<T>, touchedBy: (message: Broadcast) => boolean): StoredData<T> {
  const [state, setState] = useState<{ key: string; data: Loadable<T> }>({ key, data: { status: 'loading' } });
  const [attempt, setAttempt] = useState(0);
  // The latest callbacks, so callers may pass new functions on every render without re-subscribing.
  const source = useRef({ read, touchedBy });
  useEffect(() => {
    source.current = { read, touchedBy };
  });

  useEffect(() => {
    let current = true;
    // Reads started by broadcasts in quick succession may finish out of order: only the latest one's answer is shown.
    let latest = 0;
    const load = () => {
      const read = ++latest;
      const applies = () => current && read === latest;
      return source.current.read().then(
        (value) => applies() && setState({ key, data: { status: 'ready', value } }),
        (error: unknown) => applies() && setState({ key, data: { status: 'error', error: String(error) } }),
      );
    };
    void load();
    const unsubscribe = onBroadcast((message) => {
      if (source.current.touchedBy(message)) void load();
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, [key, attempt]);

  return {
    data: state.key === key ? state.data : { status: 'loading' },
    reload: () => {
      setState((previous) => (previous.data.status === 'error' ? { key, data: { status: 'loading' } } : previous));
      setAttempt((n) => n + 1);
    },
  };
}

/** Playbook, directory, CRMs or language changed, in this or another extension page. */
export const isConfiguration = (message: Broadcast): boolean => message.type === 'broadcast/configuration';
