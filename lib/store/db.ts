import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Person } from '@/lib/domain/team';
import type { StoredNote, StoredOutboxEntry, StoredSnapshot, StoredRecord, StoredRequirementValue, StoredStakeholder, StoredAssignment, StoredDecision, StoredStageOverride } from './rows';

// The extension's one IndexedDB database. It is opened only in extension pages
// and the background (the extension origin), never in a content script, whose
// IndexedDB would belong to the CRM's origin.

export const DB_NAME = 'iron-triangle';
export const DB_VERSION = 5;

export interface IronTriangleDB extends DBSchema {
  notes: {
    key: string;
    value: StoredNote;
    // byInbox is sparse: only notes waiting in the inbox carry `inboxAt`.
    indexes: { byRecord: [string, number]; byInbox: number };
  };
  records: { key: string; value: StoredRecord; indexes: { byLastSeen: number } };
  /** Append-only: each edit adds a value, so the trail is the history and no edit overwrites another. */
  requirementValues: { key: string; value: StoredRequirementValue; indexes: { byRecord: string; byRecordField: [string, string] } };
  /** A person's accept/reject decision on a note's suggestion for a requirement field. */
  decisions: { key: [string, string, string]; value: StoredDecision; indexes: { byRecord: string } };
  stakeholders: { key: [string, string]; value: StoredStakeholder; indexes: { byRecord: string } };
  assignments: { key: [string, string, string]; value: StoredAssignment; indexes: { byRecord: string } };
  /** Where the team moved a deal on past its CRM stage, keyed by recordKey. */
  stageOverrides: { key: string; value: StoredStageOverride };
  directory: { key: string; value: Person };
  settings: { key: string; value: unknown };
  /** Changes waiting to be written to the CRM, in order per record (see outbox.ts). */
  outbox: { key: string; value: StoredOutboxEntry; indexes: { byRecord: [string, number]; byState: string } };
  /** The last reading of each record's page, keyed by recordKey: what the deal desk analyses without the page open. */
  snapshots: { key: string; value: StoredSnapshot };
  /** The deal desk's row of each record as last computed (lib/desk/): a cache, checked again whenever the desk opens. */
  deskRows: { key: string; value: unknown };
}

export type Database = IDBPDatabase<IronTriangleDB>;
type UpgradeTransaction = IDBPTransaction<IronTriangleDB, StoreNames<IronTriangleDB>[], 'versionchange'>;

/**
 * Schema steps, one per version. A database at version N runs the steps after
 * N in order inside the single upgrade transaction, so an upgrade is all or
 * nothing. Each step is tested on data written by the version before it.
 */
const MIGRATIONS: Record<number, (db: Database, tx: UpgradeTransaction) => Promise<void> | void> = {
  1(db) {
    const notes = db.createObjectStore('notes', { keyPath: 'id' });
    notes.createIndex('byRecord', ['recordKey', 'capturedAt']);
  },
  async 2(db, tx) {
    const notes = tx.objectStore('notes');
    notes.createIndex('byInbox', 'inboxAt');
    // Version 1 kept inbox notes as notes without a record; they now carry inboxAt.
    for (let cursor = await notes.openCursor(); cursor; cursor = await cursor.continue()) {
      if (cursor.value.recordKey === undefined) await cursor.update({ ...cursor.value, inboxAt: cursor.value.capturedAt });
    }
    db.createObjectStore('records', { keyPath: 'recordKey' }).createIndex('byLastSeen', 'lastSeenAt');
    const values = db.createObjectStore('requirementValues', { keyPath: 'id' });
    values.createIndex('byRecord', 'recordKey');
    values.createIndex('byRecordField', ['recordKey', 'fieldId']);
    db.createObjectStore('decisions', { keyPath: ['recordKey', 'noteId', 'fieldId'] }).createIndex('byRecord', 'recordKey');
    db.createObjectStore('stakeholders', { keyPath: ['recordKey', 'id'] }).createIndex('byRecord', 'recordKey');
    db.createObjectStore('assignments', { keyPath: ['recordKey', 'roleId', 'personId'] }).createIndex('byRecord', 'recordKey');
    db.createObjectStore('directory', { keyPath: 'id' });
    db.createObjectStore('settings');
  },
  3(db) {
    db.createObjectStore('stageOverrides', { keyPath: 'recordKey' });
  },
  4(db) {
    const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
    outbox.createIndex('byRecord', ['recordKey', 'seq'], { unique: true });
    outbox.createIndex('byState', 'state');
  },
  5(db) {
    db.createObjectStore('snapshots', { keyPath: 'recordKey' });
    db.createObjectStore('deskRows', { keyPath: 'recordKey' });
  },
};

/** `onClosedForUpgrade` runs when this connection steps aside for a newer version opened elsewhere. */
export function openDatabase(name = DB_NAME, version = DB_VERSION, onClosedForUpgrade?: () => void): Promise<Database> {
  return openDB<IronTriangleDB>(name, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let step = oldVersion + 1; step <= (newVersion ?? version); step++) await MIGRATIONS[step]?.(db, tx);
    },
    blocking(_current, _next, event) {
      // Another context is upgrading the schema: step aside instead of blocking it.
      (event.target as IDBDatabase).close();
      onClosedForUpgrade?.();
    },
  });
}

/**
 * A read-write transaction for user data: strict durability (flushed to disk
 * before it reports completion). Its `done` is marked as observed, so a failed
 * request rejects once, where the caller awaits it, not again as an unhandled
 * rejection.
 */
export function writeTransaction<const Names extends readonly [StoreNames<IronTriangleDB>, ...StoreNames<IronTriangleDB>[]]>(
  db: Database,
  stores: Names,
): IDBPTransaction<IronTriangleDB, Names, 'readwrite'> {
  const tx = db.transaction(stores, 'readwrite', { durability: 'strict' });
  tx.done.catch(() => {});
  return tx;
}

/** Abandons a transaction (nothing it did is kept) and throws `error`. */
export function abortWith(tx: { abort(): void }, error: Error): never {
  tx.abort();
  throw error;
}

/**
 * Runs `work` inside `tx`; if it throws, the whole transaction is abandoned (an entry that
 * cannot be written takes the change it mirrors with it) and the error rethrown.
 */
export async function allOrNothing(tx: { abort(): void }, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // a failed request has aborted the transaction already
    }
    throw error;
  }
}
