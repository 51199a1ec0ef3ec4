// Debian's Chromium for the browser benchmarks: with the e2e build loaded
// (the production code plus the test hooks they drive it with; test/e2e/support/chromium.mjs), or the very same browser flags
// without any extension, to compare the two in one run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_BUILD, chromiumArgs, launchWithExtension } from '../../test/e2e/support/chromium.mjs';
import { tabOf } from '../../test/e2e/support/extension.mjs';
import { FIRST_OPPORTUNITY } from '../../test/e2e/support/fixtures.mjs';

/** The build under test: the runner's snapshot of `.output/chrome-mv3-e2e` (see scripts/bench.mjs), else the output itself. */
export const EXTENSION_DIR = process.env.BENCH_EXTENSION_DIR || CHROME_BUILD;

/**
 * `{ context, extensionId?, serviceWorker?, close }`. Each browser gets a fresh profile,
 * deleted on close. `extensionDir`: another extension to load than the build under test.
 */
export async function launch(server, { extension, extensionDir = EXTENSION_DIR }) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'iron-triangle-bench-'));
  const cleanUp = () => rmSync(userDataDir, { recursive: true, force: true });
  if (extension) {
    const browser = await launchWithExtension(server, { extensionDir, userDataDir });
    return { ...browser, close: async () => (await browser.context.close(), cleanUp()) };
  }
  const args = chromiumArgs(extensionDir, server.httpsPort).filter((arg) => !arg.startsWith('--disable-extensions-except') && !arg.startsWith('--load-extension'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args,
    viewport: { width: 1280, height: 800 },
  });
  return { context, close: async () => (await context.close(), cleanUp()) };
}

/** The Salesforce fixture record in a tab of the extension's browser, and the address of the panel pinned to that tab. */
export async function openRecordTab({ context, extensionId }) {
  const crm = await openRecordPage(context);
  const { id: tabId } = await tabOf(context, crm.url());
  return { crm, tabId, panelUrl: `chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}` };
}

/** The Salesforce fixture record in a new tab (any extension, or none). */
export async function openRecordPage(context) {
  const crm = await context.newPage();
  await crm.goto(FIRST_OPPORTUNITY.url);
  return crm;
}

/** An extension page to reach the store from, once the background has created the database with its schema. */
export async function openStorePage({ context, extensionId }) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=0`);
  await page.waitForFunction(async () => (await indexedDB.databases()).some((db) => db.name === 'iron-triangle' && db.version >= 2));
  return page;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Main-thread totals of a page's renderer from the DevTools protocol, in milliseconds: wall time of
 * tasks (`task`), of JavaScript (`script`), of layout and style, and the thread's CPU time (`cpu`).
 */
export async function mainThreadMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  return { task: value('TaskDuration') * 1000, script: value('ScriptDuration') * 1000, layout: value('LayoutDuration') * 1000, style: value('RecalcStyleDuration') * 1000, cpu: value('ThreadTime') * 1000 };
}
