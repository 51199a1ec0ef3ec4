import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB, openDB } from 'idb';
import { DB_VERSION, openDatabase } from './db';
import { inboxNotes, notesForRecord } from './notes';

const NAME = 'migration-test';
afterEach(() => deleteDB(NAME));

/** Writes data exactly as version 1 of the extension did (its schema, its rows). */
async function seedVersion1(): Promise<void> {
  const v1 = await openDB(NAME, 1, {
    upgrade(db) {
      db.createObjectStore('notes', { keyPath: 'id' }).createIndex('byRecord', ['recordKey', 'capturedAt']);
    },
  });
  await v1.put('notes', { id: 'rec', text: 'Needs solar', pageTitle: 'Mail', url: 'https://m/1', capturedAt: 10, recordKey: 'sf|h|Opportunity|1', recordName: 'Nile' });
  await v1.put('notes', { id: 'inbox', text: 'Budget approved', pageTitle: 'Chat', url: 'https://c/2', capturedAt: 20 });
  v1.close();
}

describe('schema migrations', () => {
  it('v1 -> current: keeps every note, files inbox notes in the inbox index, adds the new stores', async () => {
    await seedVersion1();
    const db = await openDatabase(NAME);
    expect(db.version).toBe(DB_VERSION);
    expect((await notesForRecord(db, 'sf|h|Opportunity|1')).map((n) => n.text)).toEqual(['Needs solar']);
    expect((await inboxNotes(db)).map((n) => [n.id, n.inboxAt])).toEqual([['inbox', 20]]);
    expect([...db.objectStoreNames].sort()).toEqual(['assignments', 'decisions', 'directory', 'notes', 'records', 'requirementValues', 'settings', 'stakeholders']);
    db.close();
  });

  it('an older connection closes itself so the upgrade is not blocked', async () => {
    const old = await openDatabase(NAME, 1);
    let closed = false;
    old.addEventListener('close', () => (closed = true));
    const upgraded = await openDatabase(NAME); // would hang while `old` stayed open
    expect(upgraded.version).toBe(DB_VERSION);
    expect(closed || (() => { try { old.transaction('notes'); return false; } catch { return true; } })()).toBe(true);
    upgraded.close();
  });
});
