import { browser } from 'wxt/browser';
import type { Database } from '@/lib/store/db';
import { validRows } from '@/lib/store/rows';
import { DeskRowSchema, type DeskRow } from './row';

// Every row of the last finished desk pass as ONE value, so that opening the
// desk can show the table before it has read thousands of entries. Chromium's
// IndexedDB costs about 30 µs per entry read, whatever its size: 5 000 records
// and 5 000 cached rows take 300 ms and more to read (and their validation
// ~100 ms more), while one value holding all rows reads in ~40 ms
// (bench/desk.bench.mjs, docs/benchmarks.md). The desk shows these rows at
// once, then reads the records and the per-row cache (lib/desk/store.ts) as
// before and shows what they say, and the pass checks every row again.
//
// The value sits in `deskRows` under a key no record has (record keys are
// `crm|host|type|id`); `readDesk` does not read it. Rows packed by this very
// build are not validated again (that would cost what packing saves: ~100 ms
// for 5 000 rows without zod's compiled parsers, which an extension page's CSP
// forbids): it wrote them from rows it had validated or computed, and they are
// shown only until the validated read replaces them. Rows packed by another
// version (an update may change what a row holds) are validated row by row,
// as cached rows are, and a row that fails is left out.

/** The key of the packed rows in `deskRows`. */
export const PACKED_DESK_KEY = '#packed-desk';
/** The shape of the packed value itself (not of the rows in it): a value of another format is not read. */
export const PACKED_DESK_FORMAT = 1;

interface PackedDesk {
  recordKey: typeof PACKED_DESK_KEY;
  format: number;
  /** The extension version that wrote it: rows from another version are validated before they are shown. */
  version: string;
  savedAt: number;
  rows: DeskRow[];
}

/** The rows of the last finished pass, or null when none were packed. */
export async function readPackedDesk(db: Database, version: string): Promise<DeskRow[] | null> {
  const packed = (await db.get('deskRows', PACKED_DESK_KEY)) as Partial<PackedDesk> | undefined;
  if (!packed || packed.format !== PACKED_DESK_FORMAT || !Array.isArray(packed.rows)) return null;
  return packed.version === version ? packed.rows : validRows(DeskRowSchema, packed.rows);
}

/** Keeps every row of a finished pass as one value. A cache: default durability; a failure only makes the next opening slower. */
export async function savePackedDesk(db: Database, rows: readonly DeskRow[], version: string, now: number): Promise<void> {
  const packed: PackedDesk = { recordKey: PACKED_DESK_KEY, format: PACKED_DESK_FORMAT, version, savedAt: now, rows: [...rows] };
  await db.put('deskRows', packed);
}

/** The extension's version, which packed rows are stamped with; null where there is none (tests), and then nothing is packed. */
export function packedDeskVersion(): string | null {
  try {
    return browser.runtime.getManifest().version ?? null;
  } catch {
    return null;
  }
}

/**
 * Starts reading the packed rows as the page starts, alongside its other first reads (the language),
 * rather than once the desk has mounted: with thousands of rows this read is most of the wait.
 */
export function preloadPackedDesk(openDatabase: () => Promise<Database>): Promise<DeskRow[] | null> {
  const version = packedDeskVersion();
  if (version === null) return Promise.resolve(null);
  return openDatabase()
    .then((db) => readPackedDesk(db, version))
    .catch(() => null);
}
