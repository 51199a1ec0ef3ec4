import type { Browser } from 'wxt/browser';
import type { CaptureOutcome } from './capture';
import { captureFromTab } from './capture-from-tab';

/** The manifest command that captures the selection (Alt+Shift+N by default; users can change it). */
export const CAPTURE_COMMAND = 'capture-note';

export async function onCommand(command: string, tab: Browser.tabs.Tab | undefined): Promise<CaptureOutcome | undefined> {
  if (command !== CAPTURE_COMMAND) return undefined;
  // The shortcut grants activeTab like the menu does; the selection is read from the top frame.
  return captureFromTab(tab, 0, { text: '', url: tab?.url ?? '' });
}
