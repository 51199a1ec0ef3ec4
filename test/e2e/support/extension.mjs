// Steps the e2e tests take through the extension's own APIs.
import { currentServiceWorker } from './chromium.mjs';

/** The extension's view of the tab that shows `url` (the SW sees URLs of CRM hosts only). */
export async function tabOf(context, url) {
  const sw = await currentServiceWorker(context);
  return sw.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    return tab ? { id: tab.id, windowId: tab.windowId } : null;
  }, url);
}

/** What the background holds for the tab (its session storage), as a panel will get it. */
export async function storedTabState(context, tabId) {
  const sw = await currentServiceWorker(context);
  return sw.evaluate(async (key) => (await chrome.storage.session.get(key))[key], `tab:${tabId}`);
}

/** Calls the very handler the context menu's click calls, as Chrome would for `tabId`. */
export async function captureViaMenu(context, tabId, { selectionText, pageUrl }) {
  const sw = await currentServiceWorker(context);
  return sw.evaluate(
    ({ tabId, selectionText, pageUrl }) =>
      globalThis.ironTriangle.onContextMenuClicked({ menuItemId: 'capture-note', selectionText, pageUrl, frameId: 0, editable: false }, { id: tabId }),
    { tabId, selectionText, pageUrl },
  );
}

export async function selectText(page, selector) {
  await page.evaluate((sel) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(sel));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }, selector);
}

/** Adds a paragraph with `text` to the page and selects it, as a user would before right-clicking. */
export async function selectNewParagraph(page, text) {
  const id = `e2e-${Math.random().toString(36).slice(2)}`;
  await page.evaluate(({ id, text }) => {
    const p = document.createElement('p');
    p.id = id;
    p.textContent = text;
    document.body.append(p);
  }, { id, text });
  await selectText(page, `#${id}`);
}

/**
 * Opens `url` in a tab of its own and the panel page pinned to that tab
 * (`sidepanel.html?tabId=N`: what the side panel shows, in a page a test can drive).
 */
export async function openRecordWithPanel(browser, url) {
  const page = await browser.context.newPage();
  await page.goto(url);
  const tab = await tabOf(browser.context, page.url());
  if (!tab) throw new Error(`the extension does not see the tab of ${url}`);
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tab.id}`);
  return { page, panel, tabId: tab.id };
}
