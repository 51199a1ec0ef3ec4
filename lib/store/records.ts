import { recordKey, type RecordSnapshot } from '../crm/snapshot';
import type { Database } from './db';
import { StoredRecordSchema, validRows, type StoredRecord } from './rows';

/** Remembers a record seen in a tab, so notes can be moved to it later and exports can name it. */
export async function rememberRecord(db: Database, snapshot: RecordSnapshot, now: number): Promise<void> {
  const row = StoredRecordSchema.parse({
    recordKey: recordKey(snapshot),
    crm: snapshot.crm,
    host: snapshot.host,
    objectType: snapshot.objectType,
    recordId: snapshot.recordId,
    name: snapshot.name ?? snapshot.recordId,
    url: snapshot.url,
    lastSeenAt: now,
  });
  // Default durability: a record lost in a crash is simply read from the page again.
  await db.put('records', row);
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
