import type { IDBPTransaction, StoreNames } from 'idb';
import { allOrNothing, writeTransaction, type Database, type IronTriangleDB } from './db';
import { noteAlreadyKept } from './notes';
import { StoredNoteSchema, StoredOutboxEntrySchema, validRows, type OutboxKind, type ParkedReason, type StoredNote, type StoredOutboxEntry } from './rows';

// The durable outbox. A change meant for the CRM is an entry written in the
// same transaction as the local change, so neither exists without the other.
// Delivery state lives only here: a stopped worker or a browser restart loses
// nothing, and a `sending` entry left behind by a stopped worker is taken up
// again once it is older than SENDING_TIMEOUT_MS.
//
// Order is per record: an entry is sendable only when every earlier entry of
// its record is done (or discarded). A parked entry blocks its record until
// the user retries or discards it, so a later change never overtakes it.

/** Longer than any one send (the client's request timeout times the calls of one entry), so a live send is never taken over. */
export const SENDING_TIMEOUT_MS = 5 * 60_000;

/** What a caller supplies; the outbox adds order and delivery state. */
export type OutboxChange = StoredOutboxEntry extends infer E
  ? E extends StoredOutboxEntry
    ? Pick<E, 'id' | 'recordKey' | 'kind' | 'payload' | 'createdAt'>
    : never
  : never;

export type Stores = ArrayLike<StoreNames<IronTriangleDB>>;
/** A read-write transaction over `Names`, accepted only if they include the outbox. */
export type WithOutbox<Names extends Stores> = IDBPTransaction<IronTriangleDB, Names, 'readwrite'> & ('outbox' extends Names[number] ? unknown : never);

/**
 * Adds `change` as the last entry of its record inside `tx`, the transaction
 * that writes the local change. `tx` must include the 'outbox' store (checked by its type). Throws
 * (and the caller's transaction aborts) if the entry is invalid or its id is taken.
 */
export async function enqueueInTransaction<Names extends Stores>(tx: WithOutbox<Names>, change: OutboxChange): Promise<StoredOutboxEntry> {
  // The type above guarantees the store is in the transaction; TypeScript cannot carry that into the generic call.
  const store = (tx as unknown as IDBPTransaction<IronTriangleDB, ['outbox'], 'readwrite'>).objectStore('outbox');
  const last = await store.index('byRecord').openCursor(IDBKeyRange.bound([change.recordKey, 0], [change.recordKey, Infinity]), 'prev');
  const entry = StoredOutboxEntrySchema.parse({
    ...change,
    seq: (last?.value.seq ?? 0) + 1,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: change.createdAt,
  });
  await store.add(entry);
  return entry;
}

/**
 * Stores a note attached to a connected opportunity and its outbox entry in
 * one transaction. Same rules as `saveNote` (lib/store/notes.ts): a replay of
 * the same note, or a repeated capture of it, is a no-op (and adds no second entry), a different note under
 * the same id is refused. Capture calls this instead of `saveNote` when the
 * record's org is connected.
 */
export async function saveNoteWithOutbox(
  db: Database,
  note: StoredNote & { recordKey: string },
  opportunityId: string,
  outboxId: string,
): Promise<string> {
  const valid = StoredNoteSchema.parse({ ...note, inboxAt: undefined });
  const tx = writeTransaction(db, ['notes', 'outbox']);
  const kept = await noteAlreadyKept(tx, tx.objectStore('notes'), valid);
  if (kept === null) {
    await tx.objectStore('notes').add(valid);
    const { id, text, pageTitle, url, capturedAt } = valid;
    // An invalid entry: nothing of the note is kept either.
    await allOrNothing(tx, () =>
      enqueueInTransaction(tx, {
        id: outboxId,
        recordKey: note.recordKey,
        kind: 'note',
        payload: { opportunityId, note: { id, text, pageTitle, url, capturedAt } },
        createdAt: capturedAt,
      }).then(() => undefined),
    );
  }
  await tx.done;
  return kept ?? valid.id;
}

const OPEN_STATES = ['pending', 'sending', 'parked'] as const;

async function openEntries(db: Database): Promise<StoredOutboxEntry[]> {
  const tx = db.transaction('outbox');
  const rows = await Promise.all(OPEN_STATES.map((state) => tx.store.index('byState').getAll(state)));
  return validRows(StoredOutboxEntrySchema, rows.flat());
}

/** Every entry not yet written (waiting, in flight or parked), oldest first: the options' outbox list. */
export async function openOutboxEntries(db: Database): Promise<StoredOutboxEntry[]> {
  return (await openEntries(db)).sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
}

