import { browser, type Browser } from 'wxt/browser';
import { t, type MessageKey } from '../i18n';
import { broadcast } from './broadcast';
import { captureNote, flushCaptureQueue, type CaptureOutcome } from './capture';
import { getDatabase } from '../store/connection';
import { readTabState } from './tab-states';

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

/** The full selection and title of the frame the menu was opened in (the menu's own selectionText loses line breaks). */
async function readSelection(tabId: number, frameId: number): Promise<{ text: string; title: string } | null> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      func: () => ({ text: globalThis.getSelection()?.toString() ?? '', title: document.title }),
    });
    const value = result?.result as { text?: unknown; title?: unknown } | undefined;
    if (typeof value?.text !== 'string' || typeof value.title !== 'string') return null;
    return { text: value.text, title: value.title };
  } catch {
    return null; // restricted page (store, PDF viewer, browser pages): fall back to the menu's text
  }
}

export async function onContextMenuClicked(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<CaptureOutcome | undefined> {
  if (info.menuItemId !== CAPTURE_MENU_ID) return undefined;
  const tabId = tab?.id;
  const page = typeof tabId === 'number' && tabId >= 0 ? await readSelection(tabId, info.frameId ?? 0) : null;
  const text = page?.text.trim() ? page.text : (info.selectionText ?? '');
  const db = await getDatabase();
  await flushCaptureQueue(db); // earlier captures first, so notes keep their order
  const outcome = await captureNote(db, {
    text,
    pageTitle: page?.title ?? tab?.title ?? '',
    pageUrl: info.frameUrl ?? info.pageUrl ?? tab?.url ?? '',
    tabState: typeof tabId === 'number' ? await readTabState(tabId) : { kind: 'none' },
    now: Date.now(),
    newId: () => crypto.randomUUID(),
  });
  await tellUser(outcome, tabId);
  return outcome;
}

const FEEDBACK: Record<CaptureOutcome['outcome'], { badge: string; color: string; message: MessageKey }> = {
  saved: { badge: '✓', color: '#2e844a', message: 'captureSaved' },
  empty: { badge: '!', color: '#ba0517', message: 'captureEmpty' },
  'too-long': { badge: '!', color: '#ba0517', message: 'captureTooLong' },
  queued: { badge: '…', color: '#a96404', message: 'captureQueued' },
  quota: { badge: '!', color: '#ba0517', message: 'captureQuota' },
  failed: { badge: '!', color: '#ba0517', message: 'captureFailed' },
};

/** Says the outcome on the toolbar button of that tab and to any open panel. */
async function tellUser(outcome: CaptureOutcome, tabId: number | undefined): Promise<void> {
  const feedback = FEEDBACK[outcome.outcome];
  if (typeof tabId === 'number') {
    await Promise.allSettled([
      browser.action.setBadgeText({ tabId, text: feedback.badge }),
      browser.action.setBadgeBackgroundColor({ tabId, color: feedback.color }),
      browser.action.setTitle({ tabId, title: t(feedback.message) }),
    ]);
  }
  await broadcast({
    type: 'broadcast/capture',
    outcome: outcome.outcome,
    recordKey: outcome.outcome === 'saved' ? outcome.recordKey : null,
  });
}
