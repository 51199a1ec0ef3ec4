import { browser, type Browser } from 'wxt/browser';
import { z } from '@/lib/zod/mini';
import { E2E_TAB_PARAM } from '@/lib/messaging/page-client';
import { contentScriptOnCrm } from '@/lib/messaging/sender';
import { allCrmMatches } from './crm-patterns';
import { CAPTURE_MENU_ID, onContextMenuClicked } from './context-menu';

/**
 * End-to-end builds only (`--mode e2e`; background.ts adds this listener behind
 * `import.meta.env.MODE === 'e2e'`, so production bundles drop it). Firefox's
 * WebDriver BiDi refuses to navigate to moz-extension:// pages and cannot
 * click a native context menu, so the Firefox tests ask through these routes:
 * - `e2e/open-page`: opens the panel page pinned to the asking CRM tab
 *   (`sidepanel.html?tabId=N`) or the options page in a new tab, which BiDi
 *   can then drive;
 * - `e2e/context-menu`: calls the very handler a click on "Capture as customer
 *   note" calls, for the asking tab;
 * - `e2e/menu-present`: whether the capture menu item exists (after a restart).
 * Only our content script, in the top frame of a CRM tab, may ask.
 */
export const E2E_OPEN_PAGE = 'e2e/open-page';
export const E2E_CONTEXT_MENU = 'e2e/context-menu';
export const E2E_MENU_PRESENT = 'e2e/menu-present';
/**
 * The service worker's global with the context-menu and shortcut handlers
 * (background.ts), which the Chromium tests and benchmarks call through
 * `sw.evaluate` since they cannot click a native menu. e2e builds only.
 */
export const E2E_GLOBAL = 'ironTriangle';

// Every `export const E2E_… = '…'` in lib/ and entrypoints/ names something only e2e builds may
// carry: the release test (test/release/e2e-markers.mjs) reads them from the source and fails
// when a store package holds any.
const E2eRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal(E2E_OPEN_PAGE), page: z.enum(['sidepanel', 'options']) }),
  z.object({ type: z.literal(E2E_CONTEXT_MENU), selectionText: z.string(), pageUrl: z.string() }),
  z.object({ type: z.literal(E2E_MENU_PRESENT) }),
]);
type E2eRequest = z.infer<typeof E2eRequestSchema>;

export function handleEndToEndMessage(message: unknown, sender: Browser.runtime.MessageSender, reply: (response: unknown) => void): true | undefined {
  const request = E2eRequestSchema.safeParse(message);
  if (!request.success) return undefined;
  allCrmMatches()
    .then((matches) => {
      const from = contentScriptOnCrm(sender, browser.runtime.id, matches);
      if (!from) throw new Error('sender not allowed');
      return answer(request.data, from.tabId);
    })
    .then(
      (result) => reply({ result }),
      (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
    );
  return true;
}

async function answer(request: E2eRequest, tabId: number): Promise<unknown> {
  switch (request.type) {
    case E2E_OPEN_PAGE: {
      if (request.page === 'options') return (await browser.tabs.create({ url: browser.runtime.getURL('/options.html') })).id;
      return (await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?${E2E_TAB_PARAM}=${tabId}`) })).id;
    }
    case E2E_CONTEXT_MENU: {
      const info = { menuItemId: CAPTURE_MENU_ID, selectionText: request.selectionText, pageUrl: request.pageUrl, frameId: 0, editable: false };
      return onContextMenuClicked(info, await browser.tabs.get(tabId));
    }
    case E2E_MENU_PRESENT:
      // Updating an item that does not exist rejects.
      return browser.contextMenus.update(CAPTURE_MENU_ID, {}).then(
        () => true,
        () => false,
      );
  }
}
