// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { deleteDB } from 'idb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PACKED_DESK_FORMAT, PACKED_DESK_KEY, readPackedDesk } from '@/lib/desk/packed';
import * as store from '@/lib/desk/store';
import { openDatabase, type Database } from '@/lib/store/db';
import { rememberRecord } from '@/lib/store/records';
import { validSnapshot } from '@/test/support/snapshots';
import { DealDesk } from './DealDesk';

// Opening with the rows of the last finished pass (lib/desk/packed.ts) before every record is read.

const NAME = 'deal-desk-packed-test';
let db: Database;
const open = () => Promise.resolve(db);
const passOptions = { yieldToPage: () => Promise.resolve() };
const manifest = (version: string) => vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Iron Triangle', version });

beforeEach(async () => {
  fakeBrowser.reset();
  db = await openDatabase(NAME);
  await rememberRecord(db, validSnapshot, 10);
  await rememberRecord(db, { ...validSnapshot, recordId: '0065g00000XYZ2', name: 'Second deal' }, 20);
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  db.close();
  await deleteDB(NAME);
});

const rows = () => screen.queryAllByTestId('desk-row');
const settled = () => waitFor(() => expect(screen.getByTestId('desk').dataset.checking).toBe('false'));

it('keeps every row of a finished pass as one value, and the next opening shows them before reading the records', async () => {
  manifest('2.0.0');
  render(<DealDesk openDatabase={open} passOptions={passOptions} />);
  await settled();
  const shown = rows().map((row) => [row.dataset.key, row.dataset.high]);
  expect(shown).toHaveLength(2);
  await waitFor(async () => expect(await readPackedDesk(db, '2.0.0')).toHaveLength(2));
  cleanup();

  // The records and the cached rows are never read: what shows comes from the packed rows alone.
  vi.spyOn(store, 'readDesk').mockReturnValue(new Promise(() => {}));
  render(<DealDesk openDatabase={open} passOptions={passOptions} />);
  await waitFor(() => expect(rows().map((row) => [row.dataset.key, row.dataset.high])).toEqual(shown));
  expect(screen.getByTestId('desk').dataset.checking).toBe('true');
});

it('shows the packed rows of another version once they are validated, without a row that fails', async () => {
  manifest('2.0.0');
  render(<DealDesk openDatabase={open} passOptions={passOptions} />);
  await settled();
  const packed = (await readPackedDesk(db, '2.0.0'))!;
  await waitFor(() => expect(packed).toHaveLength(2));
  cleanup();
  await db.put('deskRows', { recordKey: PACKED_DESK_KEY, format: PACKED_DESK_FORMAT, version: '2.0.0', savedAt: 1, rows: [packed[0], { ...packed[1], analysed: { high: -1 } }] });

  manifest('2.0.1');
  vi.spyOn(store, 'readDesk').mockReturnValue(new Promise(() => {}));
  render(<DealDesk openDatabase={open} passOptions={passOptions} />);
  await waitFor(() => expect(rows().map((row) => row.dataset.key)).toEqual([packed[0]!.recordKey]));
});

it('shows the packed rows the page started reading before it mounted the desk', async () => {
  manifest('2.0.0');
  render(<DealDesk openDatabase={open} passOptions={passOptions} />);
  await settled();
  await waitFor(async () => expect(await readPackedDesk(db, '2.0.0')).toHaveLength(2));
  cleanup();

  const packed = await readPackedDesk(db, '2.0.0');
  vi.spyOn(store, 'readDesk').mockReturnValue(new Promise(() => {}));
  render(<DealDesk openDatabase={open} passOptions={passOptions} packedRows={Promise.resolve(packed!.slice(0, 1))} />);
  await waitFor(() => expect(rows().map((row) => row.dataset.key)).toEqual([packed![0]!.recordKey]));
});
