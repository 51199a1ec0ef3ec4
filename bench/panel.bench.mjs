// The side panel of the e2e build, pinned to a Salesforce record tab
// (chrome-extension://ID/sidepanel.html?tabId=N, as the e2e tests open it):
// - panel.coldOpen: a new panel page, from navigation start to the record's
//   name in the DOM (performance.now() of a MutationObserver that an init
//   script adds before the panel's own code runs). Service worker running.
// - nav.to.panel: Lightning in-app navigation to the other record
//   (window.__fixtureNavigate) until the open panel shows that record's name;
//   Date.now() at both ends (two pages of one browser, one clock).
// - panel.update: the panel's part of it: from the last `broadcast/tab-state`
//   message the panel received (a chrome.runtime.onMessage listener of the
//   same init script) to the new name in the DOM, both performance.now().
// - panel.analysis.open: the same new panel pages as panel.coldOpen, from
//   navigation start until the deal analysis replaces its "Analysing the
//   deal…" placeholder (analysisLoading): the first analysis element
//   (data-testid="stage-resolution", always drawn with a ready analysis) in
//   the DOM, seen by the same MutationObserver.
// - panel.analysis.first: that, for the first panel page of a fresh browser
//   profile (a new browser each run: no code cache, a database the panel
//   opens for the first time), the record tab opened first as above.
import { FIRST_OPPORTUNITY, SECOND_OPPORTUNITY } from '../test/e2e/support/fixtures.mjs';
import { launch, openRecordTab, sleep } from './support/browser.mjs';
import { analysisShown, FRESH_PROFILES, instrumentPanel, nameShown, PAGE_OPENS } from './support/panel-marks.mjs';
import { startBenchServer } from './support/server.mjs';
import { log, summarize, wanted, writeResults } from './support/stats.mjs';

const NAV = { warmup: 4, runs: 40 };
/**
 * Pause between navigations. The content script reads the page at most 30
 * times in 10 s (lib/content/page-watcher.ts); each navigation costs it up to
 * two reads, so navigations are kept under one a second.
 */
const NAV_PAUSE_MS = 900;

const server = await startBenchServer();
const results = [];

// --- panel.analysis.first: a fresh profile (and browser) per run.
if (wanted('panel.analysis.first')) {
  const first = [];
  for (let run = 0; run < FRESH_PROFILES.warmup + FRESH_PROFILES.runs; run++) {
    const fresh = await launch(server, { extension: true });
    try {
      const { panelUrl } = await openRecordTab(fresh);
      const panel = await fresh.context.newPage();
      await panel.addInitScript(instrumentPanel);
      await panel.goto(panelUrl);
      const at = await analysisShown(panel);
      log(`panel.analysis.first: run ${run + 1}/${FRESH_PROFILES.warmup + FRESH_PROFILES.runs}: ${Math.round(at)} ms`);
      if (run >= FRESH_PROFILES.warmup) first.push(at);
    } finally {
      await fresh.close();
    }
  }
  results.push(summarize('panel.analysis.first', 'ms', first, 500, { targetStat: 'p95', digits: 1 }));
}

const browser = await launch(server, { extension: true });
try {
  const { context } = browser;
  const { crm, tabId, panelUrl } = await openRecordTab(browser);

  // --- panel.coldOpen and panel.analysis.open: the same pages.
  if (wanted('panel.coldOpen') || wanted('panel.analysis.open')) {
    const cold = [];
    const analysed = [];
    for (let run = 0; run < PAGE_OPENS.warmup + PAGE_OPENS.runs; run++) {
      const panel = await context.newPage();
      await panel.addInitScript(instrumentPanel);
      await panel.goto(panelUrl);
      const shown = await nameShown(panel, FIRST_OPPORTUNITY.name);
      const analysis = await analysisShown(panel);
      if (run >= PAGE_OPENS.warmup) {
        cold.push(shown.at);
        analysed.push(analysis);
      }
      await panel.close();
      await sleep(200);
    }
    if (wanted('panel.coldOpen')) results.push(summarize('panel.coldOpen', 'ms', cold, 300, { targetStat: 'p95' }));
    if (wanted('panel.analysis.open')) results.push(summarize('panel.analysis.open', 'ms', analysed, 150, { targetStat: 'p95', digits: 1 }));
  }
  // --- nav.to.panel and panel.update
  if (wanted('nav.to.panel') || wanted('panel.update')) {
    const panel = await context.newPage();
    await panel.addInitScript(instrumentPanel);
    await panel.goto(panelUrl);
    await nameShown(panel, FIRST_OPPORTUNITY.name);
    const nav = [];
    const update = [];
    let detours = 0;
    for (let run = 0; run < NAV.warmup + NAV.runs; run++) {
      const to = run % 2 === 0 ? SECOND_OPPORTUNITY : FIRST_OPPORTUNITY;
      const seen = await panel.evaluate(() => globalThis.__bench.names.length);
      const started = await crm.evaluate((path) => {
        const at = Date.now();
        void window.__fixtureNavigate(path);
        return at;
      }, to.path);
      const shown = await nameShown(panel, to.name, seen);
      const { broadcast, between } = await panel.evaluate(
        ({ at, seen, tabId }) => ({
          broadcast: globalThis.__bench.broadcasts.filter((entry) => entry.tabId === tabId && entry.at <= at).at(-1)?.at ?? null,
          between: globalThis.__bench.names.slice(seen).filter((entry) => entry.at < at).map((entry) => entry.text),
        }),
        { at: shown.at, seen, tabId },
      );
      if (run >= NAV.warmup) {
        nav.push(shown.wall - started);
        if (broadcast !== null) update.push(shown.at - broadcast);
        if (between.length > 0) detours++;
      }
      await sleep(NAV_PAUSE_MS);
    }
    log(`nav.to.panel: in ${detours} of ${NAV.runs} navigations the panel showed something else (no record) before the new name`);
    results.push(summarize('nav.to.panel', 'ms', nav, 100, { targetStat: 'p95' }));
    results.push(summarize('panel.update', 'ms', update, 100));
  }
  writeResults(results);
} finally {
  await browser.close();
  await server.close();
}
