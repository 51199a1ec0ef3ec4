import { browser } from 'wxt/browser';
import { z } from '../zod/mini';
import { BroadcastSchema, TabStateSchema, type Broadcast, type PanelRequest, type TabState } from '../messaging/protocol';
import { StoredNoteSchema, type StoredNote } from '../store/note-schema';

// The panel's side of the messaging: typed requests to the background, with
// every answer validated before the UI sees it.

async function request<T>(message: PanelRequest, schema: z.ZodMiniType<T>): Promise<T> {
  const response = (await browser.runtime.sendMessage(message)) as { result?: unknown; error?: string } | undefined;
  if (!response || response.error !== undefined) throw new Error(response?.error ?? 'no answer from the background');
  return schema.parse(response.result);
}

export function fetchTabState(tabId: number): Promise<TabState> {
  return request({ type: 'panel/tab-state', tabId }, TabStateSchema);
}

export function fetchNotes(recordKey: string): Promise<StoredNote[]> {
  return request({ type: 'panel/notes', recordKey }, z.array(StoredNoteSchema));
}

/** Calls `listener` for each valid broadcast from this extension; returns the unsubscribe function. */
export function onBroadcast(listener: (message: Broadcast) => void): () => void {
  const handler = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    const parsed = BroadcastSchema.safeParse(message);
    if (parsed.success) listener(parsed.data);
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

/** The tab the panel follows: `?tabId=N` pins it; otherwise the active tab of the panel's window. */
export function pinnedTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  return Number(raw);
}

export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Calls `listener` with the tab id whenever the user activates another tab in the panel's window. */
export function onActiveTabChanged(listener: (tabId: number) => void): () => void {
  let windowId: number | undefined;
  void browser.windows.getCurrent().then((window) => (windowId = window.id));
  const handler = (info: { tabId: number; windowId: number }) => {
    if (windowId === undefined || info.windowId === windowId) listener(info.tabId);
  };
  browser.tabs.onActivated.addListener(handler);
  return () => browser.tabs.onActivated.removeListener(handler);
}
