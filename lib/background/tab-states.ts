import { browser } from 'wxt/browser';
import { TabStateSchema, type TabState } from '@/lib/messaging/protocol';

// The latest state of each tab lives in storage.session: it survives the
// service worker being stopped and restarted, and is gone when the browser
// closes. Nothing in it is written to disk.

const keyOf = (tabId: number) => `tab:${tabId}`;

export async function readTabState(tabId: number): Promise<TabState> {
  const key = keyOf(tabId);
  const stored = (await browser.storage.session.get(key))[key];
  const parsed = TabStateSchema.safeParse(stored);
  return parsed.success ? parsed.data : { kind: 'none' };
}

export async function writeTabState(tabId: number, state: TabState): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: state });
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}
