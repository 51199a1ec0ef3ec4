// What an extension adds to a CRM page's main thread, as the difference
// between two browsers of one run: one with the extension loaded, one with the
// very same flags and none. The same pages load in both, runs interleaved,
// which browser goes first alternating. Totals from the DevTools protocol's
// Performance.getMetrics (TaskDuration, ScriptDuration, ThreadTime); both
// browsers are traced during every run (the same cost on both sides), and the
// time the trace attributes to the extension's content scripts is kept too.
import { launch, mainThreadMetrics, sleep } from './browser.mjs';
import { timeInScripts, traceDuring } from './trace.mjs';
import { log, summarize } from './stats.mjs';

/**
 * Loads of the heavy page per comparison: 50 pairs, since the page's own load varies by ±100 ms here
 * and 30 left the median of the differences some ±10 ms to wander between runs.
 */
export const HEAVY_LOADS = { warmup: 3, runs: 50, idleMs: 2_000 };

/** The two browsers, each with a page and a DevTools session on it; `extensionDir` as for `launch`. */
export async function launchPair(server, extensionDir) {
  const withExtension = await launch(server, { extension: true, extensionDir });
  const without = await launch(server, { extension: false });
  const browsers = [
    { label: 'with', browser: withExtension },
    { label: 'without', browser: without },
  ];
  for (const entry of browsers) {
    entry.page = await entry.browser.context.newPage();
    entry.cdp = await entry.browser.context.newCDPSession(entry.page);
    await entry.cdp.send('Performance.enable');
  }
  return {
    browsers,
    withExtension,
    /** The pair's browsers in the order of run `run`. */
    inOrder: (run) => (run % 2 === 0 ? browsers : [...browsers].reverse()),
    /** The prefix of the extension's content script URLs, for the trace's attribution. */
    contentScripts: `chrome-extension://${withExtension.extensionId}/content-scripts/`,
    close: async () => {
      await withExtension.close();
      await without.close();
    },
  };
}

/**
 * Loads `url` in both browsers `warmup + runs` times, each load followed by
 * `idleMs` of idle, and returns the timed runs' totals per browser.
 * `afterFirstRun(pair)` runs once both browsers loaded the page the first time.
 */
export async function measureLoads(pair, url, { warmup, runs, idleMs }, afterFirstRun = async () => {}) {
  const load = { with: [], without: [] };
  for (let run = 0; run < warmup + runs; run++) {
    for (const { label, page, cdp } of pair.inOrder(run)) {
      let metrics;
      const events = await traceDuring(cdp, async () => {
        await page.goto(url, { waitUntil: 'load' });
        await sleep(idleMs);
        metrics = await mainThreadMetrics(cdp);
      });
      if (run >= warmup) load[label].push({ ...metrics, attributed: timeInScripts(events, pair.contentScripts).wall });
    }
    if (run === 0) await afterFirstRun(pair);
  }
  return load;
}

/**
 * Per-run differences with - without: TaskDuration (`id`), ScriptDuration
 * (`id.script`), ThreadTime (`id.cpu`); the trace's attribution (`id.attributed`)
 * and the totals without, for scale (`id.without`). `targets`: the medians not
 * to pass, of the task time (`task`) and of the script time (`script`).
 */
export function differences(id, samples, targets = {}) {
  const runs = Math.min(samples.with.length, samples.without.length);
  const diff = (key) => Array.from({ length: runs }, (_, i) => samples.with[i][key] - samples.without[i][key]);
  const median = (values) => summarize('', 'ms', values).median;
  log(`${id}: TaskDuration median with ${median(samples.with.map((s) => s.task))} ms, without ${median(samples.without.map((s) => s.task))} ms;`, `ScriptDuration median with ${median(samples.with.map((s) => s.script))} ms, without ${median(samples.without.map((s) => s.script))} ms`);
  return [
    summarize(id, 'ms', diff('task'), targets.task ?? null),
    summarize(`${id}.script`, 'ms', diff('script'), targets.script ?? null),
    summarize(`${id}.cpu`, 'ms', diff('cpu')),
    summarize(`${id}.attributed`, 'ms', samples.with.map((s) => s.attributed)),
    summarize(`${id}.without`, 'ms', samples.without.map((s) => s.task)),
  ];
}
