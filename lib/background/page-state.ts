import type { PageStateMessage, TabState } from '@/lib/messaging/protocol';
import { broadcast } from '@/lib/messaging/broadcast';
import { getDatabase } from '@/lib/store/connection';
import { rememberRecord } from '@/lib/store/records';
import { writeTabState } from './tab-states';

/**
 * Stores what a content script reported for its tab. A snapshot must be of
 * the host the message came from: a page cannot speak for another CRM org.
 */
export async function acceptPageState(tabId: number, pageUrl: URL, message: PageStateMessage): Promise<boolean> {
  const { state } = message;
  let tabState: TabState;
  if (state.kind === 'record') {
    if (state.snapshot.host !== pageUrl.host) return false;
    tabState = { kind: 'record', snapshot: { ...state.snapshot, url: pageUrl.href } };
    // Known records are where inbox notes can be moved to later.
    await rememberRecord(await getDatabase(), tabState.snapshot, Date.now());
  } else {
    tabState = state;
  }
  await writeTabState(tabId, tabState);
  await broadcast({ type: 'broadcast/tab-state', tabId, state: tabState });
  return true;
}
