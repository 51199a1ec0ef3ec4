// The panel's notes list with 5 000 notes on the record in view (production
// build, panel pinned to the Salesforce record tab):
// - panel.notes5000.open: a new panel page, from navigation start until the
//   record's notes list is in the DOM (performance.now() of a MutationObserver
//   that an init script installs before the panel's own code runs).
// - panel.notes5000.frame: while the list is scrolled from top to bottom in
//   steps of one screen, the time between animation frames (p95: "smooth"
//   means every frame well under 50 ms; 16.7 ms is one 60 Hz frame).
// - panel.notes5000.rows: list items in the DOM at the end (windowing: a
//   screenful and some overscan, not 5 000).
import { launch, openRecordTab, openStorePage, sleep } from './support/browser.mjs';
import { startBenchServer } from './support/server.mjs';
import { log, single, summarize, writeResults } from './support/stats.mjs';
import { FIRST_OPPORTUNITY } from '../test/e2e/support/fixtures.mjs';

const NOTES = 5_000;
const OPEN = { warmup: 2, runs: 15 };
const SCROLL_STEPS = 120;
const RECORD_KEY = `salesforce|${FIRST_OPPORTUNITY.host}|Opportunity|${FIRST_OPPORTUNITY.recordId}`;

/** Added to each panel page before its scripts: when the notes list first appears. */
function instrumentPanel() {
  globalThis.__bench = { listAt: null };
  new MutationObserver(() => {
    if (globalThis.__bench.listAt === null && document.querySelector('[data-testid="notes-list"]')) globalThis.__bench.listAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
}

/** The record's notes, written with raw IndexedDB; rows valid for lib/store/rows.ts. */
async function seedNotes({ recordKey, notes }) {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('iron-triangle');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const words = 'customer site generator diesel solar battery budget approval procurement tender engineer maintenance contract deadline risk pilot rollout tower'.split(' ');
  const tx = db.transaction(['notes'], 'readwrite');
  for (let n = 0; n < notes; n++) {
    const length = 10 + ((n * 37) % 90); // notes of different lengths: rows of different heights
    tx.objectStore('notes').put({
      id: `bench-list-${n}`,
      text: `Note ${n}: ${Array.from({ length }, (_, i) => words[(n * 7 + i * 13) % words.length]).join(' ')}.`,
      pageTitle: 'Visit report',
      url: 'https://mail.example.com/visit',
      capturedAt: Date.UTC(2026, 0, 1) + n * 60_000,
      recordKey,
      recordName: 'Nile Telecom – Solar Hybrid Sites',
    });
  }
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** Scrolls the list one screen per frame to its end; returns the gaps between frames. */
async function scrollThrough(steps) {
  const scroller = document.querySelector('[data-testid="notes-list-scroller"]');
  const gaps = [];
  let last = await new Promise(requestAnimationFrame);
  for (let step = 1; step <= steps; step++) {
    scroller.scrollTop = (scroller.scrollHeight * step) / steps;
    const now = await new Promise(requestAnimationFrame);
    gaps.push(now - last);
    last = now;
  }
  // Rows measured on the way correct the list's height: settle at the true end (not timed).
  const atEnd = () => {
    const rows = scroller.querySelectorAll('[role="listitem"]');
    const row = rows[rows.length - 1];
    return row && row.getAttribute('aria-posinset') === row.getAttribute('aria-setsize');
  };
  for (let settle = 0; settle < 60 && !atEnd(); settle++) {
    scroller.scrollTop = scroller.scrollHeight;
    await new Promise(requestAnimationFrame);
  }
  const items = scroller.querySelectorAll('[role="listitem"]');
  const lastRow = items[items.length - 1];
  return { gaps, rows: items.length, reachedEnd: lastRow?.getAttribute('aria-posinset') === lastRow?.getAttribute('aria-setsize'), setSize: Number(lastRow?.getAttribute('aria-setsize')) };
}

const server = await startBenchServer();
const browser = await launch(server, { extension: true });
const results = [];
try {
  const { context } = browser;
  const { panelUrl } = await openRecordTab(browser);
  const seeder = await openStorePage(browser);
  await seeder.evaluate(seedNotes, { recordKey: RECORD_KEY, notes: NOTES });
  await seeder.close();
  log(`notes list: ${NOTES} notes seeded on ${RECORD_KEY}`);

  const open = [];
  let panel;
  for (let run = 0; run < OPEN.warmup + OPEN.runs; run++) {
    panel = await context.newPage();
    await panel.addInitScript(instrumentPanel);
    await panel.goto(panelUrl);
    const at = await panel.waitForFunction(() => globalThis.__bench.listAt, undefined, { timeout: 20_000, polling: 'raf' }).then((handle) => handle.jsonValue());
    if (run >= OPEN.warmup) open.push(at);
    if (run < OPEN.warmup + OPEN.runs - 1) await panel.close();
    await sleep(200);
  }
  results.push(summarize('panel.notes5000.open', 'ms', open, 1000, { targetStat: 'p95' }));

  const { gaps, rows, reachedEnd, setSize } = await panel.evaluate(scrollThrough, SCROLL_STEPS);
  if (!reachedEnd || setSize < NOTES) throw new Error(`the list of ${setSize} notes did not reach its end`);
  log(`notes list: ${rows} of ${setSize} rows in the DOM after scrolling to the end`);
  results.push(summarize('panel.notes5000.frame', 'ms', gaps, 50, { targetStat: 'p95' }));
  results.push(single('panel.notes5000.rows', 'rows', rows, 60, 0));
  writeResults(results);
} finally {
  await browser.close();
  await server.close();
}
