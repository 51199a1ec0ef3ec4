import { browser, type Browser } from 'wxt/browser';
import { z } from '../zod/mini';
import { contentScriptOnCrm } from '../messaging/sender';
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
const E2eRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('e2e/open-page'), page: z.enum(['sidepanel', 'options']) }),
  z.object({ type: z.literal('e2e/context-menu'), selectionText: z.string(), pageUrl: z.string() }),
  z.object({ type: z.literal('e2e/menu-present') }),
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
    case 'e2e/open-page': {
      if (request.page === 'options') return (await browser.tabs.create({ url: browser.runtime.getURL('/options.html') })).id;
      return (await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?tabId=${tabId}`) })).id;
    }
    case 'e2e/context-menu': {
      const info = { menuItemId: CAPTURE_MENU_ID, selectionText: request.selectionText, pageUrl: request.pageUrl, frameId: 0, editable: false };
      return onContextMenuClicked(info, await browser.tabs.get(tabId));
    }
    case 'e2e/menu-present':
      // Updating an item that does not exist rejects.
      return browser.contextMenus.update(CAPTURE_MENU_ID, {}).then(
        () => true,
        () => false,
      );
  }
}
