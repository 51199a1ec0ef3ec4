import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteDB } from 'idb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pendingNotes } from './capture-queue';
import { openDatabase, type Database } from '@/lib/store/db';
import { notesForRecord } from '@/lib/store/notes';
import { captureNote, flushCaptureQueue, type CaptureInput } from './capture';
import { recordKey } from '@/lib/crm/snapshot';
import { validSnapshot } from '@/test/support/snapshots';

const DB = 'capture-test';
let db: Database;
let ids = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  db = await openDatabase(DB);
});
afterEach(async () => {
  db.close();
  await deleteDB(DB);
});

const input = (overrides: Partial<CaptureInput>): CaptureInput => ({
  text: 'Diesel fuel for the remote sites costs them a fortune.',
  pageTitle: 'Re: Site survey',
  pageUrl: 'https://mail.example.com/1',
  tabState: { kind: 'none' },
  now: 1_700_000_000_000,
  newId: () => `note-${++ids}`,
  ...overrides,
});

describe('captureNote', () => {
  it('attaches the note to the record of the tab', async () => {
    const outcome = await captureNote(db, input({ tabState: { kind: 'record', snapshot: validSnapshot } }));
    expect(outcome).toMatchObject({ outcome: 'saved', recordKey: recordKey(validSnapshot) });
    const [note] = await notesForRecord(db, recordKey(validSnapshot));
    expect(note).toMatchObject({ text: 'Diesel fuel for the remote sites costs them a fortune.', pageTitle: 'Re: Site survey', url: 'https://mail.example.com/1', capturedAt: 1_700_000_000_000, recordName: validSnapshot.name });
  });

  it('puts the note in the inbox when the tab shows no record', async () => {
    const outcome = await captureNote(db, input({ tabState: { kind: 'unrecognised', reason: 'not-a-record-page', adapter: 'salesforce' } }));
    expect(outcome).toMatchObject({ outcome: 'saved', recordKey: null });
    const all = await db.getAll('notes');
    expect(all).toHaveLength(1);
    expect(all[0]?.recordKey).toBeUndefined();
  });

  it.each(['', '   ', '\n\t \n'])('stores nothing for an empty selection %j', async (text) => {
    expect(await captureNote(db, input({ text }))).toEqual({ outcome: 'empty' });
    expect(await db.count('notes')).toBe(0);
  });

  it('keeps a 100 000-character selection whole, line breaks included', async () => {
    const text = `first line\n${'x'.repeat(100_000 - 11)}`;
    expect(text).toHaveLength(100_000);
    expect(await captureNote(db, input({ text }))).toMatchObject({ outcome: 'saved' });
    expect((await db.getAll('notes'))[0]?.text).toBe(text);
  });

  it('refuses a selection over 100 000 characters instead of cutting it', async () => {
    expect(await captureNote(db, input({ text: 'x'.repeat(100_001) }))).toEqual({ outcome: 'too-long', length: 100_001 });
    expect(await db.count('notes')).toBe(0);
  });

  it('leaves the queue empty after a committed capture', async () => {
    await captureNote(db, input({}));
    expect(await pendingNotes()).toEqual([]);
  });

  it('keeps a note whose write failed in the queue and writes it on the next flush', async () => {
    db.close(); // a closed connection makes the transaction fail like a broken disk would
    const outcome = await captureNote(db, input({ text: 'Acceptance at the port, not on site' }));
    expect(outcome).toMatchObject({ outcome: 'queued' });
    expect((await pendingNotes()).map((n) => n.text)).toEqual(['Acceptance at the port, not on site']);

    db = await openDatabase(DB);
    expect(await db.count('notes')).toBe(0);
    expect(await flushCaptureQueue(db)).toBe(1);
    expect((await db.getAll('notes')).map((n) => n.text)).toEqual(['Acceptance at the port, not on site']);
    expect(await pendingNotes()).toEqual([]);
  });

  it('says the quota is exhausted and keeps the note queued', async () => {
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    vi.spyOn(db, 'transaction').mockImplementation(() => {
      throw quota;
    });
    expect(await captureNote(db, input({}))).toMatchObject({ outcome: 'quota' });
    expect(await pendingNotes()).toHaveLength(1);
  });

  it('saves the note when the store has it, even if the queue could not be written', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('disk unavailable'));
    expect(await captureNote(db, input({}))).toMatchObject({ outcome: 'saved' });
    expect(await db.count('notes')).toBe(1);
  });

  it('tells the user nothing was kept when neither the queue nor the store can be written', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('disk unavailable'));
    db.close();
    expect(await captureNote(db, input({}))).toEqual({ outcome: 'failed', error: 'Error: disk unavailable' });
    db = await openDatabase(DB);
    expect(await db.count('notes')).toBe(0);
    expect(await pendingNotes()).toEqual([]);
  });

  it('a replayed queue entry that already reached the store is not duplicated', async () => {
    const outcome = await captureNote(db, input({}));
    const [note] = await db.getAll('notes');
    await fakeBrowser.storage.local.set({ [`captureQueue:${note!.id}`]: note }); // as if the worker stopped before dequeue
    expect(await flushCaptureQueue(db)).toBe(1);
    expect(await db.count('notes')).toBe(1);
    expect(outcome.outcome).toBe('saved');
  });

  it('a capture made again while the first is still queued is one note, whichever reaches the store first', async () => {
    db.close(); // the first try is kept only in the queue (the worker stopped before the store committed it)
    const first = await captureNote(db, input({ tabState: { kind: 'record', snapshot: validSnapshot } }));
    expect(first).toMatchObject({ outcome: 'queued' });
    db = await openDatabase(DB);
    // Not told "saved", the user captures the same selection again a few seconds later.
    const again = await captureNote(db, input({ tabState: { kind: 'record', snapshot: validSnapshot }, now: 1_700_000_004_000 }));
    expect(again).toMatchObject({ outcome: 'saved' });
    // The next start writes the queued first try: it repeats the note already kept.
    await flushCaptureQueue(db);
    expect(await db.count('notes')).toBe(1);
    expect(await pendingNotes()).toEqual([]);
  });
});
