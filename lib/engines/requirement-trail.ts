import type { Figure } from '@/lib/domain/figure';
import type { RequirementSource, RequirementValue } from '@/lib/domain/requirement-value';
import type { Requirement } from '@/lib/playbook/schema';
import { isPlaceholder } from './placeholder';
import { findRecordField, type RecordFieldIndex } from './record-fields';

/** One value known for a requirement, with where it came from. */
export interface CapturedValue {
  value: string;
  source: RequirementSource;
  confirmedByCustomer: boolean;
  /** Figures the value states (see lib/domain/figure.ts). */
  figures?: Figure[];
  /** Absent for a value read live from the CRM page. */
  setBy?: string;
  setAt?: number;
}

/** A CRM field shown beside a requirement whose mapping does not let it count as the fact (a rep's Description, our Close Date). */
export interface CrmHint {
  fieldLabel: string;
  value: string;
}

export interface RequirementEvidence {
  /** Values that count as the fact: every stored value (a person entered or accepted it) and satisfying CRM fields, newest stored first. */
  trail: CapturedValue[];
  /** CRM values shown as hints beside the missing fact. */
  hints: CrmHint[];
}

/**
 * Every value known for a requirement, newest stored value first and the CRM
 * page's live value last: the trail a reviewer follows back to the source. A
 * CRM field counts only where the playbook's mapping says it satisfies the
 * requirement; other mapped fields are hints.
 */
export function requirementTrail(
  requirement: Requirement,
  storedValues: readonly RequirementValue[],
  recordFields: RecordFieldIndex,
): RequirementEvidence {
  const stored: CapturedValue[] = storedValues
    .filter((value) => value.value.trim() !== '')
    .sort((a, b) => b.setAt - a.setAt)
    .map(({ value, source, confirmedByCustomer, figures, setBy, setAt }) => ({ value, source, confirmedByCustomer, ...(figures && { figures }), setBy, setAt }));

  const live: CapturedValue[] = [];
  const hints: CrmHint[] = [];
  for (const mapping of requirement.crmFields) {
    const field = findRecordField(recordFields, [mapping.field]);
    if (field === undefined) continue;
    // A stored copy of the same CRM value already tells the story (and may carry a confirmation).
    const isStored = stored.some((entry) => entry.source.kind === 'crm-field' && entry.value === field.value);
    const seen = live.some((entry) => entry.value === field.value) || hints.some((hint) => hint.value === field.value);
    if (isStored || seen) continue;
    // "TBD" in a Budget field says the budget is not known: a hint at most, never the fact.
    if (mapping.satisfies && !isPlaceholder(field.value)) live.push({ value: field.value, source: { kind: 'crm-field', fieldLabel: field.label }, confirmedByCustomer: false });
    else hints.push({ fieldLabel: field.label, value: field.value });
  }
  return { trail: [...stored, ...live.slice(0, 1)], hints };
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
