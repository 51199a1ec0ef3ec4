import { browser } from 'wxt/browser';
import { chromeSidePanel, firefoxSidebarAction } from '@/lib/browser/panel-apis';

/** Makes the toolbar button open the panel: Chrome's side panel or Firefox's sidebar. */
export function openPanelFromToolbar(): void {
  const sidePanel = chromeSidePanel();
  if (sidePanel) {
    void sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
    return;
  }
  const sidebarAction = firefoxSidebarAction();
  // toggle() must run synchronously inside the click handler (user action), nothing awaited first.
  browser.action.onClicked.addListener(() => void sidebarAction?.toggle());
}
