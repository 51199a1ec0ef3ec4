import { abortWith, writeTransaction, type Database } from './db';
import { StoredNoteSchema, validRows, type StoredNote } from './rows';

/**
 * Stores a note and resolves only once the transaction has committed with
 * strict durability, so "saved" is never said too early. Idempotent for the
 * same id and content (the capture queue may replay a note), but never
 * overwrites a different note.
 */
export async function saveNote(db: Database, note: StoredNote): Promise<void> {
  const valid = StoredNoteSchema.parse({ ...note, inboxAt: note.recordKey === undefined ? note.capturedAt : undefined });
  const tx = writeTransaction(db, ['notes']);
  const existing = await tx.store.get(valid.id);
  if (existing && existing.text !== valid.text) return abortWith(tx, new Error(`a different note already has id ${valid.id}`));
  if (!existing) await tx.store.add(valid);
  await tx.done;
}

/** Notes of one record, newest first. */
export async function notesForRecord(db: Database, recordKey: string): Promise<StoredNote[]> {
  const range = IDBKeyRange.bound([recordKey, -Infinity], [recordKey, Infinity]);
  return validRows(StoredNoteSchema, await db.getAllFromIndex('notes', 'byRecord', range)).reverse();
}

/** Notes captured where no record was in view, newest first. */
export async function inboxNotes(db: Database): Promise<StoredNote[]> {
  return validRows(StoredNoteSchema, await db.getAllFromIndex('notes', 'byInbox')).reverse();
}

/** Moves a note to a record (from the inbox or from another record). */
export async function moveNote(db: Database, noteId: string, record: { recordKey: string; name: string }): Promise<StoredNote> {
  const tx = writeTransaction(db, ['notes']);
  const note = await tx.store.get(noteId);
  if (!note) return abortWith(tx, new Error(`no note ${noteId}`));
  const moved = StoredNoteSchema.parse({ ...note, inboxAt: undefined, recordKey: record.recordKey, recordName: record.name });
  await tx.store.put(moved);
  await tx.done;
  return moved;
}

/** Deletes a note and returns it, so the panel can offer to undo. */
export async function deleteNote(db: Database, noteId: string): Promise<StoredNote | undefined> {
  const tx = writeTransaction(db, ['notes']);
  const note = await tx.store.get(noteId);
  if (note) await tx.store.delete(noteId);
  await tx.done;
  return note;
}

/**
 * Stores or refreshes a note read back from the CRM (its id is derived from the remote one).
 * Unlike `saveNote` it replaces an earlier version: a colleague may have edited the note.
 * Resolves whether anything changed.
 */
export async function upsertRemoteNote(db: Database, note: StoredNote & { author: NonNullable<StoredNote['author']> }): Promise<boolean> {
  const valid = StoredNoteSchema.parse({ ...note, inboxAt: undefined });
  const tx = writeTransaction(db, ['notes']);
  const existing = await tx.store.get(valid.id);
  if (existing && existing.author === undefined) return abortWith(tx, new Error(`note ${valid.id} was captured here, not read back`));
  const changed = !existing || existing.text !== valid.text || existing.pageTitle !== valid.pageTitle || existing.author?.name !== valid.author?.name;
  // A new version with the same words is kept too (its time), but is no change to show.
  if (changed || existing.author?.modifiedAt !== valid.author?.modifiedAt) await tx.store.put(valid);
  await tx.done;
  return changed;
}
