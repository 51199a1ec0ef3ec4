import { browser, type Browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import type { CaptureOutcome } from './capture';
import { captureFromTab } from './capture-from-tab';

export const CAPTURE_MENU_ID = 'capture-note';
/** On the toolbar button's own menu: the deal desk, every deal at once. */
export const DESK_MENU_ID = 'open-deal-desk';

/**
 * (Re)creates the menu. Called on install, update and browser start-up: Chrome
 * keeps MV3 menus across restarts, Firefox only in some cases, and creating an
 * existing id is an error, so start from a clean slate each time.
 */
export async function registerContextMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: CAPTURE_MENU_ID, title: t('menuCapture'), contexts: ['selection'] });
  browser.contextMenus.create({ id: DESK_MENU_ID, title: t('deskOpen'), contexts: ['action'] });
}

/** Opens the deal desk in a new tab. */
export async function openDealDesk(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/deals.html') });
}

export async function onContextMenuClicked(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<CaptureOutcome | undefined> {
  if (info.menuItemId === DESK_MENU_ID) {
    await openDealDesk();
    return undefined;
  }
  if (info.menuItemId !== CAPTURE_MENU_ID) return undefined;
  return captureFromTab(tab, info.frameId ?? 0, { text: info.selectionText ?? '', url: info.frameUrl ?? info.pageUrl ?? '' });
}
