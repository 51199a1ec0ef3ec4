import type { DealFacts } from '@/lib/domain/deal-facts';
import type { RequirementValue } from '@/lib/domain/requirement-value';
import { StageOverrideSchema, type StageOverride } from '@/lib/domain/stage-override';
import { annotateStakeholder, setStakeholderRoles, type Stakeholder, type StakeholderAnnotations } from '@/lib/domain/stakeholder';
import type { IDBPTransaction } from 'idb';
import { abortWith, allOrNothing, writeTransaction, type Database, type IronTriangleDB } from './db';
import { notesForRecord } from './notes';
import { contactEmailOf, enqueueContactRoles, enqueueFacts, enqueueTeamMember, type FactsTarget, type OutboxTarget } from './outbox-mirror';
import {
  StoredAssignmentSchema,
  StoredDecisionSchema,
  StoredRequirementValueSchema,
  StoredStageOverrideSchema,
  StoredStakeholderSchema,
  validRows,
  type StoredDecision,
  type StoredRequirementValue,
  type StoredStakeholder,
} from './rows';

// What the team stored about one record. Edits from two panels never
// overwrite each other silently: each edit names the version it was based on
// (`basedOn`), and a write based on an outdated version is refused as a
// conflict that carries the newer version for the user to see. A write given
// an outbox target (the record is an opportunity of the connected Salesforce
// org) also enqueues what Salesforce keeps of it, in the same transaction
// (lib/store/outbox-mirror.ts).

type OutboxWrite = IDBPTransaction<IronTriangleDB, ['stakeholders', 'outbox'], 'readwrite'>;

export type WriteResult<T> = { ok: true; value: T } | { ok: false; conflict: T };

export interface RecordFacts extends DealFacts {
  /** As stored, with `updatedAt`: the version an edit is based on. */
  stakeholders: StoredStakeholder[];
  decisions: StoredDecision[];
}

/** Everything stored for a record, in the shape the engines take. */
export async function factsForRecord(db: Database, recordKey: string): Promise<RecordFacts> {
  const tx = db.transaction(['requirementValues', 'stakeholders', 'assignments', 'decisions', 'stageOverrides']);
  const [values, stakeholders, assignments, decisions, storedOverride] = await Promise.all([
    tx.objectStore('requirementValues').index('byRecord').getAll(recordKey),
    tx.objectStore('stakeholders').index('byRecord').getAll(recordKey),
    tx.objectStore('assignments').index('byRecord').getAll(recordKey),
    tx.objectStore('decisions').index('byRecord').getAll(recordKey),
    tx.objectStore('stageOverrides').get(recordKey),
  ]);
  // Read by its recordKey, so parsed without it: the engines take the override alone.
  const [stageOverride] = validRows(StageOverrideSchema, storedOverride === undefined ? [] : [storedOverride]);
  return {
    requirementValues: validRows(StoredRequirementValueSchema, values),
    stakeholders: validRows(StoredStakeholderSchema, stakeholders),
    assignments: validRows(StoredAssignmentSchema, assignments),
    decisions: validRows(StoredDecisionSchema, decisions),
    notes: await notesForRecord(db, recordKey),
    ...(stageOverride && { stageOverride }),
  };
}

/**
 * Adds a value to a requirement field's trail. `basedOn` is the `setAt` of the
 * newest value the editor saw (null if it saw none); if someone added a newer
 * value since, nothing is written and that value comes back as the conflict.
 */
export async function addRequirementValue(
  db: Database,
  recordKey: string,
  value: RequirementValue,
  basedOn: number | null,
  newId: () => string,
  mirror?: FactsTarget,
): Promise<WriteResult<StoredRequirementValue>> {
  const row = StoredRequirementValueSchema.parse({ ...value, id: newId(), recordKey });
  const tx = writeTransaction(db, ['requirementValues', 'outbox']);
  const trail = await tx.objectStore('requirementValues').index('byRecordField').getAll([recordKey, value.fieldId]);
  const newest = trail.reduce<StoredRequirementValue | undefined>((a, b) => (!a || b.setAt > a.setAt ? b : a), undefined);
  if (newest && newest.setAt !== basedOn) {
    await tx.done;
    return { ok: false, conflict: newest };
  }
  await tx.objectStore('requirementValues').add(row);
  if (mirror) await allOrNothing(tx, () => enqueueFacts(tx, recordKey, mirror));
  await tx.done;
  return { ok: true, value: row };
}

