// The XSS corpus end to end, on the production build (docs/security.md,
// threats T1-T3): a Salesforce opportunity whose name, field values and
// contacts carry the corpus, and corpus selections captured through the
// context menu. No dialog opens, no payload runs in any extension page, no
// link in the panel has a scheme other than http(s), and the panel stays
// usable at side-panel width.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startCrmServer } from '../support/crm-server.mjs';
import { currentServiceWorker, launchWithExtension } from '../support/chromium.mjs';
import { captureViaMenu, selectNewParagraph, storedTabState, tabOf } from '../support/extension.mjs';
import { FIRST_OPPORTUNITY, SECOND_OPPORTUNITY } from '../support/fixtures.mjs';
import { userArrives } from '../support/in-page.mjs';
import { CANARY, POISON_ORDER, SHORT_XSS_CORPUS, XSS_CORPUS, poisonValues } from '../../support/xss-corpus.mjs';

/** A side panel's usual width. */
const PANEL_WIDTH = 360;

let server;
let browser;
let crmPage;
let panel;
let crmTabId;
const dialogs = [];

const tabState = (tabId) => storedTabState(browser.context, tabId);

before(async () => {
  server = await startCrmServer();
  browser = await launchWithExtension(server);
  browser.context.on('page', (page) => page.on('dialog', (dialog) => dialogs.push(`${page.url()}: ${dialog.message()}`) && dialog.dismiss()));
  crmPage = browser.context.pages()[0] ?? (await browser.context.newPage());
  crmPage.on('dialog', (dialog) => dialogs.push(`${crmPage.url()}: ${dialog.message()}`) && dialog.dismiss());
  await crmPage.goto(FIRST_OPPORTUNITY.url);
  ({ id: crmTabId } = await tabOf(browser.context, crmPage.url()));
  await userArrives(crmPage); // a fresh page is read once someone is there

  // The fixture as read cleanly first, so the corpus goes exactly where values are read from.
  let clean;
  for (let i = 0; i < 100 && clean?.kind !== 'record'; i++) {
    clean = await tabState(crmTabId);
    if (clean?.kind !== 'record') await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(clean?.kind, 'record');
  const { snapshot } = clean;
  const values = [snapshot.name, ...snapshot.fields.map((f) => f.value), ...snapshot.contacts.flatMap((c) => [c.name, c.title, c.role, c.email])].filter(Boolean);
  const options = { values, labels: snapshot.fields.map((f) => f.label), texts: POISON_ORDER };
  const poisoned = await crmPage.evaluate(`(${poisonValues})(document.body, ${JSON.stringify(options)})`);
  assert.ok(poisoned > 10, `${poisoned} values poisoned`);
  // The content script reads the changed record (the page watcher observes its DOM).
  for (let i = 0; i < 100; i++) {
    const state = await tabState(crmTabId);
    if (state?.kind === 'record' && state.snapshot.name !== snapshot.name) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  panel = await browser.context.newPage();
  panel.on('dialog', (dialog) => dialogs.push(`panel: ${dialog.message()}`) && dialog.dismiss());
  await panel.setViewportSize({ width: PANEL_WIDTH, height: 800 });
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${crmTabId}`);
  await panel.getByTestId('requirements-section').waitFor();
});

after(async () => {
  await browser?.context.close();
  await server?.close();
});

test('the panel shows the poisoned record as text', async () => {
  const name = (await tabState(crmTabId)).snapshot.name;
  assert.ok(POISON_ORDER.some((text) => name.startsWith(text.replace(/\s+/g, ' ').trim().slice(0, 50))), name.slice(0, 80));
  assert.equal(await panel.getByTestId('record-name').textContent(), name);
});

test('corpus selections are captured through the context menu and listed as text', async () => {
  const selections = [...SHORT_XSS_CORPUS.filter((entry) => entry.text.trim() !== '').slice(0, 8), XSS_CORPUS[0]];
  for (const { text } of selections) {
    await selectNewParagraph(crmPage, text);
    const outcome = await captureViaMenu(browser.context, crmTabId, { selectionText: '', pageUrl: crmPage.url() });
    assert.equal(outcome.outcome, 'saved', text.slice(0, 40));
  }
  // The selection is read from the page with its line breaks and kept whole: the very text of the paragraph.
  const inPage = await crmPage.$$eval('p[id^=e2e-]', (nodes) => nodes.map((node) => node.innerText));
  const stored = await panel.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('iron-triangle');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('notes').objectStore('notes').getAll();
          request.onsuccess = () => resolve(request.result.map((note) => note.text));
          request.onerror = () => reject(request.error);
        };
      }),
  );
  for (const text of inPage) assert.ok(stored.includes(text), text.slice(0, 60));
  // The panel lists them as text, newest first (a window of the list is rendered).
  const newest = inPage.at(-1);
  await panel.waitForFunction((text) => document.querySelector('[data-testid=note] .note-text')?.textContent === text, newest);
});

test('no dialog opened and no payload ran in any extension page', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId('data-section').waitFor();
  for (const page of [panel, options]) {
    const canary = await page.evaluate(({ global }) => ({ set: global in window, title: document.title }), CANARY);
    assert.equal(canary.set, false, page.url());
    assert.notEqual(canary.title, CANARY.title, page.url());
    assert.equal(await page.locator('script:not([src^="/"]):not([type=module])').count(), 0, `${page.url()} gained a script`);
  }
  const sw = await currentServiceWorker(browser.context);
  assert.equal(await sw.evaluate((global) => global in globalThis, CANARY.global), false, 'service worker');
  await options.close();
  assert.deepEqual(dialogs, []);
});

test('another extension or a web page cannot reach the background: no external message or connection listener', async () => {
  const sw = await currentServiceWorker(browser.context);
  const listeners = await sw.evaluate(() => ({
    message: chrome.runtime.onMessageExternal.hasListeners(),
    connect: chrome.runtime.onConnectExternal.hasListeners(),
    port: chrome.runtime.onConnect.hasListeners(),
  }));
  assert.deepEqual(listeners, { message: false, connect: false, port: false });
});

test('a CRM page framing the web-accessible panel cannot make it show another tab’s record', async () => {
  const other = await browser.context.newPage();
  await other.goto(SECOND_OPPORTUNITY.url);
  // The page's own script frames the panel and names the poisoned tab.
  await other.evaluate(({ extensionId, tabId }) => {
    const frame = document.createElement('iframe');
    frame.src = `chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`;
    frame.style.cssText = 'width:400px;height:600px';
    document.body.append(frame);
  }, { extensionId: browser.extensionId, tabId: crmTabId });
  const framed = other.frameLocator('iframe[src*="sidepanel.html"]');
  // It follows the tab it is in, as the docked panel does: that page's own record or, where the browser keeps
  // embedded pages from the extension's storage (as this headless Chromium does), the docked panel's notice.
  const panelState = framed.locator('[data-testid=panel]:is([data-state=record], [data-state=storage-blocked])');
  await panelState.waitFor();
  const state = await panelState.getAttribute('data-state');
  if (state === 'record') {
    await framed.getByTestId('record-name').filter({ hasText: SECOND_OPPORTUNITY.name }).waitFor();
  }
  const shown = await framed.locator('body').textContent();
  const named = (await tabState(crmTabId)).snapshot.name;
  assert.equal(shown.includes(named.slice(0, 40)), false, `the framed panel shows the record of tab ${crmTabId}`);
  await other.close();
});

test('no link, frame or image in the panel has a scheme other than http(s)', async () => {
  const addresses = await panel.$$eval('#root :is(a[href], area[href], iframe, img, [src], [srcdoc], [formaction], [action])', (nodes) =>
    nodes.map((node) => node.getAttribute('href') ?? node.getAttribute('src') ?? node.getAttribute('formaction') ?? node.getAttribute('action') ?? 'srcdoc'),
  );
  assert.ok(addresses.length > 0, 'the notes’ source links are there');
  // The deal desk link is a path on the extension's own origin; every other address must be http(s).
  for (const address of addresses.filter((address) => address !== '/deals.html')) assert.match(new URL(address).protocol, /^https?:$/, address);
  const handlers = await panel.$$eval('*', (nodes) => nodes.flatMap((node) => node.getAttributeNames().filter((name) => name.startsWith('on'))));
  assert.deepEqual(handlers, []);
});

test('the panel stays usable at side-panel width: no horizontal overflow, the record header in view', async () => {
  const layout = await panel.evaluate(() => {
    const header = document.querySelector('[data-testid=record-name]').getBoundingClientRect();
    return {
      viewport: document.documentElement.clientWidth,
      page: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      panel: document.querySelector('[data-testid=panel]').scrollWidth,
      header: { left: header.left, right: header.right, top: header.top, height: header.height },
      wide: [...document.querySelectorAll('[data-testid=panel] *')]
        // Text for screen readers only is clipped to 1px by design (.visually-hidden): its scroll width is not layout.
        .filter((element) => !element.closest('.visually-hidden'))
        .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1 || element.scrollWidth > document.documentElement.clientWidth)
        .slice(0, 5)
        .map((element) => `${element.tagName}.${element.className}`),
    };
  });
  assert.ok(layout.page <= layout.viewport, `page ${layout.page}px wide in ${layout.viewport}px: ${layout.wide.join(', ')}`);
  assert.ok(layout.body <= layout.viewport, `body ${layout.body}px`);
  assert.ok(layout.panel <= layout.viewport, `panel ${layout.panel}px`);
  assert.deepEqual(layout.wide, []);
  assert.ok(layout.header.left >= 0 && layout.header.right <= layout.viewport, JSON.stringify(layout.header));
  assert.ok(layout.header.top >= 0 && layout.header.top < 800 && layout.header.height > 0, JSON.stringify(layout.header));
});
