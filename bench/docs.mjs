// docs/benchmarks.md, written by scripts/bench.mjs from bench/report.json after
// each run: the results table, the targets missed, the hand-written findings
// of bench/findings.md, how each benchmark measures, and the machine.
import { existsSync, readFileSync } from 'node:fs';

const FINDINGS = new URL('./findings.md', import.meta.url);

/** How each result is measured, by id (an entry ending in `.` covers every id that starts with it). */
const HOW = {
  'engines.total':
    '`analyzeDeal` (requirements, team and decision-chain engines) in Node on a seeded record with 200 stakeholders, 60 requirement fields, 500 notes and a 2 000-person directory (`bench/fixtures/large-deal.ts`); 30 warm-up runs, 200 timed (`bench/engines.bench.ts`).',
  'engines.total.cold':
    "The first analysis of that record in a panel: each run with its own copy of the playbook (made outside the timing), so the playbook is compiled and every one of the 500 notes read (statements, evidence, figures) afresh; 3 warm-up runs, 30 timed. `engines.total` is every later analysis, when the notes' readings are kept per playbook object and note version (`lib/engines/note-mentions.ts`).",
  'engines.total.tenth': 'The same at a tenth of every size, to show that the cost grows linearly; target a tenth of `engines.total`.',
  'content.size.gz':
    'Gzip size (zlib level 6, as Vite reports; kB = 1 000 bytes) of the largest content script in the production build, i.e. what one CRM page loads (`bench/sizes.bench.mjs`).',
  'content.size.gz.': "Gzip size of that CRM's content script (`content-scripts/<crm>.js`; `custom` serves user-defined CRMs).",
  'panel.size.gz': 'Gzip size of what `sidepanel.html` loads: its scripts and stylesheet and the chunks they import, each compressed on its own.',
  'extract.salesforce.500fields':
    "`findRecordRoot` + `extract` of the Salesforce adapter (`lib/crm/adapters/salesforce.ts` bundled with esbuild and added to the page) in Chromium, on a Lightning record page with 500 detail fields: the English opportunity fixture with its layout items repeated (`bench/support/heavy-page.mjs`, ~600 kB of HTML). No extension loaded. 30 warm-up runs, 200 timed with `performance.now()` (the page's clock is coarsened to 0.1 ms). Warm JIT: the content script's first read on a fresh page is slower (see `page.overhead.attributed`).",
  'panel.coldOpen':
    'A new panel page (`chrome-extension://ID/sidepanel.html?tabId=N`, pinned to a Salesforce record tab, e2e build: the production code plus the test hooks, issue 17) from navigation start to the record name in the DOM: `performance.now()` in a MutationObserver that an init script installs before the panel code runs. Service worker already running; 3 warm-up opens.',
  'panel.analysis.open':
    'The same new panel pages as `panel.coldOpen`, from navigation start until the deal analysis replaces its "Analysing the deal…" placeholder: the first analysis element (`data-testid="stage-resolution"`, drawn only with a ready analysis) in the DOM, seen by the same MutationObserver. A load error fails the benchmark instead of counting as drawn. Browser warm, 3 warm-up opens.',
  'panel.analysis.first':
    'That, for the first panel page of a fresh browser profile: a new browser per run (no code cache, a database the extension opens for the first time), the Salesforce record tab opened first, then the panel page, from its navigation start until the analysis is drawn. 1 warm-up run.',
  'nav.to.panel':
    "In-app navigation between the two Salesforce fixture records (`window.__fixtureNavigate`, history.pushState + view swap as Lightning does) until the open panel's DOM shows the new record's name. `Date.now()` in the CRM page before the call and in the panel's MutationObserver (one browser, one clock, 1 ms resolution). Alternating records, 4 warm-up navigations, 0.9 s apart so the content script's 30-reads-per-10-s breaker never trips. Includes the content script's wait for the new view: 50 ms of quiet after the navigation (`NAVIGATION_QUIET_MS`; until issue 17 the full 120 ms settle delay, `SETTLE_MS`).",
  'panel.update':
    "The panel's part of a record change: from the last `broadcast/tab-state` message the panel page received (its own `chrome.runtime.onMessage` listener, added by the init script) to the new name in its DOM, both `performance.now()`; same navigations as `nav.to.panel`.",
  'panel.notes5000.open':
    "A new panel page pinned to the Salesforce record tab whose record holds 5 000 notes (raw IndexedDB seed, notes of 10 to 100 words), from navigation start until the record's notes list is in the DOM: `performance.now()` in a MutationObserver an init script installs before the panel code runs; 2 warm-up opens (`bench/notes-list.bench.mjs`).",
  'panel.notes5000.frame':
    'The same list scrolled from top to bottom in 120 steps, one per animation frame: the time between frames (`requestAnimationFrame` timestamps). Target p95 under 50 ms; 16.7 ms is one 60 Hz frame.',
  'panel.notes5000.rows': 'List items in the DOM after scrolling to the end of the 5 000 notes: the windowing at work (a screenful and its overscan).',
  'page.overhead':
    'Main-thread time the extension adds to loading the heavy 500-field Salesforce page under acme.lightning.force.com: `Performance.getMetrics` TaskDuration of the page (it restarts with each navigation) at load + 2 s idle, with the e2e build loaded minus a browser without any extension (same flags), runs interleaved, order alternating; median/p95 of the 50 per-run differences. Both browsers are traced during each run (same cost on both sides). Very noisy: the load itself varies by hundreds of ms on this machine, see `.without`.',
  'page.overhead.script': 'The same difference for ScriptDuration (the page itself runs no JavaScript while loading, so this is the content script; forced style/layout inside it counted in the layout metrics instead, as far as Chromium splits them).',
  'page.overhead.attributed':
    "Main-thread time Chromium's trace attributes to the content script during the load (top-level EvaluateScript / v8.compile / FunctionCall events of `content-scripts/*.js`, style and layout they force included; `bench/support/trace.mjs`). No subtraction, hence no noise from the page's own load; includes layout the page would have done anyway a little later.",
  'page.overhead.without': 'TaskDuration of loading the heavy page without the extension, for scale.',
  'page.overhead.cpu': "The same difference for ThreadTime, the main thread's CPU time, which unlike TaskDuration does not grow when another process takes the CPU away mid-task.",
  'page.firstRead':
    "Main-thread time the extension adds when the user first moves the pointer over the heavy page (loaded, then idle for 1 s): TaskDuration from just before the move to 1.5 s after it, with minus without the extension, 30 runs interleaved. This is where a fresh page's first read now happens (read on demand, `lib/content/page-watcher.ts`), in an idle callback, together with drawing the badge.",
  'page.firstRead.script': 'The same difference for ScriptDuration.',
  'page.firstRead.cpu': 'The same difference for ThreadTime (main-thread CPU time).',
  'page.firstRead.attributed': 'Trace-attributed main-thread time of the content script in that window (the read, the badge placement).',
  'page.firstRead.without': 'TaskDuration of the same window without the extension, for scale.',
  'observer.burst':
    'Main-thread time the extension adds to a burst of 1 000 DOM mutations inside the record view of the Salesforce fixture (500 spans appended to and removed from a field value in one task; the record stays the same): TaskDuration from before the burst to 600 ms after it (covers the 120 ms settle delay and the read), with minus without the extension, per run, 30 runs, interleaved.',
  'observer.burst.script': 'The same difference for ScriptDuration.',
  'observer.burst.cpu': 'The same difference for ThreadTime (main-thread CPU time).',
  'observer.burst.attributed': 'Trace-attributed main-thread time of the content script during the burst window (observer callback, settle timer, read).',
  'observer.burst.without': 'TaskDuration of the burst window without the extension, for scale.',
  'store.capture':
    "A context-menu capture end to end through the very handler the menu calls (`globalThis.ironTriangle.onContextMenuClicked` in the service worker: read the selection with scripting, the tab's record and the connected org at once; queue in storage.local and IndexedDB write with strict durability at once; badge and broadcast at once), timed with `performance.now()` inside the worker, on a Salesforce record tab, with the store holding 100 000 notes over 2 000 records; 5 warm-up captures.",
  'store.notesByRecord':
    "One record's 50 notes from Chromium's IndexedDB in the extension origin (the panel page): raw `getAll` on the `byRecord` index over `[recordKey, -∞]..[recordKey, +∞]`, as lib/store/notes.ts queries it; random records among 2 000, 100 000 notes stored; 20 warm-up, 200 timed.",
  'store.notesForRecord': 'The same through the real `notesForRecord` (lib/store/notes.ts, bundled with esbuild and run in the panel page through the DevTools protocol): the query plus validation of each row.',
  'store.bytes': '`navigator.storage.estimate().usage` of the extension origin after seeding 100 000 notes (~300 characters of text each) over 2 000 records and one capture, 3 s after the last write (MB = 10⁶ bytes).',
  'store.export':
    "`exportBackup` of the whole store + `JSON.stringify` (lib/store/backup.ts bundled with esbuild, run in the extension's panel page through the DevTools protocol, so in Chromium's real IndexedDB rather than in Node with fake-indexeddb), 100 000 notes (a ~69 MB file).",
  'store.import': '`parseBackup` + `applyImport` of that file into an empty database (one transaction, all rows added), same page; the empty database is created before and deleted after each run, outside the timing.',
  'desk.open':
    "A new deal desk page (`chrome-extension://ID/deals.html`, e2e build) over 5 000 records, from navigation start until the table's first row is in the DOM: `performance.now()` in a MutationObserver an init script installs before the page's code runs; 3 warm-up opens, each page closed at its first row and the next opened 0.3 s later. The records are seeded with raw IndexedDB from an extension page (`bench/support/desk-seed.ts`): the 32 hand-written deals of `bench/corpora/deals.json` made 5 000 (Salesforce, Dynamics, HubSpot, Zoho, Pipedrive; own ids, names, amounts, ages; 36 fields and 9.5 contacts a record on average; notes for 60 % of them, requirement values, stakeholders and team assignments for 40 %; the corpus's team directory), each row validated with the store's schemas; the cache is warm: a desk was opened and left until its pass had checked every row (`bench/desk.bench.mjs`).",
  'desk.firstPass':
    "The first opening of the desk ever (nothing cached: the rows and the packed rows cleared before each run), from the first rows on screen (`data-checking` turns `true`) until the pass has analysed every one of the 5 000 records (`data-checking` `false`), in seconds; 3 runs. No target.",
  'desk.pass':
    'The same for a later opening: the pass that checks every cached row again against today\'s playbook and directory (it computes each row anew, a slice of ~12 ms at a time), in seconds; 3 runs. No target.',
  'desk.pass.longestTask':
    "The longest main-thread task in the desk page (PerformanceObserver `longtask`, buffered, from the init script) begun after the first rows were in the DOM and before the pass ended, one figure per pass (the first passes and the later ones, 6 in all). 0 means no task of 50 ms or more. No target; over 200 ms would be a stall a user feels.",
  'desk.sort':
    "With the pass finished, a real click (playwright `page.click`) on a column header, amount, name and high in turn (each a new column, so each click re-sorts all 5 000 rows), until the DOM shows the new order: from the click event's `timeStamp` (a capturing listener) to the MutationObserver callback that sees the clicked header's `aria-sort`, in the commit that also moves the rows; the first row is compared with the order the stored rows give. 6 warm-up clicks, 60 timed.",
  'titles.quality.precision':
    "Micro precision of reading job titles into decision-chain roles with the default playbook (`classifyStakeholders`, each title as a CRM contact without a contact role) on the hand-labelled corpus `bench/corpora/titles.json` (English and Chinese titles of telecom, energy, manufacturing and government customers, labelled by the rules written in the file): of the (title, role) pairs the reading gives, the share the labels hold (`bench/title-quality.ts`, `bench/titles.bench.mjs`). A ratio, not a timing: median and p95 are the figure itself, n is 1. The title keywords and rules were fitted to this corpus, so it tells what they were tuned to reach; `lib/engines/title-corpus.test.ts` holds a floor.",
  'titles.quality.recall': 'The same for recall: of the labelled (title, role) pairs, the share the reading gives.',
  'titles.quality.precision.': 'Precision on the corpus titles of one language: `zh-CN` for titles with Chinese characters (mixed ones included), `en` for the others.',
  'titles.quality.recall.': 'Recall on the corpus titles of one language.',
  'titles.quality.holdout.precision':
    'Precision of the same reading on the held-out set `bench/corpora/titles-holdout.json` (80 titles, 40 per language; telecom operators, utilities, manufacturers, government bodies, hospitals, mining), labelled by the same rules, written before the last change to the title reading and never used to choose a keyword or rule. How the reading does on titles it was not fitted to: a gap to `titles.quality.precision` is overfitting. `lib/engines/title-corpus.test.ts` holds a floor.',
  'titles.quality.holdout.recall': 'The same for recall on the held-out set.',
  'titles.quality.holdout.precision.': 'Precision on the held-out titles of one language.',
  'titles.quality.holdout.recall.': 'Recall on the held-out titles of one language.',
  'notes.precision.':
    "Precision of turning notes into requirement facts with the default playbook (`proposeFacts`, the panel's code path) on the hand-labelled corpus `test/corpus/notes.{en,zh}.jsonl` (realistic meeting notes, terse and mixed, about 10 % off-topic with trap words; each label a note, a fact id and the key text its value must contain): of the (note, fact) pairs proposed, the share the labels hold, per language (`bench/note-quality.ts`, `bench/notes.bench.mjs`). A ratio, not a timing: n is 1. The vocabulary was fitted to this corpus; target ≥ 0.9 (a floor), `lib/notes/note-corpus.test.ts` holds a lower floor in CI.",
  'notes.recall.': 'The same for recall: of the labelled (note, fact) pairs, the share proposed. Target ≥ 0.8.',
  'notes.keyKept': "Of the correctly proposed facts, the share whose proposed value contains the label's key (the figure or phrase that makes the fact useful, e.g. `40%`, `IP55`, `6月底`): the information the hand-over must not lose. Target ≥ 0.95.",
  'notes.holdout.precision.':
    'Precision on the held-out notes `test/corpus/notes-holdout.{en,zh}.jsonl` (24 per language), written the same way but never used to choose a phrase: how the vocabulary does on notes it was not fitted to. A gap to `notes.precision.<lang>` is overfitting. No target; the unit test holds a floor.',
  'notes.holdout.recall.': 'The same for recall on the held-out notes.',
  'notes.holdout.keyKept': 'The share of correct held-out proposals that keep their key.',
  'notes.propose':
    "`proposeFacts` with the default playbook on a 2 000-character note (labelled notes of both languages one after the other, cut at 2 000 characters), warm: 50 warm-up runs, 200 timed with `performance.now()` in Node. Target median under 5 ms.",
  'sync.push':
    "A note captured on an opportunity of the connected org until Salesforce acknowledged it: the note and its outbox entry in one IndexedDB transaction (`saveNoteWithOutbox`), then the sender (`sendDue`: ContentNote create and ContentDocumentLink through the real REST client) against the local Salesforce stand-in (`test/support/salesforce-server.mjs`) over loopback HTTP, in Node with fake-indexeddb; one capture at a time, sent at once as the background does after a capture; 20 warm-up captures, 200 timed (`bench/sync.bench.mjs`). Network latency to a real org comes on top (two round trips).",
  'sync.pull':
    "Read-back of an opportunity holding 500 notes a colleague wrote (`pullRecordNotes`: three pages of links at batch size 200, one body call per note) into an empty store, same stand-in and setting; 1 warm-up, 6 timed.",
  'sync.pull.again': 'The read right after it, which finds nothing new: the query bounded by the newest LastModifiedDate seen, and no body call for a note stored at the same version.',
  'analysis.nextActions.hit':
    "Of the must-see items labelled by hand on the corpus of realistic deals `bench/corpora/deals.json` (32 deals, half English, half Chinese, on Salesforce, Dynamics, HubSpot, Zoho and Pipedrive stage names, custom ones included; telecom, energy, utilities and manufacturing; 1–2 items per deal, written as `kind:subject`, e.g. `chain-gap:quality-inspection`, from the sales method by the rules in the file and before the engines were run), the share found among the at most three next actions (`findings.next`) of `analyzeDeal` with the default playbook at the corpus's fixed `now` (2025-06-02) (`bench/deal-quality.ts`, `bench/deals.bench.mjs`). A ratio, not a timing: median and p95 are the figure itself, n is 1. No target (the report's targets are upper bounds); `lib/engines/deal-corpus.test.ts` holds a floor.",
  'baseline.page.open':
    "What any extension page costs here before code of ours: a new page of the baseline extension (`bench/support/baseline-extension.mjs`, built by `bench/baseline.bench.mjs`) whose script only adds the element `panel.analysis.open` waits for, browser warm, navigation start to that element in the DOM; 3 warm-up pages, 30 timed. No target: the floor under `panel.analysis.open`.",
  'baseline.react.open': 'The same page drawn by React 19 (`react-dom/client`, production build, minified; the project\'s fixed stack): the floor under `panel.analysis.open` for a panel written in React.',
  'baseline.react.first': 'That React page as the first page of a fresh profile (a browser launched per run, the Salesforce record tab opened first), as `panel.analysis.first` measures; 1 warm-up, 12 timed. The floor under `panel.analysis.first`.',
  'baseline.react.size.gz': "That page's script, React 19 alone, gzip as `panel.size.gz` counts it: the floor under `panel.size.gz`.",
  'baseline.page.overhead':
    'The heavy page\'s load with the baseline extension (its content script empty, on the heavy page\'s host) against none, as `page.overhead` measures (same pairs, same runs): what a content script costs a page before it does anything. The floor under `page.overhead`.',
  'baseline.capture':
    "The two steps no capture can skip, timed in the extension's service worker in the same run as `store.capture` (after each capture, on the same record tab): reading the page's selection with `scripting.executeScript` (the context menu's `selectionText` loses line breaks) and adding one note-sized row with strict durability to a scratch database; 5 warm-up runs, 50 timed. The floor under `store.capture`.",
  'baseline.page.overhead.script': 'The same difference for ScriptDuration.',
  'baseline.page.overhead.cpu': 'The same difference for ThreadTime.',
  'analysis.nextActions.hit.': 'The same on the deals recorded in one language (`en`, `zh-CN`).',
  'analysis.falseCaptured':
    'Requirement facts labelled as captured by nobody (only in the Description, the Close Date, a note nobody accepted, a placeholder such as TBD / 待定, or a neighbouring fact) that the panel shows as captured or confirmed, summed over the corpus: the panel claiming a fact the back office does not have. Target 0.',
  'analysis.falseCaptured.': 'The same on the deals recorded in one language.',
  'analysis.missedCaptured': 'Requirement facts labelled as captured (a value a person entered or accepted, or a CRM field that holds exactly the fact) that the panel does not show as captured or confirmed, summed over the corpus. Target 0.',
  'analysis.missedCaptured.': 'The same on the deals recorded in one language.',
  'analysis.high.overCeiling':
    'Deals of the corpus whose count of high findings (what the badge and the summary line show) exceeds the ceiling labelled by hand for the deal: the urgent actions a sales director would name, plus one. A panel over it cries wolf. Target 0.',
  'analysis.high.overCeiling.': 'The same on the deals recorded in one language.',
};

