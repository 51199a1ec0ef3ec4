import type { CrmAdapter } from '@/lib/crm/adapter';
import type { InPageUiRequest, PageStateMessage } from '@/lib/messaging/protocol';
import { isExtensionPage } from '@/lib/messaging/sender';
import { displayOfReply, parsePageCommand } from './commands';
import { relayEndToEndRequests } from './e2e-bridge';
import { markForEndToEndTests } from './e2e-marker';
import { inPageUiOnDemand, registeredInPageUi } from './in-page-ui-on-demand';
import { nativeBrowser, type NativeMessageListener } from './native-browser';
import { watchPage } from './page-watcher';
import { trackUserPresence } from './user-presence';

/** A frame title longer than this is not the extension's name. */
const MAX_FRAME_TITLE = 100;

/**
 * What every CRM content script does: read the record in view with its
 * adapter and report each change to the background, which answers with what
 * to show in the page (the launcher badge, the docked panel). It holds no
 * data and reaches the extension only through validated messages.
 */
export function reportRecordsOf(adapter: CrmAdapter, onInvalidated: (stop: () => void) => void): void {
  const browser = nativeBrowser();
  if (import.meta.env.MODE === 'e2e') relayEndToEndRequests();
  // One tracker: the first sign of the user both starts the read and lets the badge be drawn.
  const presence = trackUserPresence(window);
  // The frames' title comes with the background's answer to the first ask for the UI: a lookup
  // here would cost the page a blocking round trip to the browser for the i18n catalog.
  let frameTitle = '';
  // Getters: asked for only when a frame is made. A fresh page draws none before the user is there.
  const urls = {
    get launcher() {
      return browser.runtime.getURL('/launcher.html');
    },
    get panel() {
      return browser.runtime.getURL('/sidepanel.html?docked=1');
    },
    get frameTitle() {
      return frameTitle;
    },
  };
  const ui = inPageUiOnDemand(
    async () => {
      const reply: unknown = await browser.runtime.sendMessage({ type: 'page/in-page-ui' } satisfies InPageUiRequest);
      const result = (reply as { result?: { ok?: unknown; frameTitle?: unknown } } | undefined)?.result;
      if (result?.ok !== true) return null;
      if (typeof result.frameTitle === 'string') frameTitle = result.frameTitle.slice(0, MAX_FRAME_TITLE);
      return registeredInPageUi();
    },
    (createInPageUi) => createInPageUi(document, urls, presence),
  );
  const watch = watchPage({
    adapter,
    readOnDemand: presence,
    send: async (state) => {
      const reply: unknown = await browser.runtime.sendMessage({ type: 'page/state', state } satisfies PageStateMessage);
      ui.show(state.kind === 'record' ? displayOfReply(reply) : null);
      if (import.meta.env.MODE === 'e2e') markForEndToEndTests(state, reply);
      return reply;
    },
  });

  // Only this extension's own pages and background may change what the page shows or ask for a read.
  // The read's answer goes through sendResponse (and `return true` keeps the channel open): Chrome ignores a returned promise.
  const onCommand: NativeMessageListener = (message, sender, sendResponse) => {
    if (!isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) return;
    const command = parsePageCommand(message);
    if (command?.type === 'page/display') ui.show(command.display);
    else if (command?.type === 'page/docked') ui.dock(command.action);
    else if (command?.type === 'page/read') {
      // A failed read gets no answer, as a rejected promise did before: the background's wait runs out.
      watch.readNow().then(() => sendResponse({ ok: true }), () => undefined);
      return true;
    }
  };
  browser.runtime.onMessage.addListener(onCommand);

  onInvalidated(() => {
    watch.stop();
    presence.stop();
    browser.runtime.onMessage.removeListener(onCommand);
    ui.remove();
  });
}
