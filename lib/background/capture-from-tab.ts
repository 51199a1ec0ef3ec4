import { browser, type Browser } from 'wxt/browser';
import { t, type MessageKey } from '@/lib/i18n';
import { getDatabase } from '@/lib/store/connection';
import { broadcast } from '@/lib/messaging/broadcast';
import { captureNote, flushCaptureQueue, type CaptureOutcome } from './capture';
import type { TabState } from '@/lib/messaging/protocol';
import { notReadYet } from '@/lib/crm/page-state';
import { requestRead } from './read-request';
import { readTabState } from './tab-states';
import { connectedOpportunityId } from '@/lib/salesforce/org-match';
import { readConnectedOrg } from '@/lib/salesforce/session';
import { syncSoon } from './salesforce-sync';

/**
 * The full selection, title and URL of a frame. Runs under the activeTab grant
 * of the user's menu click or shortcut. (The context menu's own selectionText
 * loses line breaks.)
 */
async function readSelection(tabId: number, frameId: number): Promise<{ text: string; title: string; url: string } | null> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      func: () => ({ text: globalThis.getSelection()?.toString() ?? '', title: document.title, url: location.href }),
    });
    const value = result?.result as { text?: unknown; title?: unknown; url?: unknown } | undefined;
    if (typeof value?.text !== 'string' || typeof value.title !== 'string' || typeof value.url !== 'string') return null;
    return { text: value.text, title: value.title, url: value.url };
  } catch {
    return null; // restricted page (store, PDF viewer, browser pages): fall back to what the event carried
  }
}

/** What the triggering event itself says, for pages where no script can run. */
export interface CaptureFallback {
  text: string;
  url: string;
}

/** Captures the selection of `tab` (menu click or keyboard shortcut) and tells the user the outcome. */
export async function captureFromTab(tab: Browser.tabs.Tab | undefined, frameId: number, fallback: CaptureFallback): Promise<CaptureOutcome> {
  const tabId = typeof tab?.id === 'number' && tab.id >= 0 ? tab.id : undefined;
  const opened = getDatabase();
  // What the note needs is gathered at once (`store.capture` in `npm run bench`): the selection (a script
  // in the page), the tab's record, the connected org, and the earlier captures still queued, written
  // first so that notes keep their order.
  const [page, tabState, org, db] = await Promise.all([
    tabId === undefined ? null : readSelection(tabId, frameId),
    tabId === undefined ? ({ kind: 'none' } satisfies TabState) : recordStateOf(tabId),
    opened.then(readConnectedOrg),
    opened.then(async (db) => {
      await flushCaptureQueue(db);
      return db;
    }),
  ]);
  const outcome = await captureNote(db, {
    text: page?.text.trim() ? page.text : fallback.text,
    pageTitle: page?.title ?? tab?.title ?? '',
    pageUrl: page?.url ?? (fallback.url || tab?.url || ''),
    tabState,
    now: Date.now(),
    newId: () => crypto.randomUUID(),
    ...(org && tabState.kind === 'record' ? { salesforceOpportunityId: connectedOpportunityId(tabState.snapshot, org.instanceUrl) } : {}),
  });
  // Told once the outcome is known (for "saved": durable), but not waited for: the badge, the title and
  // the panels' broadcast are asked for at once, and the capture is done when the note is committed
  // (`store.capture` in `npm run bench`).
  void tellUser(outcome, tabId);
  // Told first: the note is durable; sending it is the outbox's job from here.
  if (outcome.outcome === 'saved' && outcome.toSalesforce) void syncSoon();
  return outcome;
}

/** The tab's state for a capture: a record page not read yet is read first, so the note goes to its record. */
async function recordStateOf(tabId: number): Promise<TabState> {
  const state = await readTabState(tabId);
  if (!notReadYet(state) || !(await requestRead(tabId))) return state;
  return readTabState(tabId);
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
  await Promise.allSettled([
    ...(tabId === undefined
      ? []
      : [
          browser.action.setBadgeText({ tabId, text: feedback.badge }),
          browser.action.setBadgeBackgroundColor({ tabId, color: feedback.color }),
          browser.action.setTitle({ tabId, title: t(feedback.message) }),
        ]),
    broadcast({
      type: 'broadcast/capture',
      outcome: outcome.outcome,
      recordKey: outcome.outcome === 'saved' ? outcome.recordKey : null,
    }),
  ]);
}
