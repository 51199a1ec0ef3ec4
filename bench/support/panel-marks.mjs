/* global chrome */
// When an extension page drew what a benchmark waits for, seen from inside the
// page: an init script (added before the page's own code runs) records, with
// performance.now() (navigation start = 0), when the record's name changes,
// when `broadcast/tab-state` messages arrive, and when the deal analysis is
// first drawn (its first element, data-testid="stage-resolution", always drawn
// with a ready analysis) or fails to load. Shared by the panel benchmark and
// the baseline pages, which draw the same element.

/** New pages of a warm browser per panel-opening benchmark, the first ones not counted. */
export const PAGE_OPENS = { warmup: 3, runs: 30 };
/** Fresh profiles (a browser launched for each) per first-page benchmark: the first one pays for a cold disk cache. */
export const FRESH_PROFILES = { warmup: 1, runs: 12 };

/** The init script (runs in the page: no closure over this module). */
export function instrumentPanel() {
  const bench = { names: [], broadcasts: [], analysis: null, analysisError: null };
  globalThis.__bench = bench;
  chrome.runtime.onMessage.addListener((message) => {
    if (message?.type === 'broadcast/tab-state') bench.broadcasts.push({ at: performance.now(), tabId: message.tabId });
  });
  let last = null;
  const check = () => {
    if (bench.analysis === null && document.querySelector('[data-testid="stage-resolution"]')) bench.analysis = performance.now();
    if (bench.analysisError === null && document.querySelector('[data-testid="load-error"]')) bench.analysisError = performance.now();
    const text = document.querySelector('[data-testid="record-name"]')?.textContent ?? null;
    if (text === last) return;
    last = text;
    bench.names.push({ text, at: performance.now(), wall: Date.now() });
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
}

const TIMEOUT_MS = 10_000;

/** When the page drew the analysis (performance.now()); a load error fails the benchmark rather than counting as drawn. */
export async function analysisShown(page) {
  const handle = await page.waitForFunction(() => (globalThis.__bench.analysis ?? globalThis.__bench.analysisError) !== null && globalThis.__bench, null, { timeout: TIMEOUT_MS, polling: 'raf' });
  const { analysis, analysisError } = await handle.jsonValue();
  if (analysis === null) throw new Error(`the page could not load the analysis (load error at ${analysisError} ms)`);
  return analysis;
}

/** When the page showed `name` as the record's name, at or after the `after`th change. */
export const nameShown = (page, name, after = 0) =>
  page.waitForFunction(({ name, after }) => globalThis.__bench.names.slice(after).find((entry) => entry.text === name) ?? false, { name, after }, { timeout: TIMEOUT_MS, polling: 'raf' }).then((handle) => handle.jsonValue());
