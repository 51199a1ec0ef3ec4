import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { openDatabase, type Database } from './db';
import { deleteNote, inboxNotes, moveNote, notesForRecord, saveNote } from './notes';
import type { StoredNote } from './rows';

let db: Database;
const name = () => `notes-${expect.getState().currentTestName}`;

afterEach(async () => {
  db?.close();
  await deleteDB(name());
});

function note(overrides: Partial<StoredNote>): StoredNote {
  return { id: 'n1', text: 'Diesel cost at remote sites', pageTitle: 'Mail', url: 'https://mail.example/1', capturedAt: 1, ...overrides };
}

describe('note store', () => {
  it('lists a record’s notes newest first and inbox notes apart', async () => {
    db = await openDatabase(name());
    await saveNote(db, note({ id: 'a', recordKey: 'r1', capturedAt: 10 }));
    await saveNote(db, note({ id: 'b', recordKey: 'r1', capturedAt: 30 }));
    await saveNote(db, note({ id: 'c', recordKey: 'r2', capturedAt: 20 }));
    await saveNote(db, note({ id: 'inbox-old', capturedAt: 40 }));
    await saveNote(db, note({ id: 'inbox-new', capturedAt: 50 }));
    expect((await notesForRecord(db, 'r1')).map((n) => n.id)).toEqual(['b', 'a']);
    expect((await notesForRecord(db, 'r2')).map((n) => n.id)).toEqual(['c']);
    expect((await inboxNotes(db)).map((n) => n.id)).toEqual(['inbox-new', 'inbox-old']);
  });

  it('refuses an invalid note and stores nothing', async () => {
    db = await openDatabase(name());
    await expect(saveNote(db, note({ text: '' }))).rejects.toThrow();
    await expect(saveNote(db, note({ text: 'x'.repeat(100_001) }))).rejects.toThrow();
    expect(await db.count('notes')).toBe(0);
  });

  it('saving the same note twice keeps one; a different note with the same id is refused', async () => {
    db = await openDatabase(name());
    await saveNote(db, note({ id: 'same', text: 'first' }));
    await saveNote(db, note({ id: 'same', text: 'first' }));
    await expect(saveNote(db, note({ id: 'same', text: 'second' }))).rejects.toThrow(/different note/);
    expect(await db.count('notes')).toBe(1);
    expect((await db.get('notes', 'same'))?.text).toBe('first');
  });

  it('moves an inbox note to a record', async () => {
    db = await openDatabase(name());
    await saveNote(db, note({ id: 'x', capturedAt: 5 }));
    const moved = await moveNote(db, 'x', { recordKey: 'r9', name: 'Nile Telecom' });
    expect(moved).toMatchObject({ recordKey: 'r9', recordName: 'Nile Telecom' });
    expect(moved.inboxAt).toBeUndefined();
    expect(await inboxNotes(db)).toEqual([]);
    expect((await notesForRecord(db, 'r9')).map((n) => n.id)).toEqual(['x']);
    await expect(moveNote(db, 'missing', { recordKey: 'r9', name: 'x' })).rejects.toThrow(/no note/);
  });

  it('deletes a note and hands it back for undo', async () => {
    db = await openDatabase(name());
    await saveNote(db, note({ id: 'd', recordKey: 'r1' }));
    const deleted = await deleteNote(db, 'd');
    expect(deleted?.id).toBe('d');
    expect(await db.count('notes')).toBe(0);
    await saveNote(db, deleted!);
    expect((await notesForRecord(db, 'r1')).map((n) => n.id)).toEqual(['d']);
  });
});
