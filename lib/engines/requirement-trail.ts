import type { RequirementSource, RequirementValue } from '../domain/requirement-value';
import type { Requirement } from '../playbook/schema';
import { findRecordField, type RecordFieldIndex } from './record-fields';

/** One value known for a requirement, with where it came from. */
export interface CapturedValue {
  value: string;
  source: RequirementSource;
  confirmedByCustomer: boolean;
  /** Absent for a value read live from the CRM page. */
  setBy?: string;
  setAt?: number;
}

/**
 * Every value known for a requirement, newest stored value first and the CRM
 * page's live value last: the trail a reviewer follows back to the source.
 */
export function requirementTrail(
  requirement: Requirement,
  storedValues: readonly RequirementValue[],
  recordFields: RecordFieldIndex,
): CapturedValue[] {
  const stored: CapturedValue[] = storedValues
    .filter((value) => value.value.trim() !== '')
    .sort((a, b) => b.setAt - a.setAt)
    .map(({ value, source, confirmedByCustomer, setBy, setAt }) => ({ value, source, confirmedByCustomer, setBy, setAt }));

  const field = findRecordField(recordFields, requirement.crmFields);
  const live = field && { value: field.value, source: { kind: 'crm-field' as const, fieldLabel: field.label }, confirmedByCustomer: false };
  // A stored copy of the same CRM value already tells the story (and may carry a confirmation).
  const liveIsStored = live && stored.some((entry) => entry.source.kind === 'crm-field' && entry.value === live.value);
  return live && !liveIsStored ? [...stored, live] : stored;
}

/** Stored values grouped by requirement id. */
export function groupValuesByField(values: readonly RequirementValue[]): Map<string, RequirementValue[]> {
  const grouped = new Map<string, RequirementValue[]>();
  for (const value of values) {
    const group = grouped.get(value.fieldId);
    if (group) group.push(value);
    else grouped.set(value.fieldId, [value]);
  }
  return grouped;
}
