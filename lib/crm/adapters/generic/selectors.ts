import { isRendered, type DeepScope } from '@/lib/crm/dom';

/** CSS selectors a user gives for the parts of their CRM's record page (and for its contacts). */
export interface CustomSelectors {
  name?: string;
  stage?: string;
  amount?: string;
  closeDate?: string;
  owner?: string;
  account?: string;
  /** Each match is one contact. */
  contacts?: string;
}

export const SELECTOR_KEYS = ['name', 'stage', 'amount', 'closeDate', 'owner', 'account', 'contacts'] as const;
export const MAX_SELECTOR = 500;

/**
 * True when `selector` is one CSS selector the browser accepts, tried on an
 * empty fragment (nothing on the page is touched; no eval). Needs a document,
 * so it answers false in a service worker: validate in an extension page.
 */
export function isValidSelector(selector: unknown): selector is string {
  if (typeof selector !== 'string' || selector.trim().length === 0 || selector.length > MAX_SELECTOR) return false;
  // Where there is no document (the background service worker) the syntax cannot be tried: the
  // options page checked it when the user saved it, and the reader contains a selector that fails.
  if (typeof globalThis.document === 'undefined') return true;
  try {
    globalThis.document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/** Only the valid selectors of `selectors` (stored definitions are not trusted in the page). */
export function validSelectors(selectors: unknown): CustomSelectors {
  const out: CustomSelectors = {};
  if (typeof selectors !== 'object' || selectors === null) return out;
  for (const key of SELECTOR_KEYS) {
    const selector = (selectors as Record<string, unknown>)[key];
    if (isValidSelector(selector)) out[key] = selector;
  }
  return out;
}

/** Rendered matches of `selector`, in the record root first and in the whole document after. */
export function matchesOf(scopes: readonly (() => DeepScope)[], selector: string): Element[] {
  for (const scope of scopes) {
    const found: Element[] = [];
    for (const root of scope().roots) {
      try {
        for (const element of Array.from(root.querySelectorAll(selector))) if (isRendered(element)) found.push(element);
      } catch {
        return [];
      }
    }
    if (found.length > 0) return found;
  }
  return [];
}