/** What a prefix entry of HOW stands for in its listed id (`content.size.gz.<crm>`); `<crm>` unless named here. */
const PREFIX_PLACEHOLDER = {
  'notes.precision.': '<lang>',
  'notes.recall.': '<lang>',
  'notes.holdout.precision.': '<lang>',
  'notes.holdout.recall.': '<lang>',
  'titles.quality.precision.': '<lang>',
  'titles.quality.recall.': '<lang>',
  'titles.quality.holdout.precision.': '<lang>',
  'titles.quality.holdout.recall.': '<lang>',
  'analysis.nextActions.hit.': '<lang>',
  'analysis.falseCaptured.': '<lang>',
  'analysis.missedCaptured.': '<lang>',
  'analysis.high.overCeiling.': '<lang>',
};

/** The entry of HOW that describes `id`: its own, or a prefix entry (`content.size.gz.` for `content.size.gz.zoho`). */
function howKey(id) {
  if (HOW[id]) return id;
  return Object.keys(HOW).find((key) => key.endsWith('.') && id.startsWith(key)) ?? null;
}

/** One line per description: ids sharing a prefix entry are listed once, as `prefix<name>`. */
function howLines(results) {
  const lines = [];
  const done = new Set();
  for (const result of results) {
    const key = howKey(result.id);
    if (key !== null && done.has(key)) continue;
    if (key !== null) done.add(key);
    const label = key?.endsWith('.') ? `${key}${PREFIX_PLACEHOLDER[key] ?? '<crm>'}` : result.id;
    lines.push(`- \`${label}\` (${result.unit}): ${key === null ? 'No description.' : HOW[key]}`);
  }
  return lines;
}

