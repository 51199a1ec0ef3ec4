import { displayedValue } from '@/lib/crm/dom';
import { cleanText, cutText } from '@/lib/crm/parse';
import { deriveLocator, isWithin, resolveLocator } from '@/lib/page-rules/derive';
import { valueCandidates } from './candidates';
import { drawOverlay } from './overlay';
import { MAX_PICK_PREVIEW, type PickOptions, type PickResult } from './protocol';

// One pick: the user points at a value in the CRM page and clicks it (or steps
// to it with Tab / the arrow keys and presses Enter); Esc cancels. While it
// runs, the picker listens first (capture phase on the window) and swallows
// the clicks and keys it acts on, so the CRM does not act on them too. Only
// events the browser made from real input count (`isTrusted`): a page that
// dispatches its own clicks or keys can neither pick nor cancel, and its
// events pass through untouched. The rule is derived from the element the
// user's click landed on, nothing else. When the pick ends, every listener
// and the overlay go.

export interface PickerEnvironment {
  /** The CRM page's document. */
  document: Document;
  /** The record's root: rules are derived and resolved within it. */
  root: Element;
  /** Whether an event came from real input; `event.isTrusted` unless a test says otherwise. */
  isTrusted?: (event: Event) => boolean;
}

export interface PickSession {
  readonly result: Promise<PickResult>;
  /** Ends the pick as cancelled (a new pick started, the page going away). */
  cancel(): void;
}

/** Pointer events swallowed during a pick: the press and release of the pick's click must not reach the CRM either. */
const SWALLOWED_POINTER = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'dblclick', 'auxclick'] as const;
const NEXT_KEYS = new Set(['ArrowDown', 'ArrowRight']);
const PREVIOUS_KEYS = new Set(['ArrowUp', 'ArrowLeft']);

/** The element an event happened on, inside open shadow roots too. */
function eventElement(event: Event): Element | null {
  const first = event.composedPath?.()[0] ?? event.target;
  return first && (first as Node).nodeType === 1 ? (first as Element) : null;
}

function swallow(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

export function startPickSession(options: PickOptions, environment: PickerEnvironment): PickSession {
  const { document: doc, root } = environment;
  const isTrusted = environment.isTrusted ?? ((event: Event) => event.isTrusted === true);
  const view = doc.defaultView;
  const overlay = drawOverlay(doc, options.banner, options.cancelHint);
  let highlighted: Element | null = null;
  let candidates: Element[] | null = null;
  let settle: (result: PickResult) => void = () => undefined;
  const result = new Promise<PickResult>((resolve) => {
    settle = resolve;
  });

  /** An element of the record, not of the overlay. */
  const inRecord = (element: Element | null): element is Element => Boolean(element && element !== overlay.host && element !== root && isWithin(root, element));

  const highlight = (element: Element) => {
    highlighted = element;
    overlay.highlight(element, cleanText(displayedValue(element)));
  };

  const pick = (element: Element) => {
    const locator = deriveLocator(element, root);
    if (!locator) {
      overlay.markUnusable(options.unusableHint ?? options.banner);
      return;
    }
    finish({ locator, preview: cutText(resolveLocator(root, locator) ?? '', MAX_PICK_PREVIEW) });
  };

  const step = (forward: boolean) => {
    candidates ??= valueCandidates(root, overlay.host);
    if (candidates.length === 0) return;
    const at = highlighted ? candidates.indexOf(highlighted) : -1;
    const next = at < 0 ? (forward ? 0 : candidates.length - 1) : (at + (forward ? 1 : -1) + candidates.length) % candidates.length;
    const element = candidates[next] as Element;
    element.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    highlight(element);
  };

  const onPointerMove = (event: Event) => {
    if (!isTrusted(event)) return;
    const element = eventElement(event);
    if (inRecord(element) && element !== highlighted) highlight(element);
  };
  const onPointerSwallowed = (event: Event) => {
    if (isTrusted(event) && inRecord(eventElement(event))) swallow(event);
  };
  const onClick = (event: Event) => {
    if (!isTrusted(event)) return;
    const element = eventElement(event);
    if (!inRecord(element)) return;
    swallow(event);
    highlight(element);
    pick(element);
  };
  const onKeyDown = (event: Event) => {
    if (!isTrusted(event)) return;
    const { key, shiftKey } = event as KeyboardEvent;
    if (key === 'Escape') {
      swallow(event);
      finish({ cancelled: true });
    } else if (key === 'Enter') {
      swallow(event);
      if (highlighted) pick(highlighted);
    } else if (key === 'Tab' || NEXT_KEYS.has(key) || PREVIOUS_KEYS.has(key)) {
      swallow(event);
      step(key === 'Tab' ? !shiftKey : NEXT_KEYS.has(key));
    }
  };
  const onPageHide = () => finish({ cancelled: true });

  const listeners: [string, (event: Event) => void][] = [
    ['pointermove', onPointerMove],
    ['pointerover', onPointerMove],
    ...SWALLOWED_POINTER.map((type): [string, (event: Event) => void] => [type, onPointerSwallowed]),
    ['click', onClick],
    ['keydown', onKeyDown],
    ['pagehide', onPageHide],
  ];
  for (const [type, listener] of listeners) view?.addEventListener(type, listener, true);

  let done = false;
  function finish(outcome: PickResult): void {
    if (done) return;
    done = true;
    for (const [type, listener] of listeners) view?.removeEventListener(type, listener, true);
    overlay.remove();
    settle(outcome);
  }

  return { result, cancel: () => finish({ cancelled: true }) };
}
