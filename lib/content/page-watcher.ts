import type { CrmAdapter } from '@/lib/crm/adapter';
import { deepScope, sharingDeepScopes } from '@/lib/crm/dom';
import type { PageState } from '@/lib/crm/page-state';
import { pageStateKey, readPage, recordContentKey, recordPageNotRead } from '@/lib/crm/read-page';
import type { UserPresence } from './user-presence';

/** Milliseconds of quiet before the page is read again after DOM changes. */
export const SETTLE_MS = 120;
/**
 * After an in-app navigation, the quiet that is enough for a first look: a
 * new record found then is sent at once (`nav.to.panel` in `npm run bench`).
 * What is not a record yet (the view still rendering) is kept back until
 * SETTLE_MS have passed since the navigation, so the panel does not flash
 * "No CRM record" between two records.
 */
export const NAVIGATION_QUIET_MS = 50;
/** Circuit breaker: at most this many reads per window; a page mutating non-stop is then read only on navigation. */
export const MAX_READS_PER_WINDOW = 30;
export const BREAKER_WINDOW_MS = 10_000;
type RecordState = Extract<PageState, { kind: 'record' }>;

/** What the observer watches for in the record: what changes what a reader sees. */
const OBSERVED_CHANGES: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'title', 'aria-selected', 'aria-current'] };
/** Fallback URL check where the Navigation API is missing. */
const URL_POLL_MS = 300;
/**
 * After a navigation, how long a read that shows exactly what the previous
 * record showed is taken for the previous view still on screen, not the new
 * record. Dynamics, Pipedrive and Odoo name no record id in their views, so
 * their adapters cannot tell an old view from the new one themselves.
 */
export const STALE_VIEW_MS = 3_000;

/** On a page the user has not touched, how long the first read may wait for the browser to be idle once they are there. */
const FIRST_READ_IDLE_TIMEOUT_MS = 500;

export interface WatchOptions {
  adapter: CrmAdapter;
  /** Sends the state to the background; rejects once the extension is gone. */
  send: (state: PageState) => Promise<unknown>;
  win?: Window & typeof globalThis;
  /**
   * Given, a record page of a fresh load is announced (`not-read-yet`), not
   * read, until something shows the record (`readNow`: a panel on this tab, a
   * capture) or the user is there: a heavy record costs its first read tens
   * of ms that do not belong in the page's load.
   */
  readOnDemand?: UserPresence;
}

export interface PageWatch {
  /** Reads the page now, whatever it waited for; resolves once the state is sent. */
  readNow(): Promise<void>;
  stop(): void;
}

interface NavigationLike {
  addEventListener(type: 'currententrychange', listener: () => void): void;
  removeEventListener(type: 'currententrychange', listener: () => void): void;
}

/**
 * Reads the page now (or, with `readOnDemand`, once asked) and again whenever
 * the user navigates in-app or the record in view changes, and sends each new
 * state once.
 */
