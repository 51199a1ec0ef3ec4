import type { Database } from '../store/db';
import { allRecords } from '../store/records';
import { validRows, type StoredRecord } from '../store/rows';
import { DeskRowSchema, type DeskRow } from './row';

/** What the desk opens with: every record seen, and the rows computed for them last time (a cache, checked again). */
export interface DeskSnapshot {
  records: StoredRecord[];
  cached: Map<string, DeskRow>;
}

export async function readDesk(db: Database): Promise<DeskSnapshot> {
  const [records, rows] = await Promise.all([allRecords(db), db.getAll('deskRows')]);
  return { records, cached: new Map(validRows(DeskRowSchema, rows).map((row) => [row.recordKey, row])) };
}

/** Keeps computed rows for the next opening. A cache: default durability, and a failure only costs recomputing. */
export async function saveDeskRows(db: Database, rows: readonly DeskRow[]): Promise<void> {
  if (rows.length === 0) return;
  const tx = db.transaction('deskRows', 'readwrite');
  await Promise.all([...rows.map((row) => tx.store.put(row)), tx.done]);
}
