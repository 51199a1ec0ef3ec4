import { useEffect, useState } from 'react';
import { notReadYet } from '@/lib/crm/page-state';
import { TabStateSchema, type TabState } from '@/lib/messaging/protocol';
import { fetchTabState, followActiveTab, onBroadcast, ownTabId, type PanelTarget } from '@/lib/messaging/page-client';
import { tabStateRead, takeFirstRead } from '@/lib/panel/first-reads';

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: string };

/** The tab the panel follows: the pinned one, the one it is docked in, or the active tab of the followed window. */
export function useFollowedTab(target: PanelTarget): number | null {
  const pinned = 'tabId' in target ? target.tabId : null;
  const windowId = 'windowId' in target ? target.windowId : null;
  const docked = 'docked' in target;
  const [followedTab, setFollowedTab] = useState<number | null>(null);
  useEffect(() => (windowId === null ? undefined : followActiveTab(windowId, setFollowedTab)), [windowId]);
  useEffect(() => {
    if (docked) void ownTabId().then(setFollowedTab, () => setFollowedTab(null));
  }, [docked]);
  return pinned ?? followedTab;
}

/** What the background knows of `tabId`, refreshed whenever it announces a change. */
export function useTabState(tabId: number | null): Loadable<TabState> {
  const [state, setState] = useState<Loadable<TabState>>({ status: 'loading' });
  useEffect(() => {
    if (tabId === null) return undefined;
    let current = true;
    /** Numbers each update: an answer is shown only if nothing newer came meanwhile. */
    let latest = 0;
    // The first state may have been asked for as the page started (lib/panel/first-reads.ts).
    const load = (first = false) => {
      const update = ++latest;
      const showing = () => current && update === latest;
      return ((first && takeFirstRead<TabState>(tabStateRead(tabId))) || fetchTabState(tabId)).then(
        (value) => showing() && setState({ status: 'ready', value }),
        (error: unknown) => showing() && setState({ status: 'error', error: String(error) }),
      );
    };
    void load(true);
    const unsubscribe = onBroadcast((message) => {
      if (message.type !== 'broadcast/tab-state' || message.tabId !== tabId) return;
      // The new state comes with the notification. A record page not read yet is asked for instead:
      // the background then has it read (router.ts, tabStateShown), as something shows it now.
      const carried = TabStateSchema.safeParse(message.state);
      if (!carried.success || notReadYet(carried.data)) return void load();
      latest++;
      setState({ status: 'ready', value: carried.data });
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, [tabId]);
  return state;
}
