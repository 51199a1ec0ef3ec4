import type { Database } from '@/lib/store/db';
import { allRecords } from '@/lib/store/records';
import { validRows, type StoredRecord } from '@/lib/store/rows';
import { PACKED_DESK_KEY } from './packed';
import { DeskRowSchema, type DeskRow } from './row';

/** What the desk opens with: every record seen, and the rows computed for them last time (a cache, checked again). */
export interface DeskSnapshot {
  records: StoredRecord[];
  cached: Map<string, DeskRow>;
}

export async function readDesk(db: Database): Promise<DeskSnapshot> {
  // Every row but the packed copy of them all (lib/desk/packed.ts), which is not read twice.
  const [records, before, after] = await Promise.all([
    allRecords(db),
    db.getAll('deskRows', IDBKeyRange.upperBound(PACKED_DESK_KEY, true)),
    db.getAll('deskRows', IDBKeyRange.lowerBound(PACKED_DESK_KEY, true)),
  ]);
  const rows = await validInSlices([...before, ...after]);
  return { records, cached: new Map(rows.map((row) => [row.recordKey, row])) };
}

/** Rows validated per slice: thousands take ~100 ms to validate, too long to hold the page in one task. */
const VALIDATION_SLICE = 500;

async function validInSlices(rows: readonly unknown[]): Promise<DeskRow[]> {
  const valid: DeskRow[] = [];
  for (let start = 0; start < rows.length; start += VALIDATION_SLICE) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    valid.push(...validRows(DeskRowSchema, rows.slice(start, start + VALIDATION_SLICE)));
  }
  return valid;
}

/** Keeps computed rows for the next opening. A cache: default durability, and a failure only costs recomputing. */
export async function saveDeskRows(db: Database, rows: readonly DeskRow[]): Promise<void> {
  if (rows.length === 0) return;
  const tx = db.transaction('deskRows', 'readwrite');
  await Promise.all([...rows.map((row) => tx.store.put(row)), tx.done]);
}
