import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { openDatabase, type Database } from './db';
import { deleteNote, inboxNotes, moveNote, notesForRecord, REPEAT_WINDOW_MS, saveNote } from './notes';
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
    await saveNote(db, note({ id: 'a', recordKey: 'r1', capturedAt: 10, text: 'Diesel at remote sites' }));
    await saveNote(db, note({ id: 'b', recordKey: 'r1', capturedAt: 30, text: 'Tender in May' }));
    await saveNote(db, note({ id: 'c', recordKey: 'r2', capturedAt: 20 }));
    await saveNote(db, note({ id: 'inbox-old', capturedAt: 40, text: 'Budget approved' }));
    await saveNote(db, note({ id: 'inbox-new', capturedAt: 50, text: 'CFO signs' }));
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

  it('a capture repeated within the window keeps the first note; the same words later, elsewhere or from the CRM are kept', async () => {
    db = await openDatabase(name());
    const at = 1_000_000_000;
    expect(await saveNote(db, note({ id: 'first', recordKey: 'r1', capturedAt: at }))).toBe('first');
    // A retry (new id) within the window, either side of the first: the first note is kept.
    expect(await saveNote(db, note({ id: 'retry', recordKey: 'r1', capturedAt: at + REPEAT_WINDOW_MS }))).toBe('first');
    expect(await saveNote(db, note({ id: 'earlier', recordKey: 'r1', capturedAt: at - 5_000 }))).toBe('first');
    // Later, on another record, in the inbox, or other words: a note of its own.
    expect(await saveNote(db, note({ id: 'later', recordKey: 'r1', capturedAt: at + REPEAT_WINDOW_MS + 1 }))).toBe('later');
    expect(await saveNote(db, note({ id: 'other-record', recordKey: 'r2', capturedAt: at }))).toBe('other-record');
    expect(await saveNote(db, note({ id: 'inbox', capturedAt: at }))).toBe('inbox');
    expect(await saveNote(db, note({ id: 'inbox-retry', capturedAt: at + 1 }))).toBe('inbox');
    expect(await saveNote(db, note({ id: 'other-words', recordKey: 'r1', capturedAt: at, text: 'Diesel cost at remote sites!' }))).toBe('other-words');
    // A colleague's note read back from the CRM with the same words is not a capture made here.
    await db.put('notes', note({ id: 'remote', recordKey: 'r3', capturedAt: at, author: { name: 'Li Wei', source: 'salesforce', remoteId: '00N000000000001', modifiedAt: at } }));
    expect(await saveNote(db, note({ id: 'mine', recordKey: 'r3', capturedAt: at }))).toBe('mine');
    expect((await db.getAllKeys('notes')).sort()).toEqual(['first', 'inbox', 'later', 'mine', 'other-record', 'other-words', 'remote']);
  });

  it('two repeats written at once keep one note', async () => {
    db = await openDatabase(name());
    const kept = await Promise.all([saveNote(db, note({ id: 'x', recordKey: 'r1' })), saveNote(db, note({ id: 'y', recordKey: 'r1', capturedAt: 2 }))]);
    expect(kept).toEqual(['x', 'x']);
    expect(await db.count('notes')).toBe(1);
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