/**
 * Records a person's decision on a note's suggestion for a field; accepting
 * also adds the value (with the note's quote and URL as its source) in the
 * same transaction, so a decision never exists without its value.
 */
export async function decideSuggestion(
  db: Database,
  decision: StoredDecision,
  accepted?: { value: RequirementValue; id: string },
  mirror?: FactsTarget,
): Promise<void> {
  const row = StoredDecisionSchema.parse(decision);
  const tx = writeTransaction(db, ['decisions', 'requirementValues', 'outbox']);
  if (row.decision === 'accepted') {
    if (!accepted || accepted.value.source.kind !== 'note' || accepted.value.fieldId !== row.fieldId) {
      return abortWith(tx, new Error('an accepted suggestion needs its value, sourced from the note'));
    }
    await tx.objectStore('requirementValues').add(StoredRequirementValueSchema.parse({ ...accepted.value, id: accepted.id, recordKey: row.recordKey }));
    if (mirror) await allOrNothing(tx, () => enqueueFacts(tx, row.recordKey, mirror));
  }
  await tx.objectStore('decisions').put(row);
  await tx.done;
}

/**
 * Adds or updates a stakeholder. `basedOn` is the `updatedAt` the editor saw
 * (null for a new one); a newer stored version is returned as the conflict.
 */
export function saveStakeholder(
  db: Database,
  recordKey: string,
  stakeholder: Stakeholder,
  basedOn: number | null,
  now: number,
): Promise<WriteResult<StoredStakeholder>> {
  return putStakeholderUnlessChanged(db, recordKey, stakeholder.id, basedOn, now, () => stakeholder);
}

/**
 * Sets stance, influence, our owner and last engagement on a person — also on
 * a CRM contact the team never stored anything about, keyed by its contact id
 * so the next read of the page finds it. Same conflict rule as `saveStakeholder`.
 */
export function saveStakeholderAnnotations(
  db: Database,
  recordKey: string,
  person: Pick<Stakeholder, 'id' | 'name' | 'title' | 'source'>,
  annotations: StakeholderAnnotations,
  basedOn: number | null,
  now: number,
): Promise<WriteResult<StoredStakeholder>> {
  return putStakeholderUnlessChanged(db, recordKey, person.id, basedOn, now, (stored) => annotateStakeholder(person, stored, annotations));
}

/**
 * Sets the decision-chain roles a person holds, with the same conflict check as annotations.
 * With `mirror`, each role the user `chose` that a CRM contact did not hold before becomes its
 * contact role in Salesforce (not the roles read from the page or the title, kept alongside).
 */
export function saveStakeholderRoles(
  db: Database,
  recordKey: string,
  person: Pick<Stakeholder, 'id' | 'name' | 'title' | 'source' | 'stance' | 'influence'>,
  roles: readonly string[],
  basedOn: number | null,
  now: number,
  mirror?: OutboxTarget & { chosen: readonly string[] },
): Promise<WriteResult<StoredStakeholder>> {
  const contactEmail = person.source === 'crm' ? contactEmailOf(person.id) : undefined;
  return putStakeholderUnlessChanged(db, recordKey, person.id, basedOn, now, (stored) => setStakeholderRoles(person, stored, roles), async (tx, stored, row) => {
    if (!mirror || contactEmail === undefined) return;
    const added = row.roles.filter((roleId) => mirror.chosen.includes(roleId) && !stored?.roles.includes(roleId));
    await enqueueContactRoles(tx, recordKey, contactEmail, added, mirror);
  });
}

/** Writes `build(stored)` in one transaction with the check that nobody changed the person since `basedOn`. */
async function putStakeholderUnlessChanged(
  db: Database,
  recordKey: string,
  id: string,
  basedOn: number | null,
  now: number,
  build: (stored: StoredStakeholder | undefined) => Stakeholder,
  mirror?: (tx: OutboxWrite, stored: StoredStakeholder | undefined, row: StoredStakeholder) => Promise<void>,
): Promise<WriteResult<StoredStakeholder>> {
  const tx = writeTransaction(db, ['stakeholders', 'outbox']);
  const stored = await tx.objectStore('stakeholders').get([recordKey, id]);
  if (stored && stored.updatedAt !== basedOn) {
    await tx.done;
    return { ok: false, conflict: stored };
  }
  const row = StoredStakeholderSchema.parse({ ...build(stored), recordKey, updatedAt: now });
  await tx.objectStore('stakeholders').put(row);
  if (mirror) await allOrNothing(tx, () => mirror(tx, stored, row));
  await tx.done;
  return { ok: true, value: row };
}

