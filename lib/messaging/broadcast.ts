import { browser } from 'wxt/browser';
import type { Broadcast } from './protocol';

/** Tells open extension pages that something changed. No page open is not an error. */
export async function broadcast(message: Broadcast): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // "Receiving end does not exist": no panel is open right now.
  }
}
