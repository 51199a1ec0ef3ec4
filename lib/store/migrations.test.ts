import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB, openDB } from 'idb';
import { DB_VERSION, openDatabase } from './db';
import { clearStageOverride, factsForRecord, setStageOverride } from './facts';
import { inboxNotes, notesForRecord } from './notes';
import { nextSendable, saveNoteWithOutbox } from './outbox';
import { lastSnapshot, rememberRecord } from './records';
import { validSnapshot } from '@/test/support/snapshots';

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

const R = 'sf|h|Opportunity|1';
const VERSION_2_STORES = ['notes', 'records', 'requirementValues', 'decisions', 'stakeholders', 'assignments', 'directory', 'settings'] as const;

/** Writes a row to every store of version 2 (opened with its steps only) and returns each store's rows as written. */
async function seedVersion2(): Promise<Record<string, unknown[]>> {
  const v2 = await openDatabase(NAME, 2);
  await v2.put('notes', { id: 'n1', text: 'Needs solar', pageTitle: 'Mail', url: 'https://m/1', capturedAt: 10, recordKey: R });
  await v2.put('records', { recordKey: R, crm: 'salesforce', host: 'h', objectType: 'Opportunity', recordId: '1', name: 'Nile', url: 'https://h/1', lastSeenAt: 11 });
  await v2.put('requirementValues', { id: 'v1', recordKey: R, fieldId: 'site-power', value: 'off-grid', source: { kind: 'manual' }, confirmedByCustomer: true, setBy: 'Priya', setAt: 12 });
  await v2.put('decisions', { recordKey: R, noteId: 'n1', fieldId: 'site-power', decision: 'accepted', decidedAt: 13 });
  await v2.put('stakeholders', { recordKey: R, id: 's1', name: 'Amina', roles: ['procurement'], stance: 'neutral', influence: 'high', source: 'manual', updatedAt: 14 });
  await v2.put('assignments', { recordKey: R, roleId: 'sr', personId: 'p1', assignedAt: 15 });
  await v2.put('directory', { id: 'p1', name: 'Zhang Wei', roles: ['sr'], skills: [], industries: [], regions: [], languages: [], capacity: 4, openDeals: 1 });
  await v2.put('settings', 'zh-CN', 'language');
  const written = Object.fromEntries(await Promise.all(VERSION_2_STORES.map(async (store) => [store, await v2.getAll(store)] as const)));
  v2.close();
  return written;
}

describe('schema migrations', () => {
  it('v1 -> current: keeps every note, files inbox notes in the inbox index, adds the new stores', async () => {
    await seedVersion1();
    const db = await openDatabase(NAME);
    expect(db.version).toBe(DB_VERSION);
    expect((await notesForRecord(db, 'sf|h|Opportunity|1')).map((n) => n.text)).toEqual(['Needs solar']);
    expect((await inboxNotes(db)).map((n) => [n.id, n.inboxAt])).toEqual([['inbox', 20]]);
    expect([...db.objectStoreNames].sort()).toEqual(['assignments', 'decisions', 'deskRows', 'directory', 'notes', 'outbox', 'records', 'requirementValues', 'settings', 'snapshots', 'stageOverrides', 'stakeholders']);
    db.close();
  });

  it('v2 -> v3: keeps every row of every store and adds stage overrides, keyed by record', async () => {
    const written = await seedVersion2();
    const db = await openDatabase(NAME, 3);
    for (const store of VERSION_2_STORES) expect(await db.getAll(store), store).toEqual(written[store]);
    expect((await factsForRecord(db, R)).stageOverride).toBeUndefined();

    const override = { stageId: 'delivery', fromCrmStage: 'Closed Won', setBy: '', setAt: 20 };
    await setStageOverride(db, R, override);
    expect((await factsForRecord(db, R)).stageOverride).toEqual(override);
    await clearStageOverride(db, R);
    expect(await db.count('stageOverrides')).toBe(0);
    db.close();
  });

  it('v3 -> v4: keeps every row of every store and adds the outbox, ordered per record', async () => {
    // Every store of version 3 holds a row, written by its own steps: version 2's data, then a stage override.
    await seedVersion2();
    const stores = [...VERSION_2_STORES, 'stageOverrides'] as const;
    const v3 = await openDatabase(NAME, 3);
    await v3.put('stageOverrides', { recordKey: R, stageId: 'delivery', fromCrmStage: 'Closed Won', setBy: 'Priya', setAt: 20 });
    const v3Rows = Object.fromEntries(await Promise.all(stores.map(async (store) => [store, await v3.getAll(store)] as const)));
    v3.close();

    const db = await openDatabase(NAME, 4);
    for (const store of stores) expect(await db.getAll(store), store).toEqual(v3Rows[store]);
    expect(await db.count('outbox')).toBe(0);

    await saveNoteWithOutbox(db, { id: 'n2', text: 'Budget approved', pageTitle: 'Mail', url: 'https://m/2', capturedAt: 30, recordKey: R }, '006000000000001', 'o1');
    await saveNoteWithOutbox(db, { id: 'n3', text: 'Tender in May', pageTitle: 'Mail', url: 'https://m/3', capturedAt: 40, recordKey: R }, '006000000000001', 'o2');
    expect((await nextSendable(db, 100)).map((e) => [e.id, e.seq])).toEqual([['o1', 1]]);
    expect((await notesForRecord(db, R)).map((n) => n.id)).toEqual(['n3', 'n2', 'n1']);
    db.close();
  });

  it('v4 -> v5: keeps every row of every store and adds the page readings and the desk rows, keyed by record', async () => {
    await seedVersion2();
    const v4 = await openDatabase(NAME, 4);
    await v4.put('stageOverrides', { recordKey: R, stageId: 'delivery', fromCrmStage: 'Closed Won', setBy: 'Priya', setAt: 20 });
    await saveNoteWithOutbox(v4, { id: 'n2', text: 'Budget approved', pageTitle: 'Mail', url: 'https://m/2', capturedAt: 30, recordKey: R }, '006000000000001', 'o1');
    const stores = [...VERSION_2_STORES, 'stageOverrides', 'outbox'] as const;
    const v4Rows = Object.fromEntries(await Promise.all(stores.map(async (store) => [store, await v4.getAll(store)] as const)));
    v4.close();

    const db = await openDatabase(NAME, 5);
    for (const store of stores) expect(await db.getAll(store), store).toEqual(v4Rows[store]);
    expect([await db.count('snapshots'), await db.count('deskRows')]).toEqual([0, 0]);
    // A record remembered before the upgrade has no reading: the desk lists it without figures until it is read again.
    expect(await lastSnapshot(db, R)).toBeUndefined();
    await rememberRecord(db, { ...validSnapshot, recordId: '1', host: 'h', objectType: 'Opportunity' }, 50);
    expect((await lastSnapshot(db, 'salesforce|h|Opportunity|1'))?.readAt).toBe(validSnapshot.readAt);
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
