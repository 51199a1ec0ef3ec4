// A freshly loaded record page is not read until something shows the record
// (lib/content/page-watcher.ts, `readOnDemand`): a panel that looks at the
// tab, a capture from it, or the user's first sign of presence. Production
// build, real Chromium, the Salesforce fixture under its real host name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crmBrowserForTheseTests } from '../support/crm-browser.mjs';
import { captureViaMenu, selectNewParagraph, storedTabState, tabOf } from '../support/extension.mjs';
import { FIRST_OPPORTUNITY } from '../support/fixtures.mjs';
import { userArrives } from '../support/in-page.mjs';

const crm = crmBrowserForTheseTests();
const tabState = (tabId) => storedTabState(crm.browser.context, tabId);

/** A fresh tab on the first opportunity, once the content script has announced it; nobody has touched it. */
async function freshRecordTab() {
  const page = await crm.browser.context.newPage();
  await page.goto(FIRST_OPPORTUNITY.url);
  const { id } = await tabOf(crm.browser.context, page.url());
  let state;
  for (let i = 0; i < 100 && state?.kind !== 'unrecognised'; i++) {
    state = await tabState(id);
    if (state?.kind !== 'unrecognised') await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { page, tabId: id, state };
}

test('an untouched record page is announced, not read, and a panel that looks at the tab has it read', async () => {
  const { tabId, state } = await freshRecordTab();
  assert.deepEqual(state, { kind: 'unrecognised', reason: 'not-read-yet', adapter: 'salesforce' });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  assert.equal((await tabState(tabId)).reason, 'not-read-yet', 'still not read a second later');

  const panel = await crm.browser.context.newPage();
  await panel.goto(`chrome-extension://${crm.browser.extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.getByTestId('record-name').filter({ hasText: FIRST_OPPORTUNITY.name }).waitFor();
  assert.equal((await tabState(tabId)).kind, 'record');
  await panel.close();
});

test('the user’s first pointer move has the record read', async () => {
  const { page, tabId } = await freshRecordTab();
  await userArrives(page);
  let state;
  for (let i = 0; i < 100 && state?.kind !== 'record'; i++) {
    state = await tabState(tabId);
    if (state?.kind !== 'record') await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(state?.snapshot?.name, FIRST_OPPORTUNITY.name);
});

test('a note captured from a record page nobody has read yet goes to that record', async () => {
  const { page, tabId } = await freshRecordTab();
  await selectNewParagraph(page, 'Read on demand: the customer wants the site survey before the tender.');
  const outcome = await captureViaMenu(crm.browser.context, tabId, { selectionText: 'ignored when the page selection can be read', pageUrl: page.url() });
  assert.equal(outcome.outcome, 'saved');
  assert.match(outcome.recordKey ?? '', new RegExp(FIRST_OPPORTUNITY.recordId));
});
