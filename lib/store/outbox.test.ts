import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { openDatabase, writeTransaction, type Database } from './db';
import {
  deferAll,
  discard,
  enqueueInTransaction,
  lastDone,
  markDone,
  markSending,
  nextSendable,
  outboxSummary,
  park,
  recordRemoteId,
  retryAt,
  retryParked,
  saveNoteWithOutbox,
  SENDING_TIMEOUT_MS,
  type OutboxChange,
} from './outbox';
import type { StoredNote } from './rows';

let db: Database;
const name = () => `outbox-${expect.getState().currentTestName}`;
afterEach(async () => {
  db?.close();
  await deleteDB(name());
});

const OPP = '006000000000001AAA';
const note = (id: string, recordKey: string, capturedAt = 1): StoredNote & { recordKey: string } => ({
  id,
  text: `note ${id}`,
  pageTitle: 'Mail',
  url: 'https://mail.example/1',
  capturedAt,
  recordKey,
});
const change = (id: string, recordKey: string, createdAt = 1): OutboxChange => ({
  id,
  recordKey,
  kind: 'team-member',
  payload: { opportunityId: OPP, userEmail: 'wei@example.com', roleId: 'sr' },
  createdAt,
});
async function enqueue(...changes: OutboxChange[]): Promise<void> {
  const tx = writeTransaction(db, ['outbox']);
  for (const c of changes) await enqueueInTransaction(tx, c);
  await tx.done;
}
const ids = async (now: number) => (await nextSendable(db, now)).map((e) => e.id);

describe('writing a change and its outbox entry together', () => {
  it('stores the note and its entry; a replay adds neither again', async () => {
    db = await openDatabase(name());
    await saveNoteWithOutbox(db, note('n1', 'r1', 5), OPP, 'o1');
    await saveNoteWithOutbox(db, note('n1', 'r1', 5), OPP, 'o2');
    expect(await db.count('notes')).toBe(1);
    expect(await db.getAll('outbox')).toEqual([
      expect.objectContaining({ id: 'o1', recordKey: 'r1', seq: 1, kind: 'note', state: 'pending', attempts: 0, nextAttemptAt: 5, createdAt: 5 }),
    ]);
  });

  it('a transaction that fails leaves neither the note nor the entry', async () => {
    db = await openDatabase(name());
    await saveNoteWithOutbox(db, note('n1', 'r1'), OPP, 'taken');
    // The entry's add fails (its id is taken) after the note's add succeeded in the same transaction.
    await expect(saveNoteWithOutbox(db, note('n2', 'r1'), OPP, 'taken')).rejects.toThrow();
    // An entry that is invalid (not an opportunity id) is refused with its note.
    await expect(saveNoteWithOutbox(db, note('n3', 'r1'), 'not an id', 'o3')).rejects.toThrow();
    // The note is refused (another note has its id): no entry either.
    await expect(saveNoteWithOutbox(db, { ...note('n1', 'r1'), text: 'different' }, OPP, 'o4')).rejects.toThrow(/different note/);
    expect((await db.getAll('notes')).map((n) => n.id)).toEqual(['n1']);
    expect((await db.getAll('outbox')).map((e) => e.id)).toEqual(['taken']);
  });

  it('numbers entries in order per record', async () => {
    db = await openDatabase(name());
    await enqueue(change('a1', 'A'), change('b1', 'B'), change('a2', 'A'));
    await markSending(db, 'a1', 1);
    await markDone(db, 'a1');
    await enqueue(change('a3', 'A'));
    expect((await db.getAll('outbox')).map((e) => [e.id, e.seq]).sort()).toEqual([['a1', 1], ['a2', 2], ['a3', 3], ['b1', 1]]);
  });
});

