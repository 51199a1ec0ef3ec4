import { MoneySchema, type RecordSnapshot } from '@/lib/crm/snapshot';
import { parseDateText } from '@/lib/crm/parse';
import { z } from '@/lib/zod/mini';
import type { DealAnalysis } from '@/lib/engines/analyze';
import type { Explanation } from '@/lib/domain/explain';
import { MESSAGES, type ExplanationKey } from '@/lib/domain/explanation-messages';
import { summarizeDeal } from '@/lib/engines/summary';
import type { StoredRecord } from '@/lib/store/rows';

// One line of the deal desk: what the panel would say about a record, boiled
// down to what a table can sort and filter. A row is made from the engines'
// analysis of the record's last reading and its stored facts, the same
// analysis the panel shows, so the two never disagree about a number.

const ExplanationKeySchema = z.custom<ExplanationKey>((key) => typeof key === 'string' && Object.hasOwn(MESSAGES, key));
const ExplanationSchema = z.object({ key: ExplanationKeySchema, params: z.record(z.string(), z.unknown()) });

export const DeskRowSchema = z.object({
  recordKey: z.string().check(z.minLength(1), z.maxLength(400)),
  /** CRM id (`salesforce`, `hubspot`, a custom CRM's id…) and the adapter that read the page, which names it. */
  crm: z.string().check(z.maxLength(40)),
  adapter: z.string().check(z.maxLength(40)),
  name: z.string().check(z.maxLength(2_000)),
  account: z.optional(z.string().check(z.maxLength(2_000))),
  url: z.string().check(z.maxLength(4_096)),
  lastSeenAt: z.int().check(z.nonnegative()),
  /**
   * The figures below come from an analysis: absent for a record seen before
   * the extension kept its pages' readings (the desk says so, and opening the
   * record fills them in).
   */
  analysed: z.optional(z.object({
    crmStage: z.optional(z.string().check(z.maxLength(2_000))),
    /** The LTC stage the CRM stage maps to; absent when the playbook does not place it. */
    stageId: z.optional(z.string().check(z.maxLength(100))),
    amount: z.optional(MoneySchema),
    closeDate: z.optional(z.string().check(z.maxLength(2_000))),
    /** `closeDate` as ISO YYYY-MM-DD when it reads as one date, for sorting. */
    closeDay: z.optional(z.string().check(z.maxLength(10))),
    high: z.int().check(z.nonnegative()),
    medium: z.int().check(z.nonnegative()),
    /** The panel's first next action. */
    topAction: z.optional(ExplanationSchema),
    /** Team roles a rule requires that nobody holds, and customer roles required that nobody is known to hold. */
    missingTeamRoles: z.array(z.string().check(z.maxLength(100))),
    missingDecisionRoles: z.array(z.string().check(z.maxLength(100))),
  })),
  lastNoteAt: z.optional(z.int().check(z.nonnegative())),
  /** What the row was computed against: the playbook and directory in force (`basisStamp`) and the day (time makes gaps). */
  basis: z.string().check(z.maxLength(100)),
});
export type DeskRow = z.infer<typeof DeskRowSchema>;
export type DeskFigures = NonNullable<DeskRow['analysed']>;

/** The desk row of a record: from `analysis` of its last reading, or without figures when it was never read by this version. */
export function deskRowFor(
  record: StoredRecord,
  reading: { snapshot: RecordSnapshot; analysis: DealAnalysis } | undefined,
  lastNoteAt: number | undefined,
  basis: string,
): DeskRow {
  return {
    recordKey: record.recordKey,
    crm: record.crm,
    adapter: reading?.snapshot.adapter ?? record.crm,
    name: record.name,
    ...(reading?.snapshot.account !== undefined && { account: reading.snapshot.account }),
    url: record.url,
    lastSeenAt: record.lastSeenAt,
    ...(reading && { analysed: figuresOf(reading.snapshot, reading.analysis) }),
    ...(lastNoteAt !== undefined && { lastNoteAt }),
    basis,
  };
}

function figuresOf(snapshot: RecordSnapshot, analysis: DealAnalysis): DeskFigures {
  const summary = summarizeDeal(analysis);
  const stage = analysis.requirements.stage;
  const top: Explanation | undefined = analysis.findings.next[0]?.what;
  const closeDay = snapshot.closeDate === undefined ? null : parseDateText(snapshot.closeDate);
  return {
    ...(snapshot.stage !== undefined && { crmStage: snapshot.stage }),
    ...(stage.kind === 'mapped' && { stageId: stage.stageId }),
    ...(snapshot.amount !== undefined && { amount: snapshot.amount }),
    ...(snapshot.closeDate !== undefined && { closeDate: snapshot.closeDate }),
    ...(closeDay !== null && { closeDay }),
    high: summary.counts.high,
    medium: summary.counts.medium,
    ...(top && { topAction: { key: top.key, params: { ...top.params } } }),
    missingTeamRoles: summary.missingRoles,
    // As the panel lists them: a role the page could not show the holder of is a check, not a missing role.
    missingDecisionRoles: analysis.decisionChain.gaps
      .filter((gap) => gap.kind === 'role-uncovered' && gap.severity !== 'check' && gap.roleId !== undefined)
      .map((gap) => gap.roleId as string),
  };
}

/** The newest capture time among `notes`, if any. */
export function lastNoteTime(notes: readonly { capturedAt: number }[]): number | undefined {
  let newest: number | undefined;
  for (const note of notes) if (newest === undefined || note.capturedAt > newest) newest = note.capturedAt;
  return newest;
}
