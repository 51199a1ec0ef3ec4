import type { CrmAdapter } from '../crm/adapter';
import { pageStateKey, readPage, type PageState } from '../crm/read-page';

/** Milliseconds of quiet before the page is read again after DOM changes. */
export const SETTLE_MS = 120;
/** Circuit breaker: at most this many reads per window; a page mutating non-stop is then read only on navigation. */
export const MAX_READS_PER_WINDOW = 30;
export const BREAKER_WINDOW_MS = 10_000;
/** Fallback URL check where the Navigation API is missing. */
const URL_POLL_MS = 300;

export interface WatchOptions {
  adapter: CrmAdapter;
  /** Sends the state to the background; rejects once the extension is gone. */
  send: (state: PageState) => Promise<unknown>;
  win?: Window & typeof globalThis;
}

interface NavigationLike {
  addEventListener(type: 'currententrychange', listener: () => void): void;
  removeEventListener(type: 'currententrychange', listener: () => void): void;
}

/**
 * Reads the page now and again whenever the user navigates in-app or the
 * record in view changes, and sends each new state once. Returns a function
 * that stops everything.
 */
export function watchPage({ adapter, send, win = window }: WatchOptions): () => void {
  const doc = win.document;
  let lastKey = '';
  let lastUrl = win.location.href;
  let observedRoot: Node | null = null;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let readsInWindow = 0;
  let windowStart = Date.now();
  let stopped = false;

  const observer = new MutationObserver(() => schedule());

  function observe(root: Element | null): void {
    // Before the record renders, watch the body for it; after, only the record.
    const target: Node = root ?? doc.body ?? doc.documentElement;
    if (target === observedRoot) return;
    observer.disconnect();
    observedRoot = target;
    observer.observe(target, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'title', 'aria-selected', 'aria-current'] });
  }

  function breakerOpen(): boolean {
    const now = Date.now();
    if (now - windowStart > BREAKER_WINDOW_MS) {
      windowStart = now;
      readsInWindow = 0;
    }
    return ++readsInWindow > MAX_READS_PER_WINDOW;
  }

  function read(force = false): void {
    if (stopped) return;
    if (!force && breakerOpen()) return;
    const { state, root } = readPage(adapter, new URL(win.location.href), doc, Date.now());
    observe(root);
    const key = pageStateKey(state);
    if (key === lastKey) return;
    lastKey = key;
    send(state).catch(() => stop()); // the extension was updated or removed: this script is orphaned
  }

  function schedule(): void {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => read(), SETTLE_MS);
  }

  function onUrlMaybeChanged(): void {
    if (win.location.href === lastUrl) return;
    lastUrl = win.location.href;
    clearTimeout(settleTimer);
    // Read once the new view has had a moment to render: read at once, the page still shows the
    // old view (or none) and the panel would flash "No CRM record" on every in-app navigation.
    // Forced, so a navigation is never lost to the circuit breaker.
    settleTimer = setTimeout(() => read(true), SETTLE_MS);
  }

  function onPageShow(event: PageTransitionEvent): void {
    // Back from the back/forward cache: the background forgot this tab meanwhile.
    if (event.persisted) {
      lastKey = '';
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
    observer.disconnect();
    clearTimeout(settleTimer);
    clearInterval(urlPoll);
    navigation?.removeEventListener('currententrychange', onUrlMaybeChanged);
    win.removeEventListener('popstate', onUrlMaybeChanged);
    win.removeEventListener('pageshow', onPageShow);
  }

  read(true);
  return stop;
}
