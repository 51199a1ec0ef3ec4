import type { DisplayPreferences } from '@/lib/display/schema';
import type { createInPageUi, InPageUi } from './in-page-ui';

// The in-page UI (launcher badge, docked panel frame: ./in-page-ui.ts) is not
// in the content script every CRM page loads. Its script (entrypoints/in-page-ui.ts,
// `/in-page-ui.js`) is injected by the background into the page's isolated
// world the first time something is to be shown, and registers its factory
// under a global the page cannot see. A page the user never works on, a page
// that is not a record, a user who turned the badge off: none loads it.
// This file is in the content script: keep it small.

/** The global the in-page UI script registers `createInPageUi` under. */
export const IN_PAGE_UI_GLOBAL = '__ironTriangleInPageUi';

export type InPageUiFactory = typeof createInPageUi;

/** The factory the injected script registered in this isolated world, or null. */
export function registeredInPageUi(): InPageUiFactory | null {
  const factory = (globalThis as { [IN_PAGE_UI_GLOBAL]?: unknown })[IN_PAGE_UI_GLOBAL];
  return typeof factory === 'function' ? (factory as InPageUiFactory) : null;
}

/**
 * An InPageUi that loads the real one on first need and replays to it what was
 * asked meanwhile: the latest display, and a dock request. `load` resolves the
 * factory, or null when the script could not be had (the page refused it, the
 * extension was reloaded): then nothing is shown, as with the badge turned off,
 * and the next display tries again. The toolbar button still opens the panel.
 */
export function inPageUiOnDemand(load: () => Promise<InPageUiFactory | null>, make: (factory: InPageUiFactory) => InPageUi): InPageUi {
  let real: InPageUi | null = null;
  let loading = false;
  let display: DisplayPreferences | null = null;
  let dockRequested = false;
  /** Something to show once loaded: the badge, or a docked panel asked for. */
  const wanted = () => display?.launcher === true || dockRequested;

  function ensureLoaded(): void {
    if (loading) return;
    loading = true;
    load()
      .then((factory) => {
        loading = false;
        // Removed, or nothing to show any more (the badge turned off meanwhile): the next display loads again.
        if (!factory || real || !wanted()) return;
        real = make(factory);
        real.show(display);
        if (dockRequested) real.dock('open');
        dockRequested = false;
      })
      .catch(() => {
        // No answer (the extension reloaded), or the UI failed to start: nothing shown, the next display tries again.
        loading = false;
      });
  }

  return {
    show(next) {
      display = next;
      if (real) return real.show(next);
      if (next?.launcher) ensureLoaded();
      else if (!next) dockRequested = false;
    },
    dock(action) {
      if (real) return real.dock(action);
      // Nothing is docked yet: "close" has nothing to do; "open" and "toggle" open it once loaded.
      if (!display) return;
      dockRequested = action === 'toggle' ? !dockRequested : action === 'open';
      if (dockRequested) ensureLoaded();
    },
    remove() {
      display = null;
      dockRequested = false;
      real?.remove();
      real = null;
    },
  };
}
