import { NoteSchema } from '../domain/note';
import { RequirementValueSchema } from '../domain/requirement-value';
import { StageOverrideSchema } from '../domain/stage-override';
import { StakeholderSchema } from '../domain/stakeholder';
import { TeamAssignmentSchema } from '../domain/team';
import { z } from '../domain/zod';

// What each object store holds: the domain types plus the keys and
// bookkeeping the store needs. Rows are validated on the way in and out.

/** A selection over this size is refused rather than cut: a note is kept whole or not at all. */
export const MAX_NOTE_CHARS = 100_000;

const recordKey = z.string().min(1).max(400);

export const StoredNoteSchema = NoteSchema.extend({
  id: z.string().min(1).max(64),
  text: z.string().min(1).max(MAX_NOTE_CHARS),
  pageTitle: z.string().max(2_000),
  url: z.string().max(4_096),
  recordKey: recordKey.optional(),
  /** Name of the record when the note was attached, to list it without the record in view. */
  recordName: z.string().max(2_000).optional(),
  /** Set while the note waits in the inbox (sparse index). */
  inboxAt: z.number().int().nonnegative().optional(),
});
export type StoredNote = z.infer<typeof StoredNoteSchema>;

export const StoredRecordSchema = z.object({
  recordKey,
  crm: z.string().max(40),
  host: z.string().max(253),
  objectType: z.string().max(80),
  recordId: z.string().max(64),
  name: z.string().max(2_000),
  url: z.string().max(4_096),
  lastSeenAt: z.number().int().nonnegative(),
});
export type StoredRecord = z.infer<typeof StoredRecordSchema>;

export const StoredRequirementValueSchema = RequirementValueSchema.extend({
  id: z.string().min(1).max(64),
  recordKey,
  value: z.string().max(20_000),
});
export type StoredRequirementValue = z.infer<typeof StoredRequirementValueSchema>;

export const StoredDecisionSchema = z.object({
  recordKey,
  noteId: z.string().min(1).max(64),
  fieldId: z.string().min(1).max(100),
  decision: z.enum(['accepted', 'rejected']),
  decidedAt: z.number().int().nonnegative(),
});
export type StoredDecision = z.infer<typeof StoredDecisionSchema>;

export const StoredStakeholderSchema = StakeholderSchema.extend({
  recordKey,
  /** Epoch ms of the last change, for conflict detection between two open panels. */
  updatedAt: z.number().int().nonnegative(),
});
export type StoredStakeholder = z.infer<typeof StoredStakeholderSchema>;

export const StoredAssignmentSchema = TeamAssignmentSchema.extend({ recordKey, assignedAt: z.number().int().nonnegative() });
export type StoredAssignment = z.infer<typeof StoredAssignmentSchema>;

/** At most one per record: a new move replaces the one before. */
export const StoredStageOverrideSchema = StageOverrideSchema.extend({ recordKey });
export type StoredStageOverride = z.infer<typeof StoredStageOverrideSchema>;

/** Parses rows read back from the store; a row that fails is left out rather than shown half-read. */
export function validRows<T>(schema: z.ZodType<T>, rows: readonly unknown[]): T[] {
  return rows.flatMap((row) => {
    const parsed = schema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}
