import { useEffect, useMemo, useState } from 'react';
import type { RecordSnapshot } from '@/lib/crm/snapshot';
import { recordKey } from '@/lib/crm/snapshot';
import type { DealAnalysis } from '@/lib/engines/analyze';
import { onBroadcast } from '@/lib/panel/client';
import { analyzeDealData, loadDealData, type DealData } from '@/lib/panel/deal-data';
import { touchesDealData } from '@/lib/panel/deal-data-changes';
import { getDatabase } from '@/lib/store/connection';
import type { Loadable } from './useTabRecord';

export type { DealData } from '@/lib/panel/deal-data';

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
        const value = await loadDealData(await getDatabase(), key);
        if (current) setData({ status: 'ready', value });
      } catch (error) {
        if (current) setData({ status: 'error', error: String(error) });
      }
    };
    void load();
    const unsubscribe = onBroadcast((message) => {
      if (touchesDealData(message, key)) void load();
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, [key]);

  return useMemo((): Loadable<DealView> => {
    if (data.status !== 'ready') return data;
    return { status: 'ready', value: { ...data.value, analysis: analyzeDealData(record, data.value) } };
  }, [data, record]);
}
