import { browser } from 'wxt/browser';

/** The built in-page UI (WXT unlisted script, entrypoints/in-page-ui.ts). */
export const IN_PAGE_UI_FILE = '/in-page-ui.js';

/**
 * Injects the in-page UI into the top frame its content script asked from
 * (router.ts checked the sender). `documentId` (Chromium) pins the document
 * that asked: a page navigated away meanwhile gets nothing. Injecting into a
 * frame that has it already only registers the same factory again.
 * The answer carries the frames' accessible title: the page's first i18n
 * lookup would cost it a blocking round trip to the browser for the catalog
 * (~1 ms of a heavy record's first read), which the background has loaded.
 */
export async function injectInPageUi(tabId: number, documentId: string | undefined): Promise<{ ok: true; frameTitle: string }> {
  const target = documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [0] };
  await browser.scripting.executeScript({ target, files: [IN_PAGE_UI_FILE] });
  return { ok: true, frameTitle: browser.i18n.getMessage('extName') };
}
