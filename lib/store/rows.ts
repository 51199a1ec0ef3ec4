import { RecordSnapshotSchema } from '@/lib/crm/snapshot';
import { NoteSchema } from '@/lib/domain/note';
import { RequirementValueSchema } from '@/lib/domain/requirement-value';
import { StageOverrideSchema } from '@/lib/domain/stage-override';
import { StakeholderSchema } from '@/lib/domain/stakeholder';
import { TeamAssignmentSchema } from '@/lib/domain/team';
import { z } from '@/lib/zod/mini';
import { SALESFORCE_ID } from '@/lib/domain/salesforce-ids';

// What each object store holds: the domain types plus the keys and
// bookkeeping the store needs. Rows are validated on the way in and out.

/** A selection over this size is refused rather than cut: a note is kept whole or not at all. */
export const MAX_NOTE_CHARS = 100_000;

const recordKey = z.string().check(z.minLength(1), z.maxLength(400));

export const StoredNoteSchema = z.extend(NoteSchema, {
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  text: z.string().check(z.minLength(1), z.maxLength(MAX_NOTE_CHARS)),
  pageTitle: z.string().check(z.maxLength(2_000)),
  url: z.string().check(z.maxLength(4_096)),
  recordKey: z.optional(recordKey),
  /** Name of the record when the note was attached, to list it without the record in view. */
  recordName: z.optional(z.string().check(z.maxLength(2_000))),
  /** Set while the note waits in the inbox (sparse index). */
  inboxAt: z.optional(z.int().check(z.nonnegative())),
  /**
   * A note a colleague wrote, read back from the CRM: who wrote it and where it lives.
   * Absent on notes captured in this browser.
   */
  author: z.optional(z.object({
    name: z.string().check(z.maxLength(200)),
    source: z.literal('salesforce'),
    remoteId: z.string().check(z.maxLength(18)),
    /** The note's LastModifiedDate in Salesforce (ms) when read: an unchanged note is not read again. */
    modifiedAt: z.optional(z.int().check(z.nonnegative())),
  })),
});
export type StoredNote = z.infer<typeof StoredNoteSchema>;

export const StoredRecordSchema = z.object({
  recordKey,
  crm: z.string().check(z.maxLength(40)),
  host: z.string().check(z.maxLength(253)),
  objectType: z.string().check(z.maxLength(80)),
  recordId: z.string().check(z.maxLength(64)),
  name: z.string().check(z.maxLength(2_000)),
  url: z.string().check(z.maxLength(4_096)),
  lastSeenAt: z.int().check(z.nonnegative()),
});
export type StoredRecord = z.infer<typeof StoredRecordSchema>;

/** A record's page as last read (validated as every snapshot is); a cache of the page, so not part of a backup. */
export const StoredSnapshotSchema = z.object({ recordKey, snapshot: RecordSnapshotSchema });
export type StoredSnapshot = z.infer<typeof StoredSnapshotSchema>;

/** The longest requirement value kept, here and in the facts note. */
const MAX_VALUE_CHARS = 20_000;

export const StoredRequirementValueSchema = z.extend(RequirementValueSchema, {
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  recordKey,
  value: z.string().check(z.maxLength(MAX_VALUE_CHARS)),
});
export type StoredRequirementValue = z.infer<typeof StoredRequirementValueSchema>;

export const StoredDecisionSchema = z.object({
  recordKey,
  noteId: z.string().check(z.minLength(1), z.maxLength(64)),
  fieldId: z.string().check(z.minLength(1), z.maxLength(100)),
  decision: z.enum(['accepted', 'rejected']),
  decidedAt: z.int().check(z.nonnegative()),
});
export type StoredDecision = z.infer<typeof StoredDecisionSchema>;

export const StoredStakeholderSchema = z.extend(StakeholderSchema, {
  recordKey,
  /** Epoch ms of the last change, for conflict detection between two open panels. */
  updatedAt: z.int().check(z.nonnegative()),
});
export type StoredStakeholder = z.infer<typeof StoredStakeholderSchema>;

export const StoredAssignmentSchema = z.extend(TeamAssignmentSchema, { recordKey, assignedAt: z.int().check(z.nonnegative()) });
export type StoredAssignment = z.infer<typeof StoredAssignmentSchema>;

/** At most one per record: a new move replaces the one before. */
export const StoredStageOverrideSchema = z.extend(StageOverrideSchema, { recordKey });
export type StoredStageOverride = z.infer<typeof StoredStageOverrideSchema>;

