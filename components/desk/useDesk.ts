import { useEffect, useState } from 'react';
import type { CustomCrm } from '@/lib/custom-crm/schema';
import { readCustomCrms } from '@/lib/custom-crm/store';
import { loadDeskBasis, type DeskBasis } from '@/lib/desk/compute';
import { DeskPass, type DeskPassOptions } from '@/lib/desk/pass';
import { deskRowFor, type DeskRow } from '@/lib/desk/row';
import { packedDeskVersion, preloadPackedDesk, savePackedDesk } from '@/lib/desk/packed';
import { readDesk } from '@/lib/desk/store';
import type { Broadcast } from '@/lib/messaging/protocol';
import { onBroadcast } from '@/lib/messaging/page-client';
import type { Playbook } from '@/lib/playbook/schema';
import type { Database } from '@/lib/store/db';
import { allRecords, recordsSeenSince } from '@/lib/store/records';
import type { StoredRecord } from '@/lib/store/rows';

export interface DeskState {
  status: 'loading' | 'error' | 'ready';
  rows: DeskRow[];
  /** Records whose row is not computed yet (never, or not against today's playbook and directory). */
  pending: ReadonlySet<string>;
  /** Records the current pass still has to check; 0 when every row is current. */
  remaining: number;
  playbook: Playbook | null;
  customCrms: CustomCrm[];
}

/** How often computed rows reach the screen while a pass runs: often enough to watch, rarely enough not to re-sort constantly. */
const FLUSH_MS = 250;

/** Resolves once what was just rendered has been drawn, or after 100 ms where frames are not drawn (a hidden tab). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

/**
 * Every record seen, with its desk row. Opens with the rows computed last
 * time, then checks every one against today's playbook, directory and stored
 * facts, a slice at a time, so the table is usable at once and true shortly
 * after. A change broadcast by a panel moves that record to the front.
 */