export function watchPage({ adapter, send, win = window, readOnDemand }: WatchOptions): PageWatch {
  const doc = win.document;
  /** The state last sent, and its key once taken (null before). */
  let lastState: PageState | null = null;
  let lastKey: string | null = null;
  let lastUrl = win.location.href;
  let observedTrees: readonly Node[] = [];
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let readsInWindow = 0;
  let windowStart = Date.now();
  let stopped = false;
  /** The record last sent, to tell its view from a new record's. */
  let previous: RecordState | null = null;
  let staleSince: number | null = null;
  let staleTimer: ReturnType<typeof setTimeout> | undefined;
  let lastSent: Promise<unknown> = Promise.resolve();
  /** Until when (Date.now()) a read after an in-app navigation sends only a new record; null when none is pending. */
  let navigationSettlesAt: number | null = null;
  let readAsked = readOnDemand?.seen ?? true;
  let idleHandle: number | undefined;
  const stopWaitingForUser =
    readOnDemand && !readAsked
      ? readOnDemand.whenPresent(() => {
          // Not in the user's first event: the read runs when the browser is idle.
          const askRead = () => void readNow();
          if (win.requestIdleCallback) idleHandle = win.requestIdleCallback(askRead, { timeout: FIRST_READ_IDLE_TIMEOUT_MS });
          else settleTimer = setTimeout(askRead, 0);
        })
      : () => {};

  const observer = new MutationObserver(() => schedule());

  function observe(root: Element | null): void {
    // Before the record renders, watch the body for it; after, only the record, and each open shadow
    // root in it: a shadow root is a tree of its own, which an observer of the record does not see into.
    // Found again at each read, as the record's components come and go.
    const trees: readonly Node[] = root ? deepScope(root).roots : [doc.body ?? doc.documentElement];
    if (trees.length === observedTrees.length && trees.every((tree, i) => tree === observedTrees[i])) return;
    observer.disconnect();
    observedTrees = trees;
    for (const tree of trees) observer.observe(tree, OBSERVED_CHANGES);
  }

  function breakerOpen(): boolean {
    const now = Date.now();
    if (now - windowStart > BREAKER_WINDOW_MS) {
      windowStart = now;
      readsInWindow = 0;
    }
    return ++readsInWindow > MAX_READS_PER_WINDOW;
  }

  /** True while a read under a new record id still shows just what the previous record showed. */
  function showsPreviousView(state: PageState): boolean {
    // The two contents are compared only when the record id changed: after a navigation, not at every read.
    if (state.kind !== 'record' || !previous || previous.snapshot.recordId === state.snapshot.recordId || recordContentKey(previous) !== recordContentKey(state)) {
      staleSince = null;
      return false;
    }
    staleSince ??= Date.now();
    const heldFor = Date.now() - staleSince;
    if (heldFor >= STALE_VIEW_MS) return false; // two records may look alike after all
    clearTimeout(staleTimer);
    staleTimer = setTimeout(() => read(true), STALE_VIEW_MS - heldFor);
    return true;
  }

  function sendIfNew(state: PageState): void {
    // Keys are compared only between states of one kind: a state of another kind is new whatever its
    // key. So a page's first read (a heavy record's key is a 50 kB string) sends at once after the
    // "not read yet" of its load, and the key of what it sent is taken at the next read.
    if (lastState?.kind === state.kind) {
      lastKey ??= pageStateKey(lastState);
      const key = pageStateKey(state);
      if (key === lastKey) return;
      lastKey = key;
    } else lastKey = null;
    lastState = state;
    if (state.kind === 'record') previous = state;
    lastSent = send(state).catch(() => stop()); // the extension was updated or removed: this script is orphaned
  }

  function read(force = false): void {
    if (stopped) return;
    if (!force && breakerOpen()) return;
    // The adapter and the observer walk the same record for its shadow roots: once is enough.
    sharingDeepScopes(() => readOnce());
  }

  function readOnce(): void {
    const url = new URL(win.location.href);
    const notRead = readAsked ? null : recordPageNotRead(adapter, url, doc);
    if (notRead) return sendIfNew(notRead);
    const { state, root } = readPage(adapter, url, doc, Date.now());
    if (showsPreviousView(state)) {
      observe(null); // the new view may render anywhere in the page
      return;
    }
    if (navigationSettlesAt !== null) {
      const early = Date.now() < navigationSettlesAt;
      if (early && state.kind !== 'record') return; // still rendering: the read at navigationSettlesAt decides
      navigationSettlesAt = null;
    }
    clearTimeout(staleTimer);
    observe(root);
    sendIfNew(state);
  }

  function readNow(): Promise<void> {
    readAsked = true;
    stopWaitingForUser();
    read(true);
    return lastSent.then(() => undefined);
  }

  function schedule(): void {
    clearTimeout(settleTimer);
    if (navigationSettlesAt === null) {
      settleTimer = setTimeout(() => read(), SETTLE_MS);
      return;
    }
    // Navigating: a short quiet is enough for a look, and the settle time still ends in a read.
    // Forced, so a navigation is never lost to the circuit breaker.
    const left = navigationSettlesAt - Date.now();
    settleTimer = setTimeout(() => {
      read(true);
      if (navigationSettlesAt !== null) schedule(); // the look found no record: wait out the settle time
    }, Math.max(0, Math.min(NAVIGATION_QUIET_MS, left)));
  }

  function onUrlMaybeChanged(): void {
    if (win.location.href === lastUrl) return;
    lastUrl = win.location.href;
    // Read once the new view has had a moment to render: read at once, the page still shows the
    // old view (or none) and the panel would flash "No CRM record" on every in-app navigation.
    // The whole page is watched meanwhile: the new view may render anywhere.
    navigationSettlesAt = Date.now() + SETTLE_MS;
    observe(null);
    schedule();
  }

  function onPageShow(event: PageTransitionEvent): void {
    // Back from the back/forward cache: the background forgot this tab meanwhile.
    if (event.persisted) {
      lastState = null;
      lastKey = null;
      read(true);
    }
  }

  const navigation = (win as { navigation?: NavigationLike }).navigation;
  navigation?.addEventListener('currententrychange', onUrlMaybeChanged);
  const urlPoll = navigation ? undefined : setInterval(onUrlMaybeChanged, URL_POLL_MS);
  win.addEventListener('popstate', onUrlMaybeChanged);
  win.addEventListener('pageshow', onPageShow);

  function stop(): void {
    stopped = true;
    stopWaitingForUser();
    if (idleHandle !== undefined) win.cancelIdleCallback?.(idleHandle);
    observer.disconnect();
    clearTimeout(settleTimer);
    clearTimeout(staleTimer);
    clearInterval(urlPoll);
    navigation?.removeEventListener('currententrychange', onUrlMaybeChanged);
    win.removeEventListener('popstate', onUrlMaybeChanged);
    win.removeEventListener('pageshow', onPageShow);
  }

  read(true);
  return { readNow, stop };
}
