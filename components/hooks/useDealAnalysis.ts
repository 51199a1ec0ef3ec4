import { useMemo } from 'react';
import type { RecordSnapshot } from '@/lib/crm/snapshot';
import { recordKey } from '@/lib/crm/snapshot';
import type { DealAnalysis } from '@/lib/engines/analyze';
import { analyzeDealData, loadDealData, type DealData } from '@/lib/deal/deal-data';
import { touchesDealData } from '@/lib/deal/deal-data-changes';
import { dealDataRead, takeFirstRead } from '@/lib/panel/first-reads';
import { getDatabase } from '@/lib/store/connection';
import { useStoredData, type StoredData } from './useStoredData';

export type { DealData } from '@/lib/deal/deal-data';

export interface DealView extends DealData {
  analysis: DealAnalysis;
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
    // The first read may have started with the page (lib/panel/first-reads.ts); later ones are this hook's.
    async () => takeFirstRead<DealData>(dealDataRead(key)) ?? loadDealData(await getDatabase(), key),
    (message) => touchesDealData(message, key),
  );
  const deal = useMemo((): StoredData<DealView>['data'] => {
    if (data.status !== 'ready') return data;
    return { status: 'ready', value: { ...data.value, analysis: analyzeDealData(record, data.value) } };
  }, [data, record]);
  return { data: deal, reload };
}
