import { recordKey, type RecordSnapshot } from '@/lib/crm/snapshot';
import type { Database } from './db';
import { StoredRecordSchema, StoredSnapshotSchema, validRows, type StoredRecord } from './rows';

/**
 * Remembers a record seen in a tab, so notes can be moved to it later, exports
 * can name it, and the deal desk can analyse it while its page is closed.
 */
export async function rememberRecord(db: Database, snapshot: RecordSnapshot, now: number): Promise<void> {
  const key = recordKey(snapshot);
  const row = StoredRecordSchema.parse({
    recordKey: key,
    crm: snapshot.crm,
    host: snapshot.host,
    objectType: snapshot.objectType,
    recordId: snapshot.recordId,
    name: snapshot.name ?? snapshot.recordId,
    url: snapshot.url,
    lastSeenAt: now,
  });
  // Default durability: a record lost in a crash is simply read from the page again.
  const tx = db.transaction(['records', 'snapshots'], 'readwrite');
  await Promise.all([tx.objectStore('records').put(row), tx.objectStore('snapshots').put(StoredSnapshotSchema.parse({ recordKey: key, snapshot })), tx.done]);
}

/** Records seen, most recent first. */
export async function recentRecords(db: Database, limit = 50): Promise<StoredRecord[]> {
  const rows: unknown[] = [];
  let cursor = await db.transaction('records').store.index('byLastSeen').openCursor(null, 'prev');
  while (cursor && rows.length < limit) {
    rows.push(cursor.value);
    cursor = await cursor.continue();
  }
  return validRows(StoredRecordSchema, rows);
}

/** Every record seen, in no particular order. */
export async function allRecords(db: Database): Promise<StoredRecord[]> {
  return validRows(StoredRecordSchema, await db.getAll('records'));
}

/** Records seen at or after `since` (epoch ms): what was read while a page that lists records was open. */
export async function recordsSeenSince(db: Database, since: number): Promise<StoredRecord[]> {
  return validRows(StoredRecordSchema, await db.getAllFromIndex('records', 'byLastSeen', IDBKeyRange.lowerBound(since)));
}

/** The record's page as last read, or undefined when it was never read by this version or the row is not valid. */
export async function lastSnapshot(db: Database, key: string): Promise<RecordSnapshot | undefined> {
  return validRows(StoredSnapshotSchema, [await db.get('snapshots', key)])[0]?.snapshot;
}
