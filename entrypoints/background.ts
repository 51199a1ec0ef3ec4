import { browser } from 'wxt/browser';
import { flushCaptureQueue } from '@/lib/background/capture';
import { onContextMenuClicked, registerContextMenu } from '@/lib/background/context-menu';
import { getDatabase } from '@/lib/store/connection';
import { onCommand } from '@/lib/background/keyboard-shortcut';
import { handleMessage, registerCustomCrms } from '@/lib/background/router';
import { watchTabLifecycle } from '@/lib/background/tab-lifecycle';
import { openPanelFromToolbar } from '@/lib/background/toolbar';
import { E2E_GLOBAL, handleEndToEndMessage } from '@/lib/background/e2e-routes';
import { refreshEveryEnrichment } from '@/lib/background/enrichment';
import { onAlarm, syncSoon } from '@/lib/background/salesforce-sync';
import { keepManagedPolicyCopies } from '@/lib/deal/managed-policy';

export default defineBackground({
  main() {
    // Listeners are added synchronously at start-up so that an event that wakes
    // the service worker (menu click, message) is delivered to them.
    browser.runtime.onInstalled.addListener(() => void registerContextMenu());
    browser.runtime.onStartup.addListener(() => void registerContextMenu());
    browser.contextMenus.onClicked.addListener((info, tab) => void onContextMenuClicked(info, tab));
    browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
    browser.runtime.onMessage.addListener(handleMessage);
    // Test-only routes for Firefox's WebDriver BiDi; absent from production builds.
    if (import.meta.env.MODE === 'e2e') browser.runtime.onMessage.addListener(handleEndToEndMessage);
    watchTabLifecycle();
    openPanelFromToolbar();
    browser.permissions.onAdded.addListener(() => void registerCustomCrms());
    browser.permissions.onRemoved.addListener(() => void registerCustomCrms());
    browser.runtime.onInstalled.addListener(() => void registerCustomCrms());
    browser.runtime.onStartup.addListener(() => void registerCustomCrms());
    browser.alarms.onAlarm.addListener(onAlarm);
    // The pages read IT's policy from a copy the background keeps current (lib/deal/managed-policy.ts).
    keepManagedPolicyCopies(getDatabase, () => void refreshEveryEnrichment());
    // A capture cut short by a stopped service worker is still in the queue; then
    // what waits in the Salesforce outbox goes (nothing at all when no org is connected).
    void getDatabase()
      .then(flushCaptureQueue)
      .finally(() => void syncSoon());

    // The context-menu and shortcut handlers, for the Chromium end-to-end tests and benchmarks,
    // which cannot click a native menu and call them from this service worker's console.
    // e2e builds only, like the routes above (issue 17).
    if (import.meta.env.MODE === 'e2e') Object.assign(globalThis, { [E2E_GLOBAL]: { onContextMenuClicked, onCommand } });
  },
});
