// Baselines: what the fixed stack costs before any code of ours, measured the
// way the targets they stand beside are, on the same machine in the same run
// (bench/support/baseline-extension.mjs builds the extension measured):
// - baseline.page.open: a new extension page whose script only adds the
//   element the panel benchmarks wait for, browser warm, from navigation start
//   to that element in the DOM (as panel.analysis.open).
// - baseline.react.open: the same page drawn by React 19 (as panel.analysis.open).
// - baseline.react.first: that React page as the first page of a fresh
//   profile, the Salesforce record tab opened first (as panel.analysis.first).
// - baseline.react.size.gz: that page's script, React 19 alone, gzip (as panel.size.gz).
// - baseline.page.overhead (.cpu, .script): the heavy page's load with an
//   extension whose content script is empty, against none (as page.overhead).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildBaselineExtension } from './support/baseline-extension.mjs';
import { launch, openRecordPage, sleep } from './support/browser.mjs';
import { differences, HEAVY_LOADS, launchPair, measureLoads } from './support/load-pairs.mjs';
import { analysisShown, FRESH_PROFILES, instrumentPanel, PAGE_OPENS } from './support/panel-marks.mjs';
import { SALESFORCE_HOST, startBenchServer } from './support/server.mjs';
import { log, single, summarize, wanted, writeResults } from './support/stats.mjs';

const extensionDir = await buildBaselineExtension(SALESFORCE_HOST);
const server = await startBenchServer();
const results = [];

/** A new page of `browser` at the extension's `file`, and when it drew the element (performance.now()). */
async function drawnAt({ context, extensionId }, file) {
  const page = await context.newPage();
  try {
    await page.addInitScript(instrumentPanel);
    await page.goto(`chrome-extension://${extensionId}/${file}`);
    return await analysisShown(page);
  } finally {
    await page.close();
  }
}

try {
  if (wanted('baseline.react.size.gz')) results.push(single('baseline.react.size.gz', 'kB', gzipSync(readFileSync(join(extensionDir, 'react.js'))).length / 1000));

  if (wanted('baseline.react.first')) {
    const first = [];
    for (let run = 0; run < FRESH_PROFILES.warmup + FRESH_PROFILES.runs; run++) {
      const fresh = await launch(server, { extension: true, extensionDir });
      try {
        await openRecordPage(fresh.context);
        const at = await drawnAt(fresh, 'react.html');
        log(`baseline.react.first: run ${run + 1}/${FRESH_PROFILES.warmup + FRESH_PROFILES.runs}: ${Math.round(at)} ms`);
        if (run >= FRESH_PROFILES.warmup) first.push(at);
      } finally {
        await fresh.close();
      }
    }
    results.push(summarize('baseline.react.first', 'ms', first, null, { digits: 1 }));
  }

  if (wanted('baseline.page.open') || wanted('baseline.react.open')) {
    const browser = await launch(server, { extension: true, extensionDir });
    try {
      await openRecordPage(browser.context);
      for (const [id, file] of [['baseline.page.open', 'plain.html'], ['baseline.react.open', 'react.html']]) {
        if (!wanted(id)) continue;
        const opened = [];
        for (let run = 0; run < PAGE_OPENS.warmup + PAGE_OPENS.runs; run++) {
          const at = await drawnAt(browser, file);
          if (run >= PAGE_OPENS.warmup) opened.push(at);
          await sleep(200);
        }
        results.push(summarize(id, 'ms', opened, null, { digits: 1 }));
      }
    } finally {
      await browser.close();
    }
  }

  if (wanted('baseline.page.overhead')) {
    const pair = await launchPair(server, extensionDir);
    try {
      const [task, script, cpu] = differences('baseline.page.overhead', await measureLoads(pair, server.heavyUrl, HEAVY_LOADS));
      results.push(task, script, cpu);
    } finally {
      await pair.close();
    }
  }
  writeResults(results);
} finally {
  await server.close();
  rmSync(extensionDir, { recursive: true, force: true });
}
