import { useMemo } from 'react';
import type { RecordSnapshot } from '@/lib/crm/snapshot';
import { recordKey } from '@/lib/crm/snapshot';
import type { Person } from '@/lib/domain/team';
import { analyzeDeal, type DealAnalysis } from '@/lib/engines/analyze';
import { loadActiveDirectory, loadActivePlaybook } from '@/lib/panel/active-policy';
import type { ResolvedPlaybook } from '@/lib/playbook/sources';
import { getDatabase } from '@/lib/store/connection';
import { factsForRecord, type RecordFacts } from '@/lib/store/facts';
import { useStoredData, type StoredData } from './useStoredData';

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

async function readDeal(key: string): Promise<DealData> {
  const db = await getDatabase();
  const [playbook, facts, directory] = await Promise.all([loadActivePlaybook(db), factsForRecord(db, key), loadActiveDirectory(db)]);
  return { playbook, facts, directory: directory.people, loadedAt: Date.now() };
}

/**
 * The stored facts, directory and playbook for a record, reloaded when any of
 * them changes, and the engines' analysis of them with the record in view.
 * The engines are pure and fast, so they simply run again on every change.
 */
export function useDealAnalysis(record: RecordSnapshot): StoredData<DealView> {
  const key = recordKey(record);
  const { data, reload } = useStoredData(
    key,
    () => readDeal(key),
    (message) =>
      message.type === 'broadcast/configuration' ||
      (message.type === 'broadcast/facts' && message.recordKey === key) ||
      ((message.type === 'broadcast/notes' || (message.type === 'broadcast/capture' && message.outcome === 'saved')) &&
        (message.recordKey === key || message.recordKey === null)),
  );

  const deal = useMemo((): StoredData<DealView>['data'] => {
    if (data.status !== 'ready') return data;
    const { playbook, facts, directory, loadedAt } = data.value;
    const analysis = analyzeDeal({ playbook: playbook.playbook, record, facts, directory, now: loadedAt });
    return { status: 'ready', value: { ...data.value, analysis } };
  }, [data, record]);
  return { data: deal, reload };
}
