// The extension's store in Chromium's real IndexedDB, in the extension origin,
// filled with 100 000 notes over 2 000 records:
// - store.capture: a context-menu capture end to end, through the very handler
//   the menu calls (service worker: read the selection, queue, IndexedDB
//   write with strict durability), timed inside the worker up to the commit;
//   the badge, title and broadcast that tell the user are asked for then, not
//   waited for.
// - baseline.capture: in the same worker, alternating with those captures, the
//   two steps no capture can skip: reading the selection in the page with
//   scripting.executeScript (the menu's selectionText loses line breaks) and
//   adding one row of the note's size with strict durability (a scratch
//   database); the floor under store.capture on this machine.
// - store.notesByRecord: one record's notes, a getAll on the byRecord index
//   (raw IndexedDB, as lib/store/notes.ts queries it) in the panel page;
//   store.notesForRecord: the same through lib/store/notes.ts (with validation).
// - store.bytes: navigator.storage.estimate() of the extension origin after seeding.
// - store.export / store.import: lib/store/backup.ts in the panel page (bundled
//   with esbuild, run through the DevTools protocol): export = exportBackup +
//   JSON.stringify of the whole store; import = parseBackup + applyImport of
//   that file into an empty database.
import { currentServiceWorker } from '../test/e2e/support/chromium.mjs';
import { selectNewParagraph } from '../test/e2e/support/extension.mjs';
import { launch, openRecordTab, openStorePage } from './support/browser.mjs';
import { bundleForPage } from './support/bundle.mjs';
import { startBenchServer } from './support/server.mjs';
import { log, round, summarize, wanted, writeResults } from './support/stats.mjs';

const RECORDS = 2_000;
const NOTES_PER_RECORD = 50;
const CAPTURE = { warmup: 5, runs: 50 };
const QUERY = { warmup: 20, runs: 200 };
const BACKUP = { warmup: 1, runs: Number(process.env.BENCH_BACKUP_RUNS ?? 20) };

const code = await bundleForPage('bench/support/store-entry.ts', '__benchStore');
const server = await startBenchServer();
const browser = await launch(server, { extension: true });
const results = [];
try {
  const { context } = browser;
  const { crm, tabId } = await openRecordTab(browser);
  const panel = await openStorePage(browser);
  await panel.evaluate(code);

  let sequence = 0;
  const capture = async () => {
    sequence += 1;
    await selectNewParagraph(crm, `Benchmark capture ${sequence}: the customer wants the generators replaced before the rainy season, and asks for a maintenance plan covering the remote sites.`);
    const sw = await currentServiceWorker(context);
    const { ms, outcome } = await sw.evaluate(async (tab) => {
      const start = performance.now();
      const outcome = await globalThis.ironTriangle.onContextMenuClicked(
        { menuItemId: 'capture-note', selectionText: 'fallback', pageUrl: location.href, frameId: 0, editable: false },
        { id: tab },
      );
      return { ms: performance.now() - start, outcome };
    }, tabId);
    if (outcome?.outcome !== 'saved' || !outcome.recordKey) throw new Error(`capture was not saved to a record: ${JSON.stringify(outcome)}`);
    return { ms, recordKey: outcome.recordKey };
  };

  const { recordKey } = await capture(); // also the record key the fixture page has
  log('store: seeding', RECORDS * NOTES_PER_RECORD, 'notes over', RECORDS, 'records, the first being', recordKey);
  const seeded = await panel.evaluate(seed, { recordKey, records: RECORDS, notesPerRecord: NOTES_PER_RECORD });
  log(`store: seeded in ${round(seeded.ms / 1000, 1)} s`);

  // Usage settles once IndexedDB has flushed; give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const estimate = await panel.evaluate(async () => {
    const { usage, usageDetails } = await navigator.storage.estimate();
    return { usage, indexedDB: usageDetails?.indexedDB ?? null };
  });
  log(`store: estimate ${JSON.stringify(estimate)}`);
  results.push({ id: 'store.bytes', unit: 'MB', median: round(estimate.usage / 1e6, 2), p95: round(estimate.usage / 1e6, 2), n: 1, target: null });

  if (wanted('store.capture') || wanted('baseline.capture')) {
    const captures = [];
    const baselines = [];
    for (let run = 0; run < CAPTURE.warmup + CAPTURE.runs; run++) {
      const { ms } = await capture();
      await selectNewParagraph(crm, `Baseline capture ${run}: the customer wants the generators replaced before the rainy season, and asks for a maintenance plan covering the remote sites.`);
      const baseline = await (await currentServiceWorker(context)).evaluate(baselineCapture, { tabId, run });
      if (run >= CAPTURE.warmup) {
        captures.push(ms);
        baselines.push(baseline);
      }
    }
    if (wanted('store.capture')) results.push(summarize('store.capture', 'ms', captures, 10, { targetStat: 'p95' }));
    if (wanted('baseline.capture')) results.push(summarize('baseline.capture', 'ms', baselines));
  }

  if (wanted('store.notesByRecord') || wanted('store.notesForRecord')) {
    const queries = await panel.evaluate(queryTimes, { recordKey, records: RECORDS, ...QUERY });
    log(`store: a record has ${queries.count} notes`);
    results.push(summarize('store.notesByRecord', 'ms', queries.raw, 20, { targetStat: 'p95' }));
    results.push(summarize('store.notesForRecord', 'ms', queries.real, 5, { targetStat: 'p95' }));
  }

  // Export and import come together: the import reads the file the export wrote.
  if (wanted('store.export') || wanted('store.import')) {
    const backup = await panel.evaluate(backupTimes, BACKUP);
    log(`store: export file ${round(backup.bytes / 1e6, 1)} MB, ${backup.notes} notes; import added ${backup.added} notes`);
    results.push(summarize('store.export', 's', backup.exportMs.map((ms) => ms / 1000)));
    results.push(summarize('store.import', 's', backup.importMs.map((ms) => ms / 1000)));
  }
  writeResults(results);
} finally {
  await browser.close();
  await server.close();
}