function isDue(entry: StoredOutboxEntry, now: number): boolean {
  if (entry.state === 'pending') return entry.nextAttemptAt <= now;
  return entry.state === 'sending' && (entry.sendingAt ?? 0) + SENDING_TIMEOUT_MS <= now;
}

/**
 * The entries to send now, oldest first: for each record its first open
 * entry, if that one is due (pending past its backoff, or `sending` left by a
 * stopped worker). A record whose first open entry is parked, in flight or
 * waiting out a backoff sends nothing.
 */
export async function nextSendable(db: Database, now: number): Promise<StoredOutboxEntry[]> {
  return (await recordHeads(db)).filter((entry) => isDue(entry, now)).sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
}

/** The parked reason of a write that met a change made in Salesforce since this browser last wrote it. */
export const CONFLICT = 'CONFLICT';

/**
 * A refused facts note waits for the user without holding back the record's notes, roles and
 * team: it is rewritten whole from the newest snapshot, so nothing later depends on it.
 */
const setAside = (entry: StoredOutboxEntry) => entry.kind === 'requirement-facts' && entry.state === 'parked';

/** Each record's first open entry (a refused facts note aside): the only one that may be sent. */
async function recordHeads(db: Database): Promise<StoredOutboxEntry[]> {
  const heads = new Map<string, StoredOutboxEntry>();
  for (const entry of await openEntries(db)) {
    if (setAside(entry)) continue;
    const head = heads.get(entry.recordKey);
    if (!head || entry.seq < head.seq) heads.set(entry.recordKey, entry);
  }
  return [...heads.values()];
}

/**
 * When the next entry becomes due (a backoff ends, or a `sending` entry of a
 * stopped worker may be taken over), among the records' first open entries
 * that `accepts` lets through; undefined when none waits. A parked entry, and
 * the entries behind it, wait for the user, not for a time.
 */
export async function nextWakeAt(db: Database, accepts: (entry: StoredOutboxEntry) => boolean = () => true): Promise<number | undefined> {
  let earliest: number | undefined;
  for (const entry of await recordHeads(db)) {
    if (!accepts(entry)) continue;
    const at = entry.state === 'pending' ? entry.nextAttemptAt : entry.state === 'sending' ? (entry.sendingAt ?? 0) + SENDING_TIMEOUT_MS : undefined;
    if (at !== undefined && (earliest === undefined || at < earliest)) earliest = at;
  }
  return earliest;
}

/** Reads, changes and writes one entry in one transaction; `change` returns undefined to leave it as it is. */
async function update(
  db: Database,
  id: string,
  change: (entry: StoredOutboxEntry) => StoredOutboxEntry | undefined,
): Promise<StoredOutboxEntry | undefined> {
  const tx = writeTransaction(db, ['outbox']);
  const [entry] = validRows(StoredOutboxEntrySchema, [await tx.store.get(id)].filter((row) => row !== undefined));
  const changed = entry && change(entry);
  if (changed) await tx.store.put(StoredOutboxEntrySchema.parse(changed));
  await tx.done;
  return changed;
}

/**
 * Claims a due entry for sending and counts the attempt. Returns the entry as
 * stored (with any remoteId an earlier attempt recorded), or undefined if it
 * is no longer due (another run claimed it, the user discarded it…).
 */
export function markSending(db: Database, id: string, now: number): Promise<StoredOutboxEntry | undefined> {
  return update(db, id, (entry) => (isDue(entry, now) ? { ...entry, state: 'sending', sendingAt: now, attempts: entry.attempts + 1 } : undefined));
}

/** Remembers what Salesforce created (and its version) before anything else happens, so a resend does not create it again. */
export async function recordRemoteId(db: Database, id: string, remoteId: string, remoteVersion?: string): Promise<void> {
  await update(db, id, (entry) =>
    entry.state === 'done' ? undefined : { ...entry, remoteId, ...(remoteVersion !== undefined ? { remoteVersion } : {}) },
  );
}

export async function markDone(db: Database, id: string): Promise<void> {
  await update(db, id, (entry) => ({ ...entry, state: 'done', sendingAt: undefined, parkedReason: undefined }));
}

/** Back to pending, to be tried again at `at` (a backoff, or at once after the user signed in again). */
export async function retryAt(db: Database, id: string, at: number): Promise<void> {
  await update(db, id, (entry) => (entry.state === 'sending' ? { ...entry, state: 'pending', sendingAt: undefined, nextAttemptAt: at } : undefined));
}

