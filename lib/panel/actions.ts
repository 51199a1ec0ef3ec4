import type { NoteMention } from '@/lib/engines/note-mentions';
import { parseFigures } from '@/lib/notes/figures';
import { getDatabase } from '@/lib/store/connection';
import { exportBackup } from '@/lib/store/backup';
import { datedFilename, download } from '@/lib/options/files';
import { publish, sendOutboxNow } from '@/lib/messaging/page-client';
import { contactRoleTargetOf, factsTargetOf, teamTargetOf } from './salesforce-target';
import { readSignature } from './signature';
import {
  addRequirementValue,
  assignMember,
  clearStageOverride,
  decideSuggestion,
  saveStakeholder,
  saveStakeholderAnnotations,
  saveStakeholderRoles,
  setStageOverride,
  unassignMember,
} from '@/lib/store/facts';
import type { Stakeholder, StakeholderAnnotations } from '@/lib/domain/stakeholder';
import { deleteNote, moveNote, saveNote } from '@/lib/store/notes';
import type { StoredNote, StoredStakeholder } from '@/lib/store/rows';

// What the panel writes. Extension pages share the extension's IndexedDB with
// the background, so they write directly and then tell other open pages. On an
// opportunity of the connected Salesforce org, accepted values, people's roles
// and team assignments also go to the outbox, in the write's own transaction;
// the background is then asked to send.

/** After a write that enqueued for Salesforce: other pages show "sending", the background sends. */
async function afterEnqueue(enqueued: boolean): Promise<void> {
  if (!enqueued) return;
  await publish({ type: 'broadcast/outbox' });
  await sendOutboxNow().catch(() => undefined); // the alarm and the next start send it anyway
}

/**
 * Accepts a note's proposal as the field's value: the proposed statement, or
 * the text the user edited it into (its figures read again), with the note's
 * own words kept as the source.
 */
export async function acceptSuggestion(recordKey: string, fieldId: string, mention: NoteMention, now: number, edited?: string): Promise<void> {
  const value = edited?.trim() || mention.value;
  const db = await getDatabase();
  const mirror = await factsTargetOf(db, recordKey, now);
  await decideSuggestion(
    db,
    { recordKey, noteId: mention.noteId, fieldId, decision: 'accepted', decidedAt: now },
    {
      id: crypto.randomUUID(),
      value: {
        fieldId,
        value,
        figures: value === mention.value ? mention.figures : parseFigures(value, { now }),
        source: { kind: 'note', noteId: mention.noteId, quote: mention.quote, url: mention.url },
        confirmedByCustomer: false,
        setBy: await readSignature(db),
        setAt: now,
      },
    },
    mirror,
  );
  await publish({ type: 'broadcast/facts', recordKey });
  await afterEnqueue(mirror !== undefined);
}

export async function rejectSuggestion(recordKey: string, fieldId: string, mention: NoteMention, now: number): Promise<void> {
  await decideSuggestion(await getDatabase(), { recordKey, noteId: mention.noteId, fieldId, decision: 'rejected', decidedAt: now });
  await publish({ type: 'broadcast/facts', recordKey });
}

export async function assign(recordKey: string, roleId: string, personId: string, now: number): Promise<void> {
  const db = await getDatabase();
  const mirror = await teamTargetOf(db, recordKey, personId, now);
  await assignMember(db, recordKey, roleId, personId, now, mirror);
  await publish({ type: 'broadcast/facts', recordKey });
  await afterEnqueue(mirror !== undefined);
}

export async function unassign(recordKey: string, roleId: string, personId: string): Promise<void> {
  await unassignMember(await getDatabase(), recordKey, roleId, personId);
  await publish({ type: 'broadcast/facts', recordKey });
}

/**
 * The team moves the deal on to `stageId` where the CRM cannot follow (e.g. a
 * won deal into delivery). `fromCrmStage` is the stage the CRM shows now: the
 * move holds only while the CRM still shows it.
 */
export async function moveDealOn(recordKey: string, stageId: string, fromCrmStage: string, now: number): Promise<void> {
  const db = await getDatabase();
  await setStageOverride(db, recordKey, { stageId, fromCrmStage, setBy: await readSignature(db), setAt: now });
  await publish({ type: 'broadcast/facts', recordKey });
}

/** Drops the team's move: the deal's stage is the CRM's again. */
export async function followCrmStage(recordKey: string): Promise<void> {
  await clearStageOverride(await getDatabase(), recordKey);
  await publish({ type: 'broadcast/facts', recordKey });
}

