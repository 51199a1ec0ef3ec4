import { browser } from 'wxt/browser';
import type { PageCommand } from '@/lib/messaging/protocol';

/** How long a capture waits for a tab's content script to read the record before saving without it. */
export const READ_REQUEST_TIMEOUT_MS = 2_000;

/**
 * Asks the content script of `tabId` to read its record now; resolves once it
 * has sent the page's state (true), or with false when no content script
 * answers in time (the tab went away, or shows no CRM any more).
 */
export async function requestRead(tabId: number, timeoutMs = READ_REQUEST_TIMEOUT_MS): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const answer = browser.tabs
    .sendMessage(tabId, { type: 'page/read' } satisfies PageCommand, { frameId: 0 })
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
