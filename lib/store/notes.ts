import type { IDBPObjectStore, StoreNames } from 'idb';
import { abortWith, writeTransaction, type Database, type IronTriangleDB } from './db';
import { StoredNoteSchema, validRows, type StoredNote } from './rows';

/**
 * Two captures of the same words for the same record (or both for the inbox) this close in time are one
 * capture made twice: a user not told "saved" (the worker stopped mid-capture) who captures again while the
 * first one is still on its way, or a double click on the menu. The second keeps the first's note.
 */
export const REPEAT_WINDOW_MS = 10 * 60_000;

/**
 * The id of the note that already keeps `note`, or null when `note` is to be added: itself (a replay of
 * the capture queue), or the note captured here that it repeats (`REPEAT_WINDOW_MS`). Refuses (aborting
 * `tx`) a different note under its id. Asked in the transaction that would add `note`: write transactions
 * on the notes are serialised, so of two repeats racing only the first is added.
 */
export async function noteAlreadyKept<Names extends ArrayLike<StoreNames<IronTriangleDB>>>(
  tx: { abort(): void },
  notes: IDBPObjectStore<IronTriangleDB, Names, 'notes', 'readwrite'>,
  note: StoredNote,
): Promise<string | null> {
  // Both asked at once: one round trip to the database, not two (`store.capture` in `npm run bench`).
  const [existing, repeated] = await Promise.all([notes.get(note.id), repeatedNote(notes, note)]);
  if (existing && existing.text !== note.text) return abortWith(tx, new Error(`a different note already has id ${note.id}`));
  return existing?.id ?? repeated?.id ?? null;
}

/** The note captured here that `note` repeats, if any. */
async function repeatedNote<Names extends ArrayLike<StoreNames<IronTriangleDB>>>(
  notes: IDBPObjectStore<IronTriangleDB, Names, 'notes', 'readwrite'>,
  note: StoredNote,
): Promise<StoredNote | undefined> {
  const from = note.capturedAt - REPEAT_WINDOW_MS;
  const to = note.capturedAt + REPEAT_WINDOW_MS;
  const near =
    note.recordKey === undefined
      ? await notes.index('byInbox').getAll(IDBKeyRange.bound(from, to))
      : await notes.index('byRecord').getAll(IDBKeyRange.bound([note.recordKey, from], [note.recordKey, to]));
  // Notes read back from the CRM (they have an author) are a colleague's words, never a repeat of a capture.
  return near.find((other) => other.id !== note.id && other.author === undefined && other.text === note.text);
}

/**
 * Stores a note and resolves, with the id of the note kept, only once the transaction has committed with
 * strict durability, so "saved" is never said too early. Idempotent for the same id and content (the
 * capture queue may replay a note) and for a repeated capture (`REPEAT_WINDOW_MS`), but never overwrites a
 * different note.
 */
export async function saveNote(db: Database, note: StoredNote): Promise<string> {
  const valid = StoredNoteSchema.parse({ ...note, inboxAt: note.recordKey === undefined ? note.capturedAt : undefined });
  const tx = writeTransaction(db, ['notes']);
  const kept = await noteAlreadyKept(tx, tx.store, valid);
  if (kept === null) await tx.store.add(valid);
  await tx.done;
  return kept ?? valid.id;
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