/**
 * Salesforce refuses every call until `until` (the org's API allocation is
 * used up): no pending entry is tried before then. Kept in the entries, so a
 * restarted worker waits too.
 */
export async function deferAll(db: Database, until: number): Promise<void> {
  const tx = writeTransaction(db, ['outbox']);
  for (let cursor = await tx.store.index('byState').openCursor('pending'); cursor; cursor = await cursor.continue()) {
    if (cursor.value.nextAttemptAt < until) await cursor.update({ ...cursor.value, nextAttemptAt: until });
  }
  await tx.done;
}

/** Stops trying an entry Salesforce refused; it blocks its record until retried or discarded. */
export async function park(db: Database, id: string, reason: ParkedReason): Promise<void> {
  await update(db, id, (entry) => (entry.state === 'done' ? undefined : { ...entry, state: 'parked', sendingAt: undefined, parkedReason: reason }));
}

/**
 * The user fixed the cause (e.g. a field in Salesforce): try again now, with a fresh backoff. It
 * still counts as tried once, so the retry looks for what an earlier attempt may have written.
 */
export async function retryParked(db: Database, id: string, now: number): Promise<void> {
  await update(db, id, (entry) =>
    entry.state === 'parked'
      ? {
          ...entry,
          state: 'pending',
          parkedReason: undefined,
          attempts: Math.min(entry.attempts, 1),
          nextAttemptAt: now,
          // Retrying a conflict is the user's choice to put this browser's version over Salesforce's.
          ...(entry.parkedReason?.errorCode === CONFLICT ? { overwrite: true } : {}),
        }
      : undefined,
  );
}

/** The user gave up on an entry (it is not written to Salesforce); the record's later entries go on. */
export async function discard(db: Database, id: string): Promise<void> {
  const tx = writeTransaction(db, ['outbox']);
  await tx.store.delete(id);
  await tx.done;
}

/** The index range of one record's entries, in their order. */
export const recordRange = (recordKey: string) => IDBKeyRange.bound([recordKey, 0], [recordKey, Infinity]);

/** Every entry of a record, whatever its state, in order. */
export async function recordEntries(db: Database, recordKey: string): Promise<StoredOutboxEntry[]> {
  return validRows(StoredOutboxEntrySchema, await db.getAllFromIndex('outbox', 'byRecord', recordRange(recordKey)));
}

/**
 * The Salesforce ids (15-character form) this browser wrote for a record with entries of
 * `kinds`: what a read-back must not take for a colleague's.
 */
export async function writtenRemoteIds(db: Database, recordKey: string, kinds: readonly OutboxKind[]): Promise<Set<string>> {
  const entries = await recordEntries(db, recordKey);
  return new Set(entries.flatMap((entry) => (entry.remoteId && kinds.includes(entry.kind) ? [entry.remoteId.slice(0, 15)] : [])));
}

/**
 * The newest done entry of a kind for a record: what this browser last wrote
 * (e.g. the facts note's id and version, the base of its next update).
 */
export async function lastDone<K extends OutboxKind>(db: Database, recordKey: string, kind: K): Promise<Extract<StoredOutboxEntry, { kind: K }> | undefined> {
  for (let cursor = await db.transaction('outbox').store.index('byRecord').openCursor(recordRange(recordKey), 'prev'); cursor; cursor = await cursor.continue()) {
    const [entry] = validRows(StoredOutboxEntrySchema, [cursor.value]);
    if (entry?.state === 'done' && entry.kind === kind) return entry as Extract<StoredOutboxEntry, { kind: K }>;
  }
  return undefined;
}

export interface OutboxSummary {
  /** Waiting or in flight: the panel's "sending N". */
  sending: number;
  /** Written to Salesforce ("all sent" when nothing else is open). */
  sent: number;
  parked: { id: string; kind: OutboxKind; reason: ParkedReason }[];
}

/** What the panel shows for a record's sync state. */
export async function outboxSummary(db: Database, recordKey: string): Promise<OutboxSummary> {
  const entries = await recordEntries(db, recordKey);
  return {
    sending: entries.filter((e) => e.state === 'pending' || e.state === 'sending').length,
    sent: entries.filter((e) => e.state === 'done').length,
    parked: entries.flatMap((e) =>
      e.state === 'parked' ? [{ id: e.id, kind: e.kind, reason: e.parkedReason ?? { errorCode: 'UNKNOWN', fields: [], message: '' } }] : [],
    ),
  };
}
