import { browser } from 'wxt/browser';
import { urlMatchesPatterns } from '@/lib/crm/hosts';
import { allCrmMatches } from './crm-patterns';
import { broadcast } from '@/lib/messaging/broadcast';
import type { TabState } from '@/lib/messaging/protocol';
import { forgetTab } from './tab-states';

async function forget(tabId: number): Promise<void> {
  await forgetTab(tabId);
  await broadcast({ type: 'broadcast/tab-state', tabId, state: { kind: 'none' } satisfies TabState });
}

/**
 * Forgets a tab's record when the tab closes or leaves the CRM. Without the
 * `tabs` permission a tab's URL is visible only on hosts we may read, so a tab
 * whose URL we cannot see has, by definition, left the supported CRMs.
 */
export function watchTabLifecycle(): void {
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
    if (changeInfo.status !== 'loading' && changeInfo.url === undefined) return;
    const url = tab.url;
    if (!url) void forget(tabId);
    else
      void allCrmMatches().then(async (matches) => {
        if (!urlMatchesPatterns(url, matches)) await forget(tabId);
      });
  });
}
