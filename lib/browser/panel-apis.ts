import { browser } from 'wxt/browser';

// The browsers' own panel APIs, which the polyfill's types do not cover:
// Chrome's side panel and Firefox's sidebar. Undefined where the context has
// none (Firefox gives a page framed in a web page no `sidebarAction`).

export interface ChromeSidePanel {
  open(options: { tabId: number }): Promise<void>;
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

export interface FirefoxSidebarAction {
  open(): Promise<void>;
  toggle(): Promise<void>;
}

export const chromeSidePanel = (): ChromeSidePanel | undefined => (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;

export const firefoxSidebarAction = (): FirefoxSidebarAction | undefined => (browser as unknown as { sidebarAction?: FirefoxSidebarAction }).sidebarAction;