export function useDesk(openDatabase: () => Promise<Database>, passOptions?: DeskPassOptions, preloaded?: Promise<DeskRow[] | null>): DeskState {
  const [state, setState] = useState<DeskState>({ status: 'loading', rows: [], pending: new Set(), remaining: 0, playbook: null, customCrms: [] });

  useEffect(() => {
    let live = true;
    // The pass over every record, and any started after it for records that changed: all run until done.
    const passes = new Set<DeskPass>();
    // The pass whose answer counts for a record that changed: an older pass may still report a reading from before the change.
    const owner = new Map<string, DeskPass>();
    const remainingOfAll = () => [...passes].reduce((sum, pass) => sum + pass.remaining, 0);
    const rows = new Map<string, DeskRow>();
    const pending = new Set<string>();
    const records = new Map<string, StoredRecord>();
    let remaining = 0;
    const version = packedDeskVersion();
    let cleanup = () => {};
    let flushTimer: ReturnType<typeof setTimeout> | null = null;
    let extras: Pick<DeskState, 'playbook' | 'customCrms'> = { playbook: null, customCrms: [] };

    const flush = () => {
      flushTimer = null;
      if (live) setState({ status: 'ready', rows: [...rows.values()], pending: new Set(pending), remaining, ...extras });
    };
    const flushSoon = () => (flushTimer ??= setTimeout(flush, FLUSH_MS));

    const startPass = (db: Database, basis: DeskBasis, queue: StoredRecord[], isCurrent: (record: StoredRecord) => boolean) => {
      const pass = new DeskPass(
        db,
        queue,
        basis,
        isCurrent,
        (computed, left) => {
          for (const row of computed) {
            if ((owner.get(row.recordKey) ?? pass) !== pass) continue;
            rows.set(row.recordKey, row);
            pending.delete(row.recordKey);
          }
          remaining = remainingOfAll();
          if (left === 0) passes.delete(pass);
          if (remaining === 0) {
            if (flushTimer) clearTimeout(flushTimer);
            flush();
            // Every row is current: kept as one value, the next opening shows them before reading every entry.
            if (live && version !== null && pending.size === 0)
              savePackedDesk(db, [...rows.values()], version, Date.now()).catch((error: unknown) => console.warn('Iron Triangle: desk rows not packed', error));
          } else flushSoon();
        },
        passOptions,
      );
      passes.add(pass);
      remaining = remainingOfAll();
      // A pass cut short (the database closed under it) leaves the rows it had; the next opening checks them again.
      pass.done.catch((error: unknown) => {
        passes.delete(pass);
        if (live) console.warn('Iron Triangle: the desk stopped checking rows', error);
      });
      return pass;
    };
    const stopAll = () => {
      for (const pass of passes) pass.stop();
      passes.clear();
      owner.clear();
    };

    const addRecords = (added: readonly StoredRecord[]) => {
      for (const record of added) {
        records.set(record.recordKey, record);
        if (!rows.has(record.recordKey)) rows.set(record.recordKey, deskRowFor(record, undefined, undefined, ''));
        pending.add(record.recordKey);
      }
    };

    void (async () => {
      const packedRead = preloaded ?? preloadPackedDesk(openDatabase);
      const db = await openDatabase();
      const [packed, basis, customCrms] = await Promise.all([packedRead, loadDeskBasis(db, Date.now()), readCustomCrms(db)]);
      let current = basis;
      extras = { playbook: basis.playbook.playbook, customCrms };
      // The rows of the last finished pass, shown while every record and cached row is read (that takes a while
      // with thousands): the rows below replace them, and the pass checks each one again. The read starts once
      // they are on screen: the database's work for it would otherwise compete with their rendering for the CPU.
      if (packed && packed.length > 0) {
        for (const row of packed) rows.set(row.recordKey, row);
        remaining = packed.length;
        flush();
        await afterPaint();
      }
      const desk = await readDesk(db);
      if (!live) return; // closed meanwhile: no pass for a desk nobody sees
      rows.clear();
      for (const record of desk.records) {
        records.set(record.recordKey, record);
        const cached = desk.cached.get(record.recordKey);
        // A cached row of a record read again since is shown, but counted as not yet current.
        if (cached) rows.set(record.recordKey, cached);
        if (cached?.lastSeenAt !== record.lastSeenAt) addRecords([record]);
      }
      const isCurrent = (record: StoredRecord) => desk.cached.get(record.recordKey)?.basis === basis.stamp && !pending.has(record.recordKey);
      startPass(db, current, desk.records, isCurrent);
      flush();

      const recompute = (changed: StoredRecord[]) => {
        if (changed.length === 0) return;
        const pass = startPass(db, current, changed, () => false);
        for (const record of changed) {
          pending.add(record.recordKey);
          owner.set(record.recordKey, pass);
        }
        flushSoon();
      };
      const onChange = async (message: Broadcast) => {
        if (message.type === 'broadcast/configuration') {
          current = await loadDeskBasis(db, Date.now());
          extras = { playbook: current.playbook.playbook, customCrms: await readCustomCrms(db) };
          // An imported backup publishes this too, and may bring records this desk has not listed yet.
          const known = await allRecords(db);
          stopAll();
          addRecords(known.filter((record) => records.get(record.recordKey)?.lastSeenAt !== record.lastSeenAt));
          for (const key of records.keys()) pending.add(key);
          startPass(db, current, [...records.values()], () => false);
          flush();
        } else if (message.type === 'broadcast/tab-state') {
          // A page was read: a new record, or a new reading of a known one.
          const newest = Math.max(0, ...[...records.values()].map((record) => record.lastSeenAt));
          const read = (await recordsSeenSince(db, newest)).filter((record) => records.get(record.recordKey)?.lastSeenAt !== record.lastSeenAt);
          addRecords(read);
          recompute(read);
        } else if ((message.type === 'broadcast/facts' || message.type === 'broadcast/notes' || message.type === 'broadcast/capture') && message.recordKey) {
          const record = records.get(message.recordKey);
          if (record) recompute([record]);
        }
      };
      cleanup = onBroadcast((message) => void onChange(message).catch((error: unknown) => console.error('Iron Triangle: desk update failed', error)));
    })().catch((error: unknown) => {
      console.error('Iron Triangle: the deal desk could not be read', error);
      if (live) setState((previous) => ({ ...previous, status: 'error' }));
    });

    return () => {
      live = false;
      stopAll();
      if (flushTimer) clearTimeout(flushTimer);
      cleanup();
    };
  }, [openDatabase, passOptions, preloaded]);

  return state;
}
