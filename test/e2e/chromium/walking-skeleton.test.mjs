// The walking skeleton end to end, on the production build in real Chromium:
// CRM page -> content script -> background -> side panel, and a context-menu
// capture -> IndexedDB -> panel, across a service-worker restart.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PLAIN_HOST, SALESFORCE_HOST, startCrmServer } from '../support/crm-server.mjs';
import { currentServiceWorker, launchWithExtension, stopServiceWorker } from '../support/chromium.mjs';
import { captureViaMenu, selectNewParagraph, selectText, tabOf } from '../support/extension.mjs';
import { playwrightDriver } from '../support/drivers.mjs';
import { FIRST_OPPORTUNITY, SECOND_OPPORTUNITY } from '../support/fixtures.mjs';
import * as flows from '../support/panel-flows.mjs';

let server;
let browser;
let crmPage;
let crmTabId;
let crmWindowId;

const panelUrl = (query) => `chrome-extension://${browser.extensionId}/sidepanel.html?${query}`;

before(async () => {
  server = await startCrmServer();
  browser = await launchWithExtension(server);
  crmPage = browser.context.pages()[0] ?? (await browser.context.newPage());
  await crmPage.goto(FIRST_OPPORTUNITY.url);
  ({ id: crmTabId, windowId: crmWindowId } = await tabOf(browser.context, crmPage.url()));
});

after(async () => {
  await browser?.context.close();
  await server?.close();
});

describe('record in the side panel', () => {
  let panel;
  before(async () => {
    panel = await browser.context.newPage();
    await panel.goto(panelUrl(`tabId=${crmTabId}`));
  });

  test('shows the opportunity of the tab: name, stage, amount', async () => {
    await panel.getByTestId('record-name').filter({ hasText: FIRST_OPPORTUNITY.name }).waitFor();
    assert.equal(await panel.getByTestId('record-stage').textContent(), FIRST_OPPORTUNITY.stage);
    // Intl puts a no-break space between a currency code and its amount.
    assert.equal((await panel.getByTestId('record-amount').textContent()).replace(/\u00a0/g, ' '), FIRST_OPPORTUNITY.amount);
  });

  test('follows Lightning in-app navigation to a second opportunity', async () => {
    await crmPage.evaluate(() => (window.__loadedOnce = true));
    await crmPage.evaluate((path) => window.__fixtureNavigate(path), SECOND_OPPORTUNITY.path);
    await panel.getByTestId('record-name').filter({ hasText: SECOND_OPPORTUNITY.name }).waitFor();
    assert.equal(await panel.getByTestId('record-stage').textContent(), SECOND_OPPORTUNITY.stage);
    assert.equal(await crmPage.evaluate(() => window.__loadedOnce), true, 'navigation was in-app, without reload');
  });

  test('follows back navigation to the cached first record', async () => {
    await crmPage.goBack();
    await panel.getByTestId('record-name').filter({ hasText: FIRST_OPPORTUNITY.name }).waitFor();
  });

  test('says what it could not read on a Lightning page that is not a record', async () => {
    const other = await browser.context.newPage();
    await other.goto(server.url(SALESFORCE_HOST, '/lightning/o/Opportunity/list'));
    const { id } = await tabOf(browser.context, other.url());
    const otherPanel = await browser.context.newPage();
    await otherPanel.goto(panelUrl(`tabId=${id}`));
    await otherPanel.getByTestId('no-record').waitFor();
    assert.match(await otherPanel.getByTestId('no-record-reason').textContent(), /not a record page/);
    await Promise.all([other.close(), otherPanel.close()]);
  });
});

