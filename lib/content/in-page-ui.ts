import type { DisplayPreferences } from '@/lib/display/schema';
import { trackUserPresence, type UserPresence } from './user-presence';

/**
 * The launcher badge and the docked panel, as the content script puts them in
 * a CRM page. Both are extension pages in iframes inside a closed shadow
 * root: the page can neither read what they show (another origin) nor reach
 * or style their contents. The content script only positions them; every
 * style is set through the CSSOM, which a page's CSP does not block.
 */

export const LAUNCHER_SIZE = { width: 64, height: 36 };
export const DOCKED_WIDTH = 380;
const INSET = 16;
/** z-index above the CRM's own overlays; the launcher still moves out of the way of its controls. */
const TOP = '2147483646';
const REPLACE_AFTER_MS = 200;
/**
 * The first placement waits for the page to be idle, at most this long: on a
 * large record page each hit test costs milliseconds, and the badge can wait
 * while the CRM is still rendering.
 */
const FIRST_PLACEMENT_TIMEOUT_MS = 1_000;
/** What a user can operate: the launcher must never sit on top of one. */
const CONTROL_SELECTOR = [
  'a[href]',
  'button',
  'input',
  'select',
  'textarea',
  'summary',
  'label',
  'iframe',
  '[contenteditable=""]',
  '[contenteditable="true"]',
  '[tabindex]:not([tabindex="-1"])',
  ...['button', 'link', 'tab', 'menuitem', 'option', 'checkbox', 'radio', 'combobox', 'switch', 'slider', 'textbox'].map((role) => `[role="${role}"]`),
].join(',');

export interface InPageUiUrls {
  launcher: string;
  panel: string;
  frameTitle: string;
}

export interface InPageUi {
  /** Shows what the preferences ask for on a recognised record; null removes everything (not a record, or turned off). */
  show(display: DisplayPreferences | null): void;
  dock(action: 'open' | 'close' | 'toggle'): void;
  remove(): void;
}

type Box = { left: number; top: number; width: number; height: number };

/** Where the launcher may go, in order of preference: corners first, then the edges' middles. */
export function launcherCandidates(viewport: { width: number; height: number }): Box[] {
  const { width, height } = LAUNCHER_SIZE;
  const right = viewport.width - width - INSET;
  const bottom = viewport.height - height - INSET;
  const middle = Math.round((viewport.height - height) / 2);
  const points: [number, number][] = [
    [right, bottom],
    [right, middle],
    [INSET, bottom],
    [right, Math.round(bottom * 0.75)],
    [Math.round((viewport.width - width) / 2), bottom],
    [right, INSET + 64],
  ];
  return points.filter(([left, top]) => left >= 0 && top >= 0).map(([left, top]) => ({ left, top, width, height }));
}

