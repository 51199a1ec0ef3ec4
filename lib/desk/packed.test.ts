import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { openDatabase, type Database } from '@/lib/store/db';
import { rememberRecord, allRecords } from '@/lib/store/records';
import { validSnapshot } from '@/test/support/snapshots';
import { computeDeskRow, loadDeskBasis } from './compute';
import { PACKED_DESK_FORMAT, PACKED_DESK_KEY, readPackedDesk, savePackedDesk } from './packed';
import { readDesk, saveDeskRows } from './store';

const NAME = 'desk-packed-test';
let db: Database;
beforeEach(async () => {
  db = await openDatabase(NAME);
});
afterEach(async () => {
  db.close();
  await deleteDB(NAME);
});

async function someRows() {
  await rememberRecord(db, validSnapshot, 10);
  const basis = await loadDeskBasis(db, 1_000);
  return Promise.all((await allRecords(db)).map((record) => computeDeskRow(db, record, basis)));
}

describe('packed desk rows', () => {
  it('come back as written, for the version that wrote them', async () => {
    const rows = await someRows();
    expect(await readPackedDesk(db, '1.0.0')).toBeNull();
    await savePackedDesk(db, rows, '1.0.0', 5);
    expect(await readPackedDesk(db, '1.0.0')).toEqual(rows);
  });

  it('written by another version are validated, and a row that fails is left out', async () => {
    const rows = await someRows();
    const broken = { ...rows[0], recordKey: 'salesforce|h|Opportunity|2', analysed: { high: 'many' } };
    await db.put('deskRows', { recordKey: PACKED_DESK_KEY, format: PACKED_DESK_FORMAT, version: '1.0.0', savedAt: 5, rows: [...rows, broken] });
    expect(await readPackedDesk(db, '1.0.0')).toHaveLength(rows.length + 1); // this version's own: not validated again
    expect(await readPackedDesk(db, '1.0.1')).toEqual(rows);
  });

  it('are not read in another format', async () => {
    const rows = await someRows();
    await db.put('deskRows', { recordKey: PACKED_DESK_KEY, format: PACKED_DESK_FORMAT + 1, version: '1.0.0', savedAt: 5, rows });
    expect(await readPackedDesk(db, '1.0.0')).toBeNull();
    await db.put('deskRows', { recordKey: PACKED_DESK_KEY, format: PACKED_DESK_FORMAT, version: '1.0.0', savedAt: 5, rows: 'not rows' });
    expect(await readPackedDesk(db, '1.0.0')).toBeNull();
  });

  it('are not a cached row of their own', async () => {
    const rows = await someRows();
    await saveDeskRows(db, rows);
    await savePackedDesk(db, rows, '1.0.0', 5);
    const desk = await readDesk(db);
    expect([...desk.cached.keys()]).toEqual(rows.map((row) => row.recordKey));
  });
});
