import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { openDatabase, type Database } from './db';
import { addNote, notesForRecord } from './notes';
import type { StoredNote } from './note-schema';

let db: Database;
const name = () => `test-${expect.getState().currentTestName}`;

afterEach(async () => {
  db?.close();
  await deleteDB(name());
});

function note(overrides: Partial<StoredNote>): StoredNote {
  return { id: 'n1', text: 'Diesel cost at remote sites', pageTitle: 'Mail', url: 'https://mail.example/1', capturedAt: 1, ...overrides };
}

describe('note store', () => {
  it('lists a record’s notes newest first and leaves inbox notes out', async () => {
    db = await openDatabase(name());
    await addNote(db, note({ id: 'a', recordKey: 'r1', capturedAt: 10 }));
    await addNote(db, note({ id: 'b', recordKey: 'r1', capturedAt: 30 }));
    await addNote(db, note({ id: 'c', recordKey: 'r2', capturedAt: 20 }));
    await addNote(db, note({ id: 'inbox', capturedAt: 40 }));
    expect((await notesForRecord(db, 'r1')).map((n) => n.id)).toEqual(['b', 'a']);
    expect((await notesForRecord(db, 'r2')).map((n) => n.id)).toEqual(['c']);
    expect(await db.count('notes')).toBe(4);
  });

  it('refuses an invalid note and stores nothing', async () => {
    db = await openDatabase(name());
    await expect(addNote(db, note({ text: '' }))).rejects.toThrow();
    await expect(addNote(db, note({ text: 'x'.repeat(100_001) }))).rejects.toThrow();
    expect(await db.count('notes')).toBe(0);
  });

  it('refuses a duplicate id instead of overwriting', async () => {
    db = await openDatabase(name());
    await addNote(db, note({ id: 'same', text: 'first' }));
    await expect(addNote(db, note({ id: 'same', text: 'second' }))).rejects.toThrow();
    expect((await db.get('notes', 'same'))?.text).toBe('first');
  });
});
