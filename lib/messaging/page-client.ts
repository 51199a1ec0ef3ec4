import { browser } from 'wxt/browser';
import { z } from '@/lib/zod/mini';
import { broadcast } from './broadcast';
import type { ExpectedPart } from '@/lib/crm/snapshot';
import {
  BadgeSchema,
  BroadcastSchema,
  PointAtItResultSchema,
  PullResultSchema,
  SalesforceStatusSchema,
  TabStateSchema,
  type Badge,
  type Broadcast,
  type FramedRequest,
  type PanelRequest,
  type PointAtItResult,
  type PullResult,
  type SalesforceRequest,
  type SalesforceStatus,
  type TabState,
} from './protocol';

// The panel's side of the messaging: typed requests to the background, with
// every answer validated before the UI sees it.

async function request<T>(message: PanelRequest | FramedRequest | SalesforceRequest, schema: z.ZodMiniType<T>): Promise<T> {
  const response = (await browser.runtime.sendMessage(message)) as { result?: unknown; error?: string } | undefined;
  if (!response || response.error !== undefined) throw new Error(response?.error ?? 'no answer from the background');
  return schema.parse(response.result);
}

export function fetchTabState(tabId: number): Promise<TabState> {
  return request({ type: 'panel/tab-state', tabId }, TabStateSchema);
}

/** Lets the user point at `part` in the record page of `tabId`; resolves when they clicked a value or cancelled. */
export function pointAtIt(tabId: number, part: ExpectedPart): Promise<PointAtItResult> {
  return request({ type: 'panel/point-at-it', tabId, part }, PointAtItResultSchema);
}

/** The launcher's content, for the tab it is framed in. */
export function fetchBadge(): Promise<Badge> {
  return request({ type: 'framed/badge' }, BadgeSchema);
}

/** Opens, closes or toggles the docked panel of the tab this page is framed in. */
export async function dockPanel(action: 'open' | 'close' | 'toggle'): Promise<void> {
  await request({ type: 'framed/dock', action }, z.object({ ok: z.literal(true) }));
}

/** The Salesforce connection as the background tells it (never a token). */
export function fetchSalesforceStatus(): Promise<SalesforceStatus> {
  return request({ type: 'salesforce/status' }, SalesforceStatusSchema);
}

/** Opens the Salesforce sign-in window; resolves once signed in, rejects with the reason otherwise. Options page only. */
export function connectSalesforce(typed: { loginHost?: string; clientId?: string }): Promise<SalesforceStatus> {
  return request({ type: 'salesforce/connect', ...typed }, SalesforceStatusSchema);
}

/** Revokes and forgets the sign-in; `revoked: false` when Salesforce could not be reached. Options page only. */
export function disconnectSalesforce(): Promise<{ revoked: boolean }> {
  return request({ type: 'salesforce/disconnect' }, z.object({ revoked: z.boolean() }));
}

/** Asks the background to send what is due in the outbox now. */
export async function sendOutboxNow(): Promise<void> {
  await request({ type: 'salesforce/send-now' }, z.object({ ok: z.literal(true) }));
}

/** Reads back now what others wrote on a record this panel shows. */
export function pullFromSalesforce(recordKey: string, recordName: string): Promise<PullResult> {
  return request({ type: 'salesforce/pull', recordKey, recordName }, PullResultSchema);
}

/** Listeners in this page: a page does not receive its own runtime messages. */
const localListeners = new Set<(message: Broadcast) => void>();

/** Calls `listener` for each valid broadcast from this extension, this page's included; returns the unsubscribe function. */
export function onBroadcast(listener: (message: Broadcast) => void): () => void {
  const handler = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    const parsed = BroadcastSchema.safeParse(message);
    if (parsed.success) listener(parsed.data);
  };
  browser.runtime.onMessage.addListener(handler);
  localListeners.add(listener);
  return () => {
    browser.runtime.onMessage.removeListener(handler);
    localListeners.delete(listener);
  };
}

/** Tells this page and every other open extension page that something changed. */
export async function publish(message: Broadcast): Promise<void> {
  for (const listener of localListeners) listener(message);
  await broadcast(message);
}

/**
 * What the panel follows, from its URL: `?docked=1` is the panel docked in a
 * CRM page, which follows the tab it is framed in; by default it follows the
 * active tab of its own window. In e2e builds only (`--mode e2e`), the tests
 * and benchmarks may pin it: `?tabId=N` to one tab, `?windowId=N` to the
 * active tab of that window. Store packages ignore both (issue 17).
 */
export type PanelTarget = { docked: true } | { tabId: number } | { windowId: number } | { windowId: 'current' };

/** The query parameters that pin the panel, e2e builds only. */
export const E2E_TAB_PARAM = 'tabId';
export const E2E_WINDOW_PARAM = 'windowId';

export function panelTarget(search: string): PanelTarget {
  const params = new URLSearchParams(search);
  if (params.get('docked') === '1') return { docked: true };
  if (import.meta.env.MODE === 'e2e') {
    const pinned = (raw: string | null) => (raw !== null && /^\d{1,10}$/.test(raw) ? Number(raw) : null);
    const tabId = pinned(params.get(E2E_TAB_PARAM));
    if (tabId !== null) return { tabId };
    const windowId = pinned(params.get(E2E_WINDOW_PARAM));
    if (windowId !== null) return { windowId };
  }
  return { windowId: 'current' };
}

/**
 * True when a page of another origin frames this one. The panel is
 * web-accessible to CRM pages (for the docked panel), so script in a CRM page
 * can frame it itself; such a frame must not pick the tab it shows with
 * `?tabId=` (docs/security.md, F1).
 */
export function framedByAnotherOrigin(win: Pick<Window, 'parent' | 'location'> = window): boolean {
  if (win.parent === win) return false;
  try {
    return win.parent.location.origin !== win.location.origin;
  } catch {
    return true; // reading a cross-origin parent's location throws
  }
}

/** The tab this page is framed in (the docked panel), asked of the background: Firefox gives framed pages no `tabs` API. */
export async function ownTabId(): Promise<number> {
  return (await request({ type: 'framed/own-tab' }, z.object({ tabId: z.number() }))).tabId;
}

/** Closes the docked panel this page is. */
export function closeDockedPanel(): Promise<void> {
  return dockPanel('close');
}

async function resolveWindowId(windowId: number | 'current'): Promise<number | undefined> {
  return windowId === 'current' ? (await browser.windows.getCurrent()).id : windowId;
}

/** The window's active tab now, and the window's id (`'current'` resolved). */
export async function activeTabOf(windowId: number | 'current'): Promise<{ windowId: number | undefined; tabId: number | undefined }> {
  const id = await resolveWindowId(windowId);
  const [tab] = await browser.tabs.query({ active: true, windowId: id });
  return { windowId: id, tabId: tab?.id };
}

/** Calls `listener` with the window's active tab now and whenever the user activates another. */
export function followActiveTab(windowId: number | 'current', listener: (tabId: number) => void): () => void {
  let resolved: number | undefined;
  const handler = (info: { tabId: number; windowId: number }) => {
    if (info.windowId === resolved) listener(info.tabId);
  };
  browser.tabs.onActivated.addListener(handler);
  void activeTabOf(windowId).then(({ windowId: id, tabId }) => {
    resolved = id;
    if (tabId !== undefined) listener(tabId);
  });
  return () => browser.tabs.onActivated.removeListener(handler);
}