describe('panel following the active tab of a window', () => {
  test('switching to a non-CRM tab shows "No CRM record", switching back shows the record', async () => {
    const sw = await currentServiceWorker(browser.context);
    const panelPromise = browser.context.waitForEvent('page');
    await sw.evaluate((url) => chrome.windows.create({ url, type: 'popup' }), panelUrl(`windowId=${crmWindowId}`));
    const panel = await panelPromise;
    await sw.evaluate((tabId) => chrome.tabs.update(tabId, { active: true }), crmTabId);
    await panel.getByTestId('record-name').filter({ hasText: FIRST_OPPORTUNITY.name }).waitFor();

    const plainTabId = await sw.evaluate(
      async ({ windowId, url }) => (await chrome.tabs.create({ windowId, url, active: true })).id,
      { windowId: crmWindowId, url: server.url(PLAIN_HOST, '/') },
    );
    await panel.getByText('No CRM record in this tab').waitFor();

    await sw.evaluate((tabId) => chrome.tabs.update(tabId, { active: true }), crmTabId);
    await panel.getByTestId('record-name').filter({ hasText: FIRST_OPPORTUNITY.name }).waitFor();
    await sw.evaluate((tabId) => chrome.tabs.remove(tabId), plainTabId);
    await panel.close();
  });
});

describe('capture from the context menu', () => {
  test('a selection on the record page becomes a note of that record, still there after the service worker restarts', async () => {
    const panel = await browser.context.newPage();
    await panel.goto(panelUrl(`tabId=${crmTabId}`));
    await panel.getByTestId('record-name').filter({ hasText: FIRST_OPPORTUNITY.name }).waitFor();

    const text = 'Customer: diesel for the generators at remote sites is our biggest operating cost.';
    await flows.captureBecomesNoteOfRecord(playwrightDriver(panel), async () => {
      await selectNewParagraph(crmPage, text);
      return captureViaMenu(browser.context, crmTabId, { selectionText: 'ignored when the page selection can be read', pageUrl: crmPage.url() });
    }, { text, recordId: FIRST_OPPORTUNITY.recordId });

    const note = panel.getByTestId('note').filter({ hasText: 'diesel for the generators' });

    await (await currentServiceWorker(browser.context)).evaluate(() => (globalThis.__beforeRestart = true));
    assert.equal(await stopServiceWorker(browser.context, browser.extensionId), true, 'service worker stopped');
    await panel.reload();
    await panel.getByTestId('record-name').filter({ hasText: FIRST_OPPORTUNITY.name }).waitFor();
    await note.waitFor();
    assert.equal(await note.count(), 1);
    const restarted = await currentServiceWorker(browser.context);
    assert.equal(await restarted.evaluate(() => globalThis.__beforeRestart), undefined, 'a new service worker answered');
  });

  test('an empty selection is not stored; an oversized one is refused with a message', async () => {
    const panel = await browser.context.newPage();
    await panel.goto(panelUrl(`tabId=${crmTabId}`));
    await panel.getByTestId('record-name').filter({ hasText: FIRST_OPPORTUNITY.name }).waitFor();
    // The record's notes are counted in their tab once the section has read them (it renders only then).
    const recordNotes = async () => Number((await panel.getByTestId('record-notes-tab').textContent()).match(/\d+/)[0]);
    const before = await recordNotes();

    await crmPage.evaluate(() => getSelection().removeAllRanges());
    assert.deepEqual(await captureViaMenu(browser.context, crmTabId, { selectionText: '   ', pageUrl: crmPage.url() }), { outcome: 'empty' });

    await selectNewParagraph(crmPage, 'y'.repeat(150_000));
    assert.deepEqual(await captureViaMenu(browser.context, crmTabId, { selectionText: 'y'.repeat(1000), pageUrl: crmPage.url() }), { outcome: 'too-long', length: 150_000 });
    await panel.getByTestId('capture-status').filter({ hasText: 'longer than 100,000 characters' }).waitFor();
    assert.equal(await recordNotes(), before);
  });

  test('a selection on a page of no CRM goes to the inbox', async () => {
    const mail = await browser.context.newPage();
    await mail.goto(server.url(PLAIN_HOST, '/'));
    await mail.bringToFront();
    const sw = await currentServiceWorker(browser.context);
    const mailTabId = await sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
    await selectText(mail, '#mail-body');
    // The page selection cannot be read without the activeTab grant a real click gives: the menu's text is used.
    const outcome = await captureViaMenu(browser.context, mailTabId, { selectionText: 'The customer is worried about diesel fuel cost at the remote sites.', pageUrl: mail.url() });
    assert.deepEqual({ outcome: outcome.outcome, recordKey: outcome.recordKey }, { outcome: 'saved', recordKey: null });
    await mail.close();
  });
});