/** Whether the result meets its target (the p95 for `targetStat: 'p95'`, else the median). */
export function targetMet(result) {
  if (result.target === null) return true;
  const value = result.targetStat === 'p95' ? result.p95 : result.median;
  // A quality figure's target is a floor (`atLeast`); a timing's or a size's a ceiling.
  return result.atLeast ? value >= result.target : value <= result.target;
}

const format = (value) => (Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000));
const targetText = (result) =>
  result.target === null ? '–' : `${result.n === 1 ? '' : result.targetStat === 'p95' ? 'p95 ' : 'median '}${result.atLeast ? '≥' : '≤'} ${format(result.target)}`;
const status = (result) => (result.target === null ? 'info' : targetMet(result) ? 'ok' : '**missed**');
const spread = (result) => (result.n > 1 ? `+${format(Math.round((result.p95 - result.median) * 1000) / 1000)}` : '–');

export function benchmarksDoc(report, { machine, ran }) {
  const results = report.results;
  const rerun = new Set(ran);
  const missed = results.filter((result) => !targetMet(result));
  const lines = [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench\` (scripts/bench.mjs, bench/docs.mjs) from \`bench/report.json\` of ${report.generatedAt}; edit those, not this file.`,
    'Timings belong here, not in the tests. The machine is shared and noisy: every timing comes after warm-up runs,',
    'and the median and 95th percentile (nearest rank) of the timed runs are given; *spread* is p95 − median.',
    'A target applies to the median unless it says p95.',
    '',
    '| id | unit | target | median | p95 | n | spread | status |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | --- |',
    ...results.map((result) => `| \`${result.id}\`${rerun.has(result.id) ? '' : ' ⁽¹⁾'} | ${result.unit} | ${targetText(result)} | ${format(result.median)} | ${format(result.p95)} | ${result.n} | ${spread(result)} | ${status(result)} |`),
    '',
  ];
  if (results.some((result) => !rerun.has(result.id))) lines.push('⁽¹⁾ Kept from an earlier run: not run this time.', '');
  lines.push('## Targets missed', '');
  if (missed.length === 0) lines.push('None.', '');
  else {
    for (const result of missed) {
      const stat = result.targetStat === 'p95' ? 'p95' : 'median';
      lines.push(`- \`${result.id}\`: ${stat} ${format(result[stat])} ${result.unit}, target ${format(result.target)} ${result.unit}.`);
    }
    lines.push('');
  }
  if (existsSync(FINDINGS)) lines.push(readFileSync(FINDINGS, 'utf8').trim(), '');
  lines.push('## How each is measured', '');
  lines.push(...howLines(results));
  lines.push(
    '',
    'Browser benchmarks run the e2e build (`npx wxt build --mode e2e`: the production code plus the test hooks they drive it with, `globalThis.ironTriangle` and `sidepanel.html?tabId=N`, which store packages lack since issue 17; run once by scripts/bench.mjs and copied aside; the sizes are measured on the production build) in headless Debian Chromium through playwright-core, with CRM host names resolved to a local HTTPS server (bench/support/server.mjs: the e2e fixture server plus the heavy page).',
    '',
    '## Machine (last run)',
    '',
    `- CPU: ${machine.cpu}; memory: ${machine.memory}; ${machine.os}`,
    `- Node ${machine.node}; ${machine.chromium}`,
    `- Built from ${machine.commit}`,
    `- Load average at start (1 / 5 / 15 min): ${machine.load}`,
    '',
  );
  return lines.join('\n');
}
