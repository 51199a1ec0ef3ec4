import { useEffect, useState } from 'react';
import { builtInCrmLabel } from '@/lib/crm/labels';
import { cleanText } from '@/lib/crm/parse';
import { CUSTOM_ADAPTER_PREFIX, customCrmLabel, MAX_CRM_NAME } from '@/lib/custom-crm/definition';
import type { CustomCrm } from '@/lib/custom-crm/schema';
import { readCustomCrms } from '@/lib/custom-crm/store';
import { getDatabase } from '@/lib/store/connection';

/** The name of the reader behind an adapter id among the built-in CRMs and `customCrms`; the id itself when neither knows it. */
export function crmLabelFor(adapterId: string, customCrms: readonly CustomCrm[]): string {
  const builtIn = builtInCrmLabel(adapterId);
  if (builtIn) return builtIn;
  const crm = customCrms.find((candidate) => `${CUSTOM_ADAPTER_PREFIX}${candidate.id}` === adapterId);
  return crm ? customCrmLabel(cleanText(crm.name, MAX_CRM_NAME) || adapterId) : adapterId;
}

/**
 * The name of the reader behind an adapter id: a built-in CRM, or a CRM the user added. null while the name
 * of a CRM the user added is being read from the store: its adapter id is no name to show meanwhile.
 */
export function useCrmLabel(adapterId: string): string | null {
  const builtIn = builtInCrmLabel(adapterId);
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
  if (builtIn) return builtIn;
  if (!adapterId.startsWith(CUSTOM_ADAPTER_PREFIX)) return adapterId;
  return custom?.id === adapterId ? custom.label : null;
}
