import { useEffect, useState } from 'react';
import { adapterById } from '@/lib/crm/registry';
import { createCustomAdapter } from '@/lib/custom-crm/adapter';
import { CUSTOM_ADAPTER_PREFIX } from '@/lib/custom-crm/definition';
import type { CustomCrm } from '@/lib/custom-crm/schema';
import { readCustomCrms } from '@/lib/custom-crm/store';
import { getDatabase } from '@/lib/store/connection';

/** The name of the reader behind an adapter id among the built-in CRMs and `customCrms`; the id itself when neither knows it. */
export function crmLabelFor(adapterId: string, customCrms: readonly CustomCrm[]): string {
  const builtIn = adapterById(adapterId)?.label;
  if (builtIn) return builtIn;
  const crm = customCrms.find((candidate) => `${CUSTOM_ADAPTER_PREFIX}${candidate.id}` === adapterId);
  return crm ? createCustomAdapter(crm).label : adapterId;
}

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
        if (current) setCustom({ id: adapterId, label: crmLabelFor(adapterId, crms) });
      });
    return () => {
      current = false;
    };
  }, [adapterId, builtIn]);
  return builtIn ?? (custom?.id === adapterId ? custom.label : adapterId);
}
