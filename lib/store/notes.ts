import type { Database } from './db';
import { StoredNoteSchema, type StoredNote } from './note-schema';

/**
 * Adds a note and resolves only once the transaction has committed with strict
 * durability (flushed to disk), so "saved" is never said too early.
 */
export async function addNote(db: Database, note: StoredNote): Promise<void> {
  const valid = StoredNoteSchema.parse(note);
  const tx = db.transaction('notes', 'readwrite', { durability: 'strict' });
  await Promise.all([tx.store.add(valid), tx.done]);
}

/** Notes of one record, newest first. Rows that fail validation are skipped, not shown half-read. */
export async function notesForRecord(db: Database, recordKey: string): Promise<StoredNote[]> {
  const range = IDBKeyRange.bound([recordKey, -Infinity], [recordKey, Infinity]);
  const rows = await db.getAllFromIndex('notes', 'byRecord', range);
  return rows
    .flatMap((row) => {
      const parsed = StoredNoteSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    })
    .reverse();
}
