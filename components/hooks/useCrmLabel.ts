import { useEffect, useState } from 'react';
import { CUSTOM_ADAPTER_PREFIX, createCustomAdapter } from '@/lib/crm/adapters/generic';
import { adapterById } from '@/lib/crm/registry';
import { readCustomCrms } from '@/lib/custom-crms/store';
import { getDatabase } from '@/lib/store/connection';

/** The name of the reader behind an adapter id: a built-in CRM, or a CRM the user added. */
export function useCrmLabel(adapterId: string): string {
  const builtIn = adapterById(adapterId)?.label;
  const [custom, setCustom] = useState<{ id: string; label: string } | null>(null);
  useEffect(() => {
    if (builtIn || !adapterId.startsWith(CUSTOM_ADAPTER_PREFIX)) return;
    let current = true;
    void getDatabase()
      .then(readCustomCrms)
      .then((crms) => {
        const crm = crms.find((candidate) => `${CUSTOM_ADAPTER_PREFIX}${candidate.id}` === adapterId);
        if (crm && current) setCustom({ id: adapterId, label: createCustomAdapter(crm).label });
      });
    return () => {
      current = false;
    };
  }, [adapterId, builtIn]);
  return builtIn ?? (custom?.id === adapterId ? custom.label : adapterId);
}
