import { browser } from 'wxt/browser';
import { flushCaptureQueue } from '@/lib/background/capture';
import { onContextMenuClicked, registerContextMenu } from '@/lib/background/context-menu';
import { getDatabase } from '@/lib/store/connection';
import { onCommand } from '@/lib/background/keyboard-shortcut';
import { handleMessage, registerCustomCrms } from '@/lib/background/router';
import { watchTabLifecycle } from '@/lib/background/tab-lifecycle';
import { openPanelFromToolbar } from '@/lib/background/toolbar';
import { handleEndToEndMessage } from '@/lib/background/e2e-routes';
import { onAlarm, syncSoon } from '@/lib/background/salesforce-sync';

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
    // A capture cut short by a stopped service worker is still in the queue; then
    // what waits in the Salesforce outbox goes (nothing at all when no org is connected).
    void getDatabase()
      .then(flushCaptureQueue)
      .finally(() => void syncSoon());

    // The context-menu and shortcut handlers, reachable only from this service worker's own
    // console (and so from the end-to-end tests, which cannot click a native
    // menu). Code that can reach it already holds every API it uses.
    Object.assign(globalThis, { ironTriangle: { onContextMenuClicked, onCommand } });
  },
});
