import type { Weight } from '@/lib/playbook/schema';

/**
 * Where a missing item stands in its stage window:
 * - `early`: brought up before its stage (a note, a rule) — good to know now;
 * - `due`: its stage is the deal's stage, or a fact of this deal calls for it now;
 * - `overdue`: it was due at an earlier stage and is still missing.
 */
export type Timing = 'early' | 'due' | 'overdue';

/**
 * `check`, below `low`: what the engines could not read rather than found
 * missing (a customer role nobody is known to hold when the page's contact
 * roles were not read): to look at on the CRM page, not to report as missing.
 */
export type Severity = 'high' | 'medium' | 'low' | 'check';

/** What makes an item more or less urgent than another of the same severity. */
export interface Urgency {
  severity: Severity;
  timing: Timing;
  weight: Weight;
  /** How many pipeline stages ago the item fell due (0 unless overdue). */
  stagesOverdue: number;
}

// weight x timing. An overdue item escalates one level over a due one; a
// critical item is high as soon as it is due; a minor one never tops the list
// before it is overdue.
const MATRIX: Record<Weight, Record<Timing, Severity>> = {
  critical: { early: 'medium', due: 'high', overdue: 'high' },
  normal: { early: 'low', due: 'medium', overdue: 'high' },
  minor: { early: 'low', due: 'low', overdue: 'medium' },
};

export function severityOf(weight: Weight, timing: Timing): Severity {
  return MATRIX[weight][timing];
}

/**
 * The timing of an item required from pipeline position `from` (null: not tied
 * to a stage, but called for by a fact of this deal) at the deal's position
 * `at` (null: the stage is not known).
 */
export function timingOf(from: number | null, at: number | null): { timing: Timing; stagesOverdue: number } {
  if (from === null || at === null) return { timing: 'due', stagesOverdue: 0 };
  if (at < from) return { timing: 'early', stagesOverdue: 0 };
  if (at === from) return { timing: 'due', stagesOverdue: 0 };
  return { timing: 'overdue', stagesOverdue: at - from };
}

export function urgency(weight: Weight, from: number | null, at: number | null): Urgency {
  const { timing, stagesOverdue } = timingOf(from, at);
  return { severity: severityOf(weight, timing), timing, weight, stagesOverdue };
}

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2, check: 3 };
const WEIGHT_RANK: Record<Weight, number> = { critical: 0, normal: 1, minor: 2 };

/** Most urgent first: severity, then weight, then the longest overdue. */
export function compareUrgency(a: Urgency, b: Urgency): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    WEIGHT_RANK[a.weight] - WEIGHT_RANK[b.weight] ||
    b.stagesOverdue - a.stagesOverdue
  );
}

const RAISED: Record<Severity, Severity> = { check: 'low', low: 'medium', medium: 'high', high: 'high' };

/** One level more: the customer raised the item themselves, or the person it is about carries the deal. */
export function raiseSeverity(severity: Severity): Severity {
  return RAISED[severity];
}