export async function moveNoteToRecord(noteId: string, record: { recordKey: string; name: string }): Promise<void> {
  await moveNote(await getDatabase(), noteId, record);
  await publish({ type: 'broadcast/notes', recordKey: record.recordKey });
  await publish({ type: 'broadcast/notes', recordKey: null });
}

/** Deletes a note and returns it, for the panel's undo. */
export async function removeNote(noteId: string): Promise<StoredNote | undefined> {
  const deleted = await deleteNote(await getDatabase(), noteId);
  await publish({ type: 'broadcast/notes', recordKey: deleted?.recordKey ?? null });
  return deleted;
}

export async function restoreNote(note: StoredNote): Promise<void> {
  await saveNote(await getDatabase(), note);
  await publish({ type: 'broadcast/notes', recordKey: note.recordKey ?? null });
}

export type ValueSave = { ok: true } | { ok: false; conflict: { value: string; setAt: number; setBy: string } };

/**
 * Saves a requirement value typed in the panel. `basedOn` is the newest stored
 * value's time the editor saw; if another panel saved a newer one meanwhile,
 * nothing is written and that value comes back for the user to decide.
 */
export async function saveRequirementValue(
  recordKey: string,
  fieldId: string,
  value: string,
  confirmedByCustomer: boolean,
  basedOn: number | null,
  now: number,
): Promise<ValueSave> {
  const db = await getDatabase();
  const mirror = await factsTargetOf(db, recordKey, now);
  const result = await addRequirementValue(
    db,
    recordKey,
    { fieldId, value, figures: parseFigures(value, { now }), source: { kind: 'manual' }, confirmedByCustomer, setBy: await readSignature(db), setAt: now },
    basedOn,
    () => crypto.randomUUID(),
    mirror,
  );
  if (!result.ok) return { ok: false, conflict: { value: result.conflict.value, setAt: result.conflict.setAt, setBy: result.conflict.setBy } };
  await publish({ type: 'broadcast/facts', recordKey });
  await afterEnqueue(mirror !== undefined);
  return { ok: true };
}

/** Downloads everything stored for one record as a backup file. */
export async function exportRecord(recordKey: string): Promise<void> {
  const now = new Date();
  const backup = await exportBackup(await getDatabase(), now, recordKey);
  download(datedFilename('record', now), JSON.stringify(backup, null, 2));
}

/** Adds a person at the customer, e.g. for a decision-chain role nobody covers yet. */
export async function addStakeholder(recordKey: string, stakeholder: Omit<Stakeholder, 'id' | 'source'>, now: number): Promise<void> {
  const result = await saveStakeholder(await getDatabase(), recordKey, { ...stakeholder, id: `manual:${crypto.randomUUID()}`, source: 'manual' }, null, now);
  if (!result.ok) throw new Error('a stakeholder with this id exists already');
  await publish({ type: 'broadcast/facts', recordKey });
}

export type StakeholderSave = { ok: true } | { ok: false; conflict: StoredStakeholder };

/**
 * Saves stance, influence, our owner and last engagement for a person in the
 * decision chain, a CRM contact included. `basedOn` is the `updatedAt` of the
 * stored version the editor started from (null: nothing was stored); a newer
 * one saved meanwhile comes back for the user to decide, as for values.
 */
export async function annotateStakeholder(
  recordKey: string,
  person: Pick<Stakeholder, 'id' | 'name' | 'title' | 'source'>,
  annotations: StakeholderAnnotations,
  basedOn: number | null,
  now: number,
): Promise<StakeholderSave> {
  const result = await saveStakeholderAnnotations(await getDatabase(), recordKey, person, annotations, basedOn, now);
  if (!result.ok) return result;
  await publish({ type: 'broadcast/facts', recordKey });
  return { ok: true };
}

/**
 * Accepts the proposal that a person holds a decision-chain role (a highly
 * influential supporter as coach). The roles the person holds now are kept:
 * roles set by hand replace the ones read from the CRM and the title.
 */
export async function acceptRoleProposal(
  recordKey: string,
  person: Pick<Stakeholder, 'id' | 'name' | 'title' | 'source' | 'stance' | 'influence'> & { roles: readonly { roleId: string }[] },
  roleId: string,
  basedOn: number | null,
  now: number,
): Promise<StakeholderSave> {
  const roles = [...person.roles.map((role) => role.roleId), roleId];
  const db = await getDatabase();
  const mirror = await contactRoleTargetOf(db, recordKey, now);
  const result = await saveStakeholderRoles(db, recordKey, person, roles, basedOn, now, mirror && { ...mirror, chosen: [roleId] });
  if (!result.ok) return result;
  await publish({ type: 'broadcast/facts', recordKey });
  await afterEnqueue(mirror !== undefined);
  return { ok: true };
}