// --- Run in the service worker ---------------------------------------------------

/** The selection read in the tab's page and one note-sized row added with strict durability to a scratch database; ms. */
async function baselineCapture({ tabId, run }) {
  const scratch = (globalThis.__baselineDb ??= new Promise((resolve, reject) => {
    const open = indexedDB.open('iron-triangle-baseline', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('rows', { keyPath: 'id' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  }));
  const db = await scratch;
  const start = performance.now();
  const [{ result: text }] = await chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: () => getSelection()?.toString() ?? '' });
  await new Promise((resolve, reject) => {
    const tx = db.transaction('rows', 'readwrite', { durability: 'strict' });
    tx.objectStore('rows').put({ id: `baseline-${run}`, text, capturedAt: Date.now() });
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  if (!text) throw new Error('baseline capture: no selection read');
  return performance.now() - start;
}

// --- Run in the panel page --------------------------------------------------------

/** Writes the records and notes with raw IndexedDB, in batches; rows valid for lib/store/rows.ts. */
async function seed({ recordKey, records, notesPerRecord }) {
  const start = performance.now();
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('iron-triangle');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const keyOf = (index) => (index === 0 ? recordKey : `salesforce|acme.lightning.force.com|Opportunity|0065g0000Bench${String(index).padStart(4, '0')}`);
  const words = 'customer site generator diesel solar battery budget approval procurement tender engineer maintenance contract deadline risk pilot rollout tower'.split(' ');
  const sentence = (seed) => Array.from({ length: 40 }, (_, i) => words[(seed * 7 + i * 13) % words.length]).join(' ');
  const base = Date.UTC(2026, 0, 1);
  const BATCH_RECORDS = 100;
  for (let first = 0; first < records; first += BATCH_RECORDS) {
    const tx = db.transaction(['notes', 'records'], 'readwrite');
    for (let r = first; r < Math.min(records, first + BATCH_RECORDS); r++) {
      const key = keyOf(r);
      const [crm, host, objectType, recordId] = key.split('|');
      const name = `Benchmark Opportunity ${r}`;
      const url = `https://${host}/lightning/r/${objectType}/${recordId}/view`;
      if (r !== 0) tx.objectStore('records').put({ recordKey: key, crm, host, objectType, recordId, name, url, lastSeenAt: base + r });
      for (let n = 0; n < notesPerRecord; n++) {
        const capturedAt = base + r * 1_000_000 + n * 1_000;
        tx.objectStore('notes').put({
          id: `bench-${r}-${n}`,
          text: `Note ${n} of record ${r}: ${sentence(r * notesPerRecord + n)}.`,
          pageTitle: `${name} | Opportunity | Salesforce`,
          url,
          capturedAt,
          recordKey: key,
          recordName: name,
        });
      }
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  }
  db.close();
  return { ms: performance.now() - start };
}

/** Raw getAll on the byRecord index, and lib/store's notesForRecord, for records picked at random. */
async function queryTimes({ recordKey, records, warmup, runs }) {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('iron-triangle');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const keyOf = (index) => (index === 0 ? recordKey : `salesforce|acme.lightning.force.com|Opportunity|0065g0000Bench${String(index).padStart(4, '0')}`);
  let state = 12345;
  const pick = () => keyOf((state = (state * 1103515245 + 12345) % 2147483648) % records);
  const getAll = (key) =>
    new Promise((resolve, reject) => {
      const request = db.transaction('notes').objectStore('notes').index('byRecord').getAll(IDBKeyRange.bound([key, -Infinity], [key, Infinity]));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const raw = [];
  let count = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const key = pick();
    const start = performance.now();
    const notes = await getAll(key);
    if (i >= warmup) raw.push(performance.now() - start);
    count = notes.length;
  }
  const store = globalThis.__benchStore;
  const real = [];
  const wrapped = await store.openDatabase();
  for (let i = 0; i < warmup + runs; i++) {
    const key = pick();
    const start = performance.now();
    await store.notesForRecord(wrapped, key);
    if (i >= warmup) real.push(performance.now() - start);
  }
  wrapped.close();
  db.close();
  return { raw, real, count };
}

/** Export of the whole store to a file's text, and import of that text into an empty database. */
async function backupTimes({ warmup, runs }) {
  const store = globalThis.__benchStore;
  const db = await store.openDatabase();
  const exportMs = [];
  const importMs = [];
  let text = '';
  let notes = 0;
  let added = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const start = performance.now();
    const backup = await store.exportBackup(db, new Date());
    text = JSON.stringify(backup);
    if (i >= warmup) exportMs.push(performance.now() - start);
    notes = backup.data.notes.length;
  }
  for (let i = 0; i < warmup + runs; i++) {
    const name = `iron-triangle-bench-import-${i}`;
    const target = await store.openDatabase(name);
    const start = performance.now();
    const parsed = store.parseBackup(text);
    if (!parsed.ok) throw new Error(`export did not parse: ${parsed.reason}`);
    const preview = await store.applyImport(target, parsed.backup);
    if (i >= warmup) importMs.push(performance.now() - start);
    added = preview.notes.added;
    target.close();
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = request.onblocked = resolve;
    });
  }
  db.close();
  return { exportMs, importMs, bytes: text.length, notes, added };
}
