import { browser } from 'wxt/browser';
import type { CrmAdapter } from '../crm/adapter';
import type { PageStateMessage } from '../messaging/protocol';
import { relayEndToEndRequests } from './e2e-bridge';
import { markForEndToEndTests } from './e2e-marker';
import { watchPage } from './page-watcher';

/**
 * What every CRM content script does: read the record in view with its
 * adapter and report each change to the background. It holds no data, writes
 * nothing to the page, and reaches the extension only through `page/state`
 * messages that the background validates.
 */
export function reportRecordsOf(adapter: CrmAdapter, onInvalidated: (stop: () => void) => void): void {
  if (import.meta.env.MODE === 'e2e') relayEndToEndRequests();
  const stop = watchPage({
    adapter,
    send: async (state) => {
      const reply: unknown = await browser.runtime.sendMessage({ type: 'page/state', state } satisfies PageStateMessage);
      if (import.meta.env.MODE === 'e2e') markForEndToEndTests(state, reply);
      return reply;
    },
  });
  onInvalidated(stop);
}
