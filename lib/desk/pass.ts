import type { Database } from '@/lib/store/db';
import type { StoredRecord } from '@/lib/store/rows';
import { computeDeskRow, type DeskBasis } from './compute';
import type { DeskRow } from './row';
import { saveDeskRows } from './store';

/** Gives the page back to the user between slices of work: a click or a key press waits at most one slice. */
export type Yield = () => Promise<void>;

export const yieldToPage: Yield = () => new Promise((resolve) => setTimeout(resolve, 0));

export interface DeskPassOptions {
  /** Milliseconds of work per slice before yielding. */
  sliceMs?: number;
  yieldToPage?: Yield;
  now?: () => number;
}

/**
 * Computes the desk rows of `records` against one basis, a slice at a time,
 * reporting each slice's rows and saving them for the next opening. Records
 * not `isCurrent` (no row, or one computed against another basis) come before
 * the ones that are only checked.
 */
export class DeskPass {
  private readonly queue: StoredRecord[];
  private stopped = false;
  readonly done: Promise<void>;

  constructor(
    private readonly db: Database,
    records: readonly StoredRecord[],
    private readonly basis: DeskBasis,
    isCurrent: (record: StoredRecord) => boolean,
    private readonly report: (rows: DeskRow[], remaining: number) => void,
    private readonly options: DeskPassOptions = {},
  ) {
    this.queue = [...records.filter((record) => !isCurrent(record)), ...records.filter(isCurrent)];
    this.done = this.run();
  }

  stop(): void {
    this.stopped = true;
  }

  /** Records still to compute; 0 once the pass has finished (or was stopped). */
  get remaining(): number {
    return this.stopped ? 0 : this.queue.length;
  }

  private async run(): Promise<void> {
    const now = this.options.now ?? (() => performance.now());
    const sliceMs = this.options.sliceMs ?? 12;
    const pause = this.options.yieldToPage ?? yieldToPage;
    while (!this.stopped && this.queue.length > 0) {
      const started = now();
      const rows: DeskRow[] = [];
      do {
        const record = this.queue.shift() as StoredRecord;
        rows.push(await computeDeskRow(this.db, record, this.basis));
      } while (this.queue.length > 0 && now() - started < sliceMs && !this.stopped);
      if (this.stopped) return;
      this.report(rows, this.queue.length);
      await saveDeskRows(this.db, rows).catch((error: unknown) => console.warn('Iron Triangle: desk rows not cached', error));
      await pause();
    }
  }
}