export async function removeStakeholder(db: Database, recordKey: string, id: string): Promise<void> {
  await db.delete('stakeholders', [recordKey, id]);
}

/** Assigns a colleague a team role; with `mirror` (and their e-mail address) they join the opportunity's team in Salesforce. */
export async function assignMember(
  db: Database,
  recordKey: string,
  roleId: string,
  personId: string,
  now: number,
  mirror?: OutboxTarget & { userEmail: string },
): Promise<void> {
  const row = StoredAssignmentSchema.parse({ recordKey, roleId, personId, assignedAt: now });
  const tx = writeTransaction(db, ['assignments', 'outbox']);
  await tx.objectStore('assignments').put(row);
  if (mirror) await allOrNothing(tx, () => enqueueTeamMember(tx, recordKey, mirror.userEmail, roleId, mirror));
  await tx.done;
}

export async function unassignMember(db: Database, recordKey: string, roleId: string, personId: string): Promise<void> {
  const tx = writeTransaction(db, ['assignments']);
  await tx.store.delete([recordKey, roleId, personId]);
  await tx.done;
}

/**
 * Records that the team moved the deal on past the stage its CRM shows (e.g.
 * a won deal into delivery). A record keeps only the latest move: moving a
 * deal from delivery on to cash replaces the move into delivery.
 */
export async function setStageOverride(db: Database, recordKey: string, override: StageOverride): Promise<void> {
  const row = StoredStageOverrideSchema.parse({ ...override, recordKey });
  const tx = writeTransaction(db, ['stageOverrides']);
  await tx.store.put(row);
  await tx.done;
}

/** The deal follows its CRM stage again. */
export async function clearStageOverride(db: Database, recordKey: string): Promise<void> {
  const tx = writeTransaction(db, ['stageOverrides']);
  await tx.store.delete(recordKey);
  await tx.done;
}

/** A customer's person as Salesforce's contact roles name them: the decision-chain roles their contact roles stand for. */
export interface RemoteContactRoles {
  person: Pick<Stakeholder, 'id' | 'name' | 'title'>;
  roles: readonly string[];
}

/**
 * Merges the contact roles read back from Salesforce: each person gains the roles they do not
 * hold yet (never loses one: a role taken away in Salesforce is for the team to take away here).
 * Resolves how many people changed.
 */
export async function mergeRemoteContactRoles(db: Database, recordKey: string, people: readonly RemoteContactRoles[], now: number): Promise<number> {
  const tx = writeTransaction(db, ['stakeholders']);
  let changed = 0;
  for (const { person, roles } of people) {
    const [stored] = validRows(StoredStakeholderSchema, [await tx.store.get([recordKey, person.id])].filter((row) => row !== undefined));
    const held = stored?.roles ?? [];
    const added = roles.filter((roleId) => !held.includes(roleId));
    if (added.length === 0) continue;
    const base = stored ?? { ...person, roles: [], stance: 'unknown' as const, influence: 'unknown' as const, source: 'crm' as const };
    await tx.store.put(StoredStakeholderSchema.parse({ ...base, title: base.title ?? person.title, roles: [...held, ...added], recordKey, updatedAt: now }));
    changed++;
  }
  await tx.done;
  return changed;
}

/** Merges team members read back from Salesforce as assignments; resolves how many were new. */
export async function mergeRemoteAssignments(db: Database, recordKey: string, assignments: readonly { roleId: string; personId: string }[], now: number): Promise<number> {
  const tx = writeTransaction(db, ['assignments']);
  let added = 0;
  for (const { roleId, personId } of assignments) {
    if (await tx.store.get([recordKey, roleId, personId])) continue;
    await tx.store.put(StoredAssignmentSchema.parse({ recordKey, roleId, personId, assignedAt: now }));
    added++;
  }
  await tx.done;
  return added;
}
