import { useEffect, useState } from 'react';
import { adapterById } from '@/lib/crm/registry';
import { createCustomAdapter } from '@/lib/custom-crm/adapter';
import { CUSTOM_ADAPTER_PREFIX } from '@/lib/custom-crm/definition';
import { readCustomCrms } from '@/lib/custom-crm/store';
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
