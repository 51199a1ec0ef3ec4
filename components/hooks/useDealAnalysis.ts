import { useEffect, useMemo, useState } from 'react';
import type { RecordSnapshot } from '@/lib/crm/snapshot';
import { recordKey } from '@/lib/crm/snapshot';
import type { Person } from '@/lib/domain/team';
import { analyzeDeal, type DealAnalysis } from '@/lib/engines/analyze';
import { loadActiveDirectory, loadActivePlaybook } from '@/lib/panel/active-policy';
import { onBroadcast } from '@/lib/panel/client';
import type { ResolvedPlaybook } from '@/lib/playbook/sources';
import { getDatabase } from '@/lib/store/connection';
import { factsForRecord, type RecordFacts } from '@/lib/store/facts';
import type { Loadable } from './useTabRecord';

export interface DealData {
  playbook: ResolvedPlaybook;
  facts: RecordFacts;
  directory: Person[];
  /** When the data was read: staleness of relationships is measured against it. */
  loadedAt: number;
}

export interface DealView extends DealData {
  analysis: DealAnalysis;
}

/**
 * The stored facts, directory and playbook for a record, reloaded when any of
 * them changes, and the engines' analysis of them with the record in view.
 * The engines are pure and fast, so they simply run again on every change.
 */
export function useDealAnalysis(record: RecordSnapshot): Loadable<DealView> {
  const key = recordKey(record);
  const [data, setData] = useState<Loadable<DealData>>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    const load = async () => {
      try {
        const db = await getDatabase();
        const [playbook, facts, directory] = await Promise.all([loadActivePlaybook(db), factsForRecord(db, key), loadActiveDirectory(db)]);
        if (current) setData({ status: 'ready', value: { playbook, facts, directory: directory.people, loadedAt: Date.now() } });
      } catch (error) {
        if (current) setData({ status: 'error', error: String(error) });
      }
    };
    void load();
    const unsubscribe = onBroadcast((message) => {
      const touched =
        message.type === 'broadcast/configuration' ||
        (message.type === 'broadcast/facts' && message.recordKey === key) ||
        ((message.type === 'broadcast/notes' || (message.type === 'broadcast/capture' && message.outcome === 'saved')) &&
          (message.recordKey === key || message.recordKey === null));
      if (touched) void load();
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, [key]);

  return useMemo((): Loadable<DealView> => {
    if (data.status !== 'ready') return data;
    const { playbook, facts, directory, loadedAt } = data.value;
    const analysis = analyzeDeal({ playbook: playbook.playbook, record, facts, directory, now: loadedAt });
    return { status: 'ready', value: { ...data.value, analysis } };
  }, [data, record]);
}