describe('what is sendable', () => {
  it('the first open entry of each record, oldest first, when due', async () => {
    db = await openDatabase(name());
    await enqueue(change('b1', 'B', 2), change('a1', 'A', 1), change('a2', 'A', 3), change('c1', 'C', 50));
    expect(await ids(10)).toEqual(['a1', 'b1']);
    expect(await ids(50)).toEqual(['a1', 'b1', 'c1']);
  });

  it('a record waits behind its entry in flight, in backoff or parked; a stale send is taken up again', async () => {
    db = await openDatabase(name());
    await enqueue(change('a1', 'A'), change('a2', 'A'), change('b1', 'B'), change('b2', 'B'), change('c1', 'C'), change('c2', 'C'));
    await markSending(db, 'a1', 10);
    await markSending(db, 'b1', 10);
    await retryAt(db, 'b1', 1_000);
    await markSending(db, 'c1', 10);
    await park(db, 'c1', { errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['Title'], message: 'Title is required' });
    expect(await ids(20)).toEqual([]);
    expect(await ids(1_000)).toEqual(['b1']);
    expect(await ids(10 + SENDING_TIMEOUT_MS)).toEqual(['a1', 'b1']);
  });

  it('an entry is claimed once; a stale claim can be taken over', async () => {
    db = await openDatabase(name());
    await enqueue(change('a1', 'A'));
    expect(await markSending(db, 'a1', 10)).toMatchObject({ state: 'sending', attempts: 1, sendingAt: 10 });
    expect(await markSending(db, 'a1', 11)).toBeUndefined();
    expect(await markSending(db, 'a1', 10 + SENDING_TIMEOUT_MS)).toMatchObject({ attempts: 2 });
  });

  it('deferring every pending entry (API limit) holds all records until then', async () => {
    db = await openDatabase(name());
    await enqueue(change('a1', 'A'), change('b1', 'B'));
    await deferAll(db, 5_000);
    expect(await ids(4_999)).toEqual([]);
    expect(await ids(5_000)).toEqual(['a1', 'b1']);
  });
});

describe('delivery state', () => {
  it('keeps the remote id before done, and finds the last write of a kind', async () => {
    db = await openDatabase(name());
    await enqueue(change('a1', 'A'), change('a2', 'A'));
    await markSending(db, 'a1', 1);
    await recordRemoteId(db, 'a1', '0TM000000000001', '2026-12-04T10:00:00.000+0000');
    expect(await db.get('outbox', 'a1')).toMatchObject({ state: 'sending', remoteId: '0TM000000000001' });
    expect(await lastDone(db, 'A', 'team-member')).toBeUndefined();
    await markDone(db, 'a1');
    expect(await lastDone(db, 'A', 'team-member')).toMatchObject({ id: 'a1', remoteVersion: '2026-12-04T10:00:00.000+0000' });
    expect(await lastDone(db, 'A', 'note')).toBeUndefined();
    expect(await ids(1)).toEqual(['a2']);
  });

  it('a parked entry is retried or discarded by the user; the summary says what the panel shows', async () => {
    db = await openDatabase(name());
    await enqueue(change('a1', 'A'), change('a2', 'A'), change('a3', 'A'), change('b1', 'B'));
    await markSending(db, 'a1', 1);
    await markDone(db, 'a1');
    await markSending(db, 'a2', 1);
    const reason = { errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', fields: [], message: 'No access' };
    await park(db, 'a2', reason);
    expect(await outboxSummary(db, 'A')).toEqual({ sending: 1, sent: 1, parked: [{ id: 'a2', kind: 'team-member', reason }] });
    expect(await outboxSummary(db, 'B')).toEqual({ sending: 1, sent: 0, parked: [] });

    await retryParked(db, 'a2', 7);
    // Still counted as tried once: the retry looks for what an earlier attempt may have written.
    expect(await db.get('outbox', 'a2')).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: 7 });
    expect((await db.get('outbox', 'a2'))?.parkedReason).toBeUndefined();
    await markSending(db, 'a2', 7);
    await park(db, 'a2', reason);
    await discard(db, 'a2');
    expect((await ids(7)).sort()).toEqual(['a3', 'b1']);
    expect(await outboxSummary(db, 'A')).toEqual({ sending: 1, sent: 1, parked: [] });
  });
});
