// What the picker draws over the CRM page: a box around the element under the
// pointer (or chosen with the keyboard) and a banner saying what to click. All
// of it lives in a closed shadow root, so the page's scripts and styles cannot
// reach into it; it takes no pointer events, so the page's element under the
// pointer stays the event target. Styles are set through the CSSOM, which a
// page's Content-Security-Policy (Salesforce's forbids inline styles) allows.
// Text goes in as text, never as HTML.

type Styles = Record<string, string>;

function styled<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, styles: Styles): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, 'important');
  return element;
}

const HOST: Styles = { all: 'initial', position: 'fixed', inset: '0', 'pointer-events': 'none', 'z-index': '2147483647' };
const BOX: Styles = {
  position: 'fixed',
  display: 'none',
  'box-sizing': 'border-box',
  border: '2px solid #2563eb',
  background: 'rgba(37, 99, 235, 0.12)',
  'border-radius': '3px',
  'pointer-events': 'none',
};
const BANNER: Styles = {
  position: 'fixed',
  top: '12px',
  left: '50%',
  transform: 'translateX(-50%)',
  'max-width': '90vw',
  padding: '6px 12px',
  'border-radius': '6px',
  background: '#111827',
  color: '#ffffff',
  font: '13px/1.4 system-ui, sans-serif',
  'box-shadow': '0 2px 8px rgba(0, 0, 0, 0.3)',
  'pointer-events': 'none',
};
const SECONDARY: Styles = { opacity: '0.75', 'margin-left': '8px' };
const VALUE: Styles = { display: 'block', opacity: '0.85', 'font-style': 'italic', overflow: 'hidden', 'text-overflow': 'ellipsis', 'white-space': 'nowrap' };

/** Characters of the highlighted value the banner repeats, for keyboard and screen-reader users. */
const MAX_SHOWN_VALUE = 80;

export interface Overlay {
  /** Draws the box around `element` (null hides it) and repeats its value (`value`) in the banner. */
  highlight(element: Element | null, value: string): void;
  /** Marks the highlighted element as one no rule fits, with `hint` in the banner. */
  markUnusable(hint: string): void;
  /** The overlay's own host element, so events on it are never taken for the page's. */
  readonly host: Element;
  remove(): void;
}

export function drawOverlay(doc: Document, banner: string, cancelHint: string): Overlay {
  const host = styled(doc, 'div', HOST);
  const shadow = host.attachShadow({ mode: 'closed' });
  const box = styled(doc, 'div', BOX);
  const bannerElement = styled(doc, 'div', BANNER);
  bannerElement.setAttribute('role', 'status');
  bannerElement.setAttribute('aria-live', 'polite');
  const instruction = doc.createElement('span');
  instruction.textContent = banner;
  const hint = styled(doc, 'span', SECONDARY);
  hint.textContent = cancelHint;
  const value = styled(doc, 'span', VALUE);
  bannerElement.append(instruction, hint, value);
  shadow.append(box, bannerElement);
  (doc.documentElement ?? doc.body).append(host);

  let current: Element | null = null;
  const place = () => {
    if (!current || !current.isConnected) {
      box.style.setProperty('display', 'none', 'important');
      return;
    }
    const rect = current.getBoundingClientRect();
    box.style.setProperty('display', 'block', 'important');
    box.style.setProperty('left', `${rect.left}px`, 'important');
    box.style.setProperty('top', `${rect.top}px`, 'important');
    box.style.setProperty('width', `${rect.width}px`, 'important');
    box.style.setProperty('height', `${rect.height}px`, 'important');
  };
  const view = doc.defaultView;
  view?.addEventListener('scroll', place, { capture: true, passive: true });
  view?.addEventListener('resize', place, { passive: true });

  return {
    host,
    highlight(element, shown) {
      current = element;
      box.style.setProperty('border-color', '#2563eb', 'important');
      box.style.setProperty('border-style', 'solid', 'important');
      instruction.textContent = banner;
      value.textContent = shown.length > MAX_SHOWN_VALUE ? `${shown.slice(0, MAX_SHOWN_VALUE - 1)}…` : shown;
      place();
    },
    markUnusable(text) {
      box.style.setProperty('border-color', '#dc2626', 'important');
      box.style.setProperty('border-style', 'dashed', 'important');
      instruction.textContent = text;
    },
    remove() {
      view?.removeEventListener('scroll', place, { capture: true });
      view?.removeEventListener('resize', place);
      host.remove();
    },
  };
}
