import { chromeSidePanel, firefoxSidebarAction } from '@/lib/browser/panel-apis';
import type { DisplayPreferences } from '@/lib/display/schema';
import { dockPanel } from '@/lib/messaging/page-client';

export type PanelOpener = 'side-panel' | 'sidebar' | 'docked';

/**
 * How a click on the launcher opens the panel here: the browser's own panel
 * unless the user chose the docked one, or the launcher cannot reach the
 * browser's (Firefox gives a page framed in a web page no `sidebarAction`).
 */
export function panelOpener(display: DisplayPreferences): PanelOpener {
  if (display.placement === 'docked') return 'docked';
  if (chromeSidePanel()) return 'side-panel';
  if (firefoxSidebarAction()) return 'sidebar';
  return 'docked';
}

/**
 * Opens the panel for `tabId`. Call it straight from the click handler, with
 * nothing awaited before: Chrome's `sidePanel.open` and Firefox's
 * `sidebarAction.open` only work while the click's user gesture lasts.
 */
export function openPanel(opener: PanelOpener, tabId: number): Promise<unknown> {
  switch (opener) {
    case 'side-panel':
      // panelOpener chose these only where they exist.
      return chromeSidePanel()!.open({ tabId });
    case 'sidebar':
      return firefoxSidebarAction()!.open();
    case 'docked':
      return dockPanel('toggle');
  }
}
