import { recordKey } from '@/lib/crm/snapshot';
import { loadDealData } from '@/lib/deal/deal-data';
import { touchesDealData } from '@/lib/deal/deal-data-changes';
import { activeTabOf, fetchTabState, onBroadcast, ownTabId, type PanelTarget } from '@/lib/messaging/page-client';
import type { Broadcast, TabState } from '@/lib/messaging/protocol';
import type { Database } from '@/lib/store/db';

/**
 * The panel's first reads, started as its script starts: the followed tab's
 * state, then that record's deal data. Without them each waited for the one
 * before and for a render in between (database and language, render, tab,
 * state, render, deal data, render: bench/findings.md, item 8). The hooks take
 * each once (`takeFirstRead`); every later read is their own. A read that a
 * broadcast says is out of date before it is taken is dropped, so a hook never
 * starts from what changed while the panel was starting.
 */
/** Each read started, with what says it is out of date. */
const started = new Map<string, { read: Promise<unknown>; outdatedBy: (message: Broadcast) => boolean }>();
/** Reads dropped as out of date: what follows from them is not started. */
const outdated = new WeakSet<Promise<unknown>>();
let stopListening: (() => void) | undefined;
/** A read no hook took by then (the panel showed something else first) is let go. */
const UNTAKEN_MS = 10_000;

export const tabStateRead = (tabId: number) => `tab:${tabId}`;
export const dealDataRead = (key: string) => `deal:${key}`;

function start<T>(key: string, read: Promise<T>, outdatedBy: (message: Broadcast) => boolean): Promise<T> {
  read.catch(() => undefined); // the hook that takes it sees the failure; untaken, it is nobody's
  started.set(key, { read, outdatedBy });
  setTimeout(() => {
    if (started.get(key)?.read === read) forget(key);
  }, UNTAKEN_MS);
  return read;
}

function forget(key: string): void {
  started.delete(key);
  stopWhenIdle();
}

function stopWhenIdle(): void {
  if (started.size > 0) return;
  stopListening?.();
  stopListening = undefined;
}

/** The read started for `key`, once: undefined when none was, or when it was taken or dropped. */
export function takeFirstRead<T>(key: string): Promise<T> | undefined {
  const read = started.get(key)?.read as Promise<T> | undefined;
  if (read) forget(key);
  return read;
}

async function followedTabId(target: { docked: true } | { windowId: number | 'current' }): Promise<number | undefined> {
  return 'docked' in target ? ownTabId() : (await activeTabOf(target.windowId)).tabId;
}

/** Starts the reads of what `target` will show first; `database` is the page's connection. */
export function startFirstReads(target: PanelTarget, database: () => Promise<Database>): void {
  stopListening ??= onBroadcast((message) => {
    for (const [key, { read, outdatedBy }] of [...started]) {
      if (!outdatedBy(message)) continue;
      outdated.add(read);
      forget(key);
    }
  });
  const readTab = async () => {
    // A pinned tab is asked for at once, before anything else is awaited.
    const tabId = 'tabId' in target ? target.tabId : await followedTabId(target);
    if (tabId === undefined) return stopWhenIdle();
    const read = start(tabStateRead(tabId), fetchTabState(tabId), (message) => message.type === 'broadcast/tab-state' && message.tabId === tabId);
    const state: TabState = await read;
    if (state.kind !== 'record' || outdated.has(read)) return undefined;
    const key = recordKey(state.snapshot);
    start(dealDataRead(key), database().then((db) => loadDealData(db, key)), (message) => touchesDealData(message, key));
    return undefined;
  };
  readTab().catch(stopWhenIdle);
}
