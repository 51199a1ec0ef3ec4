import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SALESFORCE_HOST } from '../support/crm-server.mjs';
import { bundleScripts, E2E_ONLY_MARKERS, e2eMarkersIn } from '../support/e2e-only.mjs';
import { FIREFOX_E2E_BUILD, firefoxForTheseTests } from '../support/firefox.mjs';
import { FIRST_OPPORTUNITY } from '../support/fixtures.mjs';
import { waitInPage } from '../support/poll.mjs';

const crm = firefoxForTheseTests();

test('Firefox: the content script announces the Salesforce opportunity, reads it once the user is there, and the background acknowledges both', async () => {
  const page = await crm.browser.browser.newPage();
  await page.goto(FIRST_OPPORTUNITY.url);
  const marker = async () => JSON.parse((await page.evaluate(() => document.documentElement.getAttribute('data-iron-triangle-e2e'))) ?? 'null');
  const first = JSON.parse(await (await waitInPage(page, () => document.documentElement.getAttribute('data-iron-triangle-e2e'), { timeout: 15_000 })).jsonValue());
  // Untouched, the page is announced, not read; the sidebar (open since install) may already have asked for the read.
  if (first.kind !== 'record') assert.deepEqual(first, { kind: 'unrecognised', reason: 'not-read-yet', acknowledged: true });
  let read = first;
  for (let step = 0; step < 75 && read?.kind !== 'record'; step++) {
    await page.mouse.move(2 + (step % 5), 2); // the user's pointer, moving as it does
    await new Promise((resolve) => setTimeout(resolve, 200));
    read = await marker();
  }
  assert.deepEqual(read, { kind: 'record', recordId: FIRST_OPPORTUNITY.recordId, name: FIRST_OPPORTUNITY.name, acknowledged: true });
});

test('Firefox: a Lightning page that is not a record is reported as such', async () => {
  const page = await crm.browser.browser.newPage();
  await page.goto(crm.server.url(SALESFORCE_HOST, '/lightning/o/Opportunity/list'));
  const handle = await waitInPage(page, () => document.documentElement.getAttribute('data-iron-triangle-e2e'), { timeout: 15_000 });
  assert.deepEqual(JSON.parse(await handle.jsonValue()), { kind: 'unrecognised', reason: 'not-a-record-page', acknowledged: true });
});

test('the e2e build carries every e2e-only hook the production-bundle check looks for', async () => {
  const scripts = await bundleScripts(FIREFOX_E2E_BUILD);
  const background = scripts.find(({ file }) => file === 'background.js').code;
  const salesforce = scripts.find(({ file }) => file === 'content-scripts/salesforce.js').code;
  const carried = new Set(e2eMarkersIn(scripts).map(({ marker }) => marker));
  for (const { name, value } of E2E_ONLY_MARKERS) assert.ok(carried.has(value), `${name} (${value}) is not in the e2e build: the marker is stale, or the scan misses how it is bundled`);
  assert.ok(salesforce.includes('iron-triangle-e2e-request'), 'the content script relays requests');
  assert.ok(background.includes('e2e/open-page'), 'the background answers them');
});