/** Parses rows read back from the store; a row that fails is left out rather than shown half-read. */
export function validRows<T>(schema: z.ZodMiniType<T>, rows: readonly unknown[]): T[] {
  return rows.flatMap((row) => {
    const parsed = schema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

// The outbox: every change meant for the CRM, written in the same transaction
// as the local change it mirrors. An entry carries what to write (a snapshot,
// so the sender needs nothing else from the store) and its delivery state.

export const OUTBOX_STATES = ['pending', 'sending', 'parked', 'done'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** A Salesforce record id, 15 or 18 characters. */
const salesforceId = z.string().check(z.regex(SALESFORCE_ID));

const OutboxNotePayloadSchema = z.object({
  opportunityId: salesforceId,
  note: z.object({
    id: z.string().check(z.minLength(1), z.maxLength(64)),
    text: z.string().check(z.minLength(1), z.maxLength(MAX_NOTE_CHARS)),
    pageTitle: z.string().check(z.maxLength(2_000)),
    url: z.string().check(z.maxLength(4_096)),
    capturedAt: z.int().check(z.nonnegative()),
  }),
});


/** The record's accepted values as a whole: the one facts note is rewritten from it, never patched. */
const OutboxFactsPayloadSchema = z.object({
  opportunityId: salesforceId,
  facts: z.array(z.extend(z.pick(RequirementValueSchema, { value: true, source: true, confirmedByCustomer: true, setBy: true, setAt: true }), {
        /** The field's label as the team reads it (resolved from the playbook when the entry is written). */
        label: z.string().check(z.minLength(1), z.maxLength(500)),
        value: z.string().check(z.maxLength(MAX_VALUE_CHARS)),
      })).check(z.maxLength(500)),
});

/** People are named by e-mail: the page rarely shows Salesforce ids, and the sender looks the id up. */
const OutboxContactRolePayloadSchema = z.object({ opportunityId: salesforceId, contactEmail: z.email().check(z.maxLength(320)), roleId: z.string().check(z.minLength(1), z.maxLength(100)) });
const OutboxTeamMemberPayloadSchema = z.object({ opportunityId: salesforceId, userEmail: z.email().check(z.maxLength(320)), roleId: z.string().check(z.minLength(1), z.maxLength(100)) });

export const ParkedReasonSchema = z.object({
  errorCode: z.string().check(z.maxLength(200)),
  fields: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(100)),
  message: z.string().check(z.maxLength(2_000)),
});
export type ParkedReason = z.infer<typeof ParkedReasonSchema>;

const outboxEntryBase = {
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  recordKey,
  /** Order within the record: an entry is sent only after every earlier one of its record. */
  seq: z.int().check(z.positive()),
  state: z.enum(OUTBOX_STATES),
  /** Attempts started so far; more than one means an earlier attempt may have reached Salesforce. */
  attempts: z.int().check(z.nonnegative()),
  /** Epoch ms before which a pending entry is not sent (backoff). */
  nextAttemptAt: z.int().check(z.nonnegative()),
  /** Epoch ms the current attempt started; a `sending` entry this old belongs to a stopped worker. */
  sendingAt: z.optional(z.int().check(z.nonnegative())),
  parkedReason: z.optional(ParkedReasonSchema),
  /** The Salesforce id created for this entry, stored before the entry is done. */
  remoteId: z.optional(salesforceId),
  /** LastModifiedDate of the remote record after this entry's write (the base of the next conditional update). */
  remoteVersion: z.optional(z.string().check(z.maxLength(40))),
  /** The user retried a conflict: write over what Salesforce has now rather than refuse again. */
  overwrite: z.optional(z.boolean()),
  createdAt: z.int().check(z.nonnegative()),
};

export const StoredOutboxEntrySchema = z.discriminatedUnion('kind', [
  z.object({ ...outboxEntryBase, kind: z.literal('note'), payload: OutboxNotePayloadSchema }),
  z.object({ ...outboxEntryBase, kind: z.literal('requirement-facts'), payload: OutboxFactsPayloadSchema }),
  z.object({ ...outboxEntryBase, kind: z.literal('contact-role'), payload: OutboxContactRolePayloadSchema }),
  z.object({ ...outboxEntryBase, kind: z.literal('team-member'), payload: OutboxTeamMemberPayloadSchema }),
]);
export type StoredOutboxEntry = z.infer<typeof StoredOutboxEntrySchema>;
export type OutboxKind = StoredOutboxEntry['kind'];
