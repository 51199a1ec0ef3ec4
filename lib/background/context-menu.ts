import { browser, type Browser } from 'wxt/browser';
import { t } from '../i18n';
import type { CaptureOutcome } from './capture';
import { captureFromTab } from './capture-from-tab';

export const CAPTURE_MENU_ID = 'capture-note';

/**
 * (Re)creates the menu. Called on install, update and browser start-up: Chrome
 * keeps MV3 menus across restarts, Firefox only in some cases, and creating an
 * existing id is an error, so start from a clean slate each time.
 */
export async function registerContextMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: CAPTURE_MENU_ID, title: t('menuCapture'), contexts: ['selection'] });
}

export async function onContextMenuClicked(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<CaptureOutcome | undefined> {
  if (info.menuItemId !== CAPTURE_MENU_ID) return undefined;
  return captureFromTab(tab, info.frameId ?? 0, { text: info.selectionText ?? '', url: info.frameUrl ?? info.pageUrl ?? '' });
}