/** True when `a` and `b` overlap (touching edges do not). */
function meets(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/**
 * The border boxes of the page's controls (its own tree; a control in a shadow
 * root is found by hit testing its host, as `coversControl` does), read in one
 * pass: a spot no control's box meets needs no hit test.
 */
export function controlBoxes(doc: Document): Box[] {
  const boxes: Box[] = [];
  for (const control of doc.querySelectorAll(CONTROL_SELECTOR)) {
    const { left, top, width, height } = control.getBoundingClientRect();
    if (width > 0 && height > 0) boxes.push({ left, top, width, height });
  }
  return boxes;
}

/** True when any sampled point of `box` shows a CRM control (our own element, when in the page, ignored). */
export function coversControl(doc: Document, box: Box, own: Element | null): boolean {
  const xs = [box.left + 1, box.left + box.width / 2, box.left + box.width - 1];
  const ys = [box.top + 1, box.top + box.height / 2, box.top + box.height - 1];
  for (const x of xs) {
    for (const y of ys) {
      const hit = doc.elementsFromPoint(x, y).find((element) => !own || (element !== own && !own.contains(element)));
      if (hit?.closest(CONTROL_SELECTOR)) return true;
    }
  }
  return false;
}

/**
 * The first of `candidates` that shows no control. Only a spot some control's
 * box meets is hit-tested (a control may be covered or clipped there): on a
 * large record page each hit test costs 1-3 ms and a spot takes nine, while
 * reading every control's box once costs about as much as three.
 */
export function freeSpot(doc: Document, candidates: readonly Box[], own: Element | null): Box | undefined {
  const controls = controlBoxes(doc);
  return candidates.find((box) => !controls.some((control) => meets(control, box)) || !coversControl(doc, box, own));
}

function styleAll(element: HTMLElement, declarations: Record<string, string>): void {
  for (const [property, value] of Object.entries(declarations)) element.style.setProperty(property, value, 'important');
}

function frame(doc: Document, src: string, title: string): HTMLIFrameElement {
  const iframe = doc.createElement('iframe');
  iframe.src = src;
  iframe.title = title;
  // A compositor layer of its own: showing or moving it repaints none of the page under it.
  styleAll(iframe, { position: 'fixed', border: '0', margin: '0', padding: '0', 'z-index': TOP, 'color-scheme': 'normal', background: 'transparent', 'will-change': 'transform' });
  return iframe;
}

export function createInPageUi(doc: Document, urls: InPageUiUrls, presence: UserPresence = trackUserPresence(doc.defaultView!)): InPageUi {
  const win = doc.defaultView!;
  let host: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  let launcher: HTMLIFrameElement | null = null;
  let docked: HTMLIFrameElement | null = null;
  let current: DisplayPreferences | null = null;
  let replaceTimer: ReturnType<typeof setTimeout> | undefined;
  let idleHandle: number | undefined;
  /** A placement is scheduled (the first one may still have no frame to place). */
  let placementPending = false;
  let stopWaitingForUser: (() => void) | null = null;
  let pageMarginRight: { value: string; priority: string } | null = null;

  function ensureHost(): ShadowRoot {
    if (host?.isConnected && shadow) return shadow;
    host = doc.createElement('iron-triangle-overlay');
    // Out of the page's flow (fixed, no size): adding it lays out nothing of the page.
    styleAll(host, { all: 'initial', display: 'block', position: 'fixed', top: '0', left: '0', width: '0', height: '0', overflow: 'visible', 'z-index': TOP });
    shadow = host.attachShadow({ mode: 'closed' });
    doc.documentElement.append(host);
    return shadow;
  }

  function placeLauncher(): void {
    placementPending = false;
    idleHandle = undefined;
    if (!current?.launcher || docked) return;
    // The root's client size leaves out scroll bars; a document without layout reports 0 and falls back to the window.
    const viewport = { width: doc.documentElement.clientWidth || win.innerWidth, height: doc.documentElement.clientHeight || win.innerHeight };
    const spot = freeSpot(doc, launcherCandidates(viewport), host?.isConnected ? host : null);
    // Nowhere free of the CRM's controls: stay hidden rather than cover one; the toolbar button still opens the panel.
    if (!spot) {
      if (launcher) styleAll(launcher, { display: 'none' });
      return;
    }
    // The frame joins the page only once placed, so the page renders once for it, not again to show it.
    if (!launcher) {
      launcher = frame(doc, urls.launcher, urls.frameTitle);
      styleAll(launcher, { width: `${LAUNCHER_SIZE.width}px`, height: `${LAUNCHER_SIZE.height}px`, 'border-radius': `${LAUNCHER_SIZE.height / 2}px` });
      ensureHost().append(launcher);
    }
    styleAll(launcher, { display: 'block', left: `${spot.left}px`, top: `${spot.top}px` });
  }

  function cancelPlacement(): void {
    stopWaitingForUser?.();
    clearTimeout(replaceTimer);
    if (idleHandle !== undefined) win.cancelIdleCallback?.(idleHandle);
    idleHandle = undefined;
    placementPending = false;
  }

  function schedulePlacement(): void {
    cancelPlacement();
    placementPending = true;
    replaceTimer = setTimeout(() => win.requestAnimationFrame(placeLauncher), REPLACE_AFTER_MS);
  }

  function showLauncher(): void {
    if (launcher) return schedulePlacement();
    if (placementPending) return;
    win.addEventListener('resize', schedulePlacement);
    win.addEventListener('scroll', schedulePlacement, { capture: true, passive: true });
    placementPending = true;
    // On a freshly loaded page nothing is drawn before the user is there: drawing the badge costs a
    // heavy CRM page tens of ms of rendering, which does not belong in its load.
    stopWaitingForUser = presence.whenPresent(() => {
      stopWaitingForUser = null;
      if (win.requestIdleCallback) idleHandle = win.requestIdleCallback(placeLauncher, { timeout: FIRST_PLACEMENT_TIMEOUT_MS });
      else replaceTimer = setTimeout(() => win.requestAnimationFrame(placeLauncher), REPLACE_AFTER_MS);
    });
  }

  function hideLauncher(): void {
    cancelPlacement();
    win.removeEventListener('resize', schedulePlacement);
    win.removeEventListener('scroll', schedulePlacement, { capture: true });
    launcher?.remove();
    launcher = null;
  }

  function openDocked(): void {
    if (docked) return;
    docked = frame(doc, urls.panel, urls.frameTitle);
    styleAll(docked, { 'box-sizing': 'border-box', top: '0', right: '0', width: `${DOCKED_WIDTH}px`, height: '100vh', background: 'Canvas', 'border-left': '1px solid GrayText' });
    ensureHost().append(docked);
    // The page makes room instead of being covered: its content reflows to the left of the panel.
    const root = doc.documentElement.style;
    pageMarginRight = { value: root.getPropertyValue('margin-right'), priority: root.getPropertyPriority('margin-right') };
    root.setProperty('margin-right', `${DOCKED_WIDTH}px`, 'important');
    hideLauncher();
  }

  function closeDocked(): void {
    if (!docked) return;
    docked.remove();
    docked = null;
    const root = doc.documentElement.style;
    if (pageMarginRight?.value) root.setProperty('margin-right', pageMarginRight.value, pageMarginRight.priority);
    else root.removeProperty('margin-right');
    pageMarginRight = null;
    if (current?.launcher) showLauncher();
  }

  function remove(): void {
    hideLauncher();
    closeDocked();
    host?.remove();
    host = null;
    shadow = null;
  }

  return {
    show(display) {
      current = display;
      if (!display) return remove();
      if (display.placement !== 'docked') closeDocked();
      if (display.launcher && !docked) showLauncher();
      else if (!display.launcher) hideLauncher();
    },
    dock(action) {
      if (!current) return;
      if (action === 'close' || (action === 'toggle' && docked)) closeDocked();
      else openDocked();
    },
    remove,
  };
}
