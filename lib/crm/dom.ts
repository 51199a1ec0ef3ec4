import { cleanText, collapseWhitespace } from './parse';

// Read-only DOM helpers for the content script: queries that cross open shadow
// roots (LWC moves to native shadow DOM), selector-variant lookups, a
// visibility check for Lightning's cached, hidden views, and what an element
// shows (its text, a form control's value). Nothing here writes to the page or
// throws on odd markup; every walk is bounded.

/** Bounds for one deep walk, so a giant or hostile page costs a known maximum. */
export interface DeepLimits {
  /** Elements visited while looking for shadow roots. */
  maxElements?: number;
  /** Shadow roots collected (the starting root not counted). */
  maxShadowRoots?: number;
}

export const DEFAULT_LIMITS: Required<DeepLimits> = { maxElements: 200_000, maxShadowRoots: 10_000 };

type Root = Document | DocumentFragment | Element;

/**
 * A subtree and every open shadow root inside it, found once and reused by
 * several queries. `truncated` is true when the limits stopped the walk.
 */
export interface DeepScope {
  readonly roots: readonly Root[];
  readonly truncated: boolean;
}

function isScope(value: unknown): value is DeepScope {
  return typeof value === 'object' && value !== null && Array.isArray((value as DeepScope).roots);
}

/** Scopes taken with the default limits while `sharingDeepScopes` runs, by their root; null outside it. */
let sharedScopes: Map<Root, DeepScope> | null = null;

/**
 * Runs `read` with each root's deep scope (default limits) taken once: a
 * read of the page walks its record for shadow roots in the adapter, and the
 * page watcher then needs the same roots to observe. The first walk of a
 * record is the costliest part of a first read (every element visited, a
 * script wrapper made for each), so it is not done twice. Only for code that
 * does not change the page meanwhile: the scopes are what the page was when
 * first taken. Nested calls share the outer one's scopes.
 */
export function sharingDeepScopes<T>(read: () => T): T {
  if (sharedScopes) return read();
  sharedScopes = new Map();
  try {
    return read();
  } finally {
    sharedScopes = null;
  }
}

/**
 * Collects `root` and the open shadow roots below it (breadth first, nested
 * roots included). Closed shadow roots are invisible to scripts and skipped.
 */
export function deepScope(root: Root, limits: DeepLimits = {}): DeepScope {
  if (!sharedScopes || limits.maxElements !== undefined || limits.maxShadowRoots !== undefined) return walkScope(root, limits);
  let scope = sharedScopes.get(root);
  if (!scope) {
    scope = walkScope(root, limits);
    sharedScopes.set(root, scope);
  }
  return scope;
}

function walkScope(root: Root, limits: DeepLimits): DeepScope {
  const maxElements = limits.maxElements ?? DEFAULT_LIMITS.maxElements;
  const maxShadowRoots = limits.maxShadowRoots ?? DEFAULT_LIMITS.maxShadowRoots;
  const roots: Root[] = [root];
  let visited = 0;
  let truncated = false;
  try {
    // A shadow host's own shadow root counts when the scope starts at the host.
    const own = root.nodeType === 1 ? (root as Element).shadowRoot : null;
    if (own) roots.push(own);
    for (let i = 0; i < roots.length; i += 1) {
      // One native query for the tree's elements (document order, the root itself left out, as a
      // TreeWalker would visit them) costs far less than a TreeWalker step per element: this runs
      // once per read on cold code, over every element of the record.
      const elements = (roots[i] as Root).querySelectorAll('*');
      for (let e = 0, count = elements.length; e < count; e += 1) {
        visited += 1;
        if (visited > maxElements) return { roots, truncated: true };
        const shadow = (elements[e] as Element).shadowRoot;
        if (shadow) {
          if (roots.length > maxShadowRoots) return { roots, truncated: true };
          roots.push(shadow);
        }
      }
    }
  } catch {
    truncated = true;
  }
  return { roots, truncated };
}

/**
 * A scope of `root` alone: no walk looking for shadow roots, for pages and
 * shells that render none (React and Lyte apps, the Aura and UCI shells).
 */
export function lightScope(root: Root): DeepScope {
  return { roots: [root], truncated: false };
}

/** A scope's shadow roots, and the same grouped by the tree their host is in (each group in document order). */
interface ShadowIndex {
  shadowRoots: Set<Node>;
  byHostTree: Map<Node, ShadowRoot[]>;
}
const shadowIndexes = new WeakMap<DeepScope, ShadowIndex>();

function shadowIndex(scope: DeepScope): ShadowIndex {
  let index = shadowIndexes.get(scope);
  if (!index) {
    index = { shadowRoots: new Set(), byHostTree: new Map() };
    // roots[0] is where the scope starts; the rest are shadow roots, found tree by tree in
    // document order, so each group comes out in document order too.
    for (let i = 1; i < scope.roots.length; i += 1) {
      const shadow = scope.roots[i] as ShadowRoot;
      index.shadowRoots.add(shadow);
      const tree = shadow.host.getRootNode();
      const group = index.byHostTree.get(tree);
      if (group) group.push(shadow);
      else index.byHostTree.set(tree, [shadow]);
    }
    shadowIndexes.set(scope, index);
  }
  return index;
}

/** True when `element` is in the part of the page `scope` covers: its start's subtree, or one of its shadow roots. */
function covers(scope: DeepScope, element: Element): boolean {
  const start = scope.roots[0];
  if (!start) return false;
  const tree = element.getRootNode();
  if (start.nodeType === 1 ? (start as Element).contains(element) : start === tree) return true;
  return scope.roots.length > 1 && shadowIndex(scope).shadowRoots.has(tree);
}

/** Index of the first host in `hosts` (document order) that is `element` or comes after it. */
function firstHostFrom(hosts: readonly ShadowRoot[], element: Element): number {
  let low = 0;
  let high = hosts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const candidate = (hosts[middle] as ShadowRoot).host;
    if (candidate === element || (element.compareDocumentPosition(candidate) & 4) /* FOLLOWING */) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The part of `scope` inside `element`: `element` and the open shadow roots
 * below it, taken from the roots `scope` already found instead of walking
 * `element`'s subtree again. What `deepScope(element)` would give, in the same
 * order, at the cost of a lookup: a reader queries inside hundreds of fields
 * of one record, and walking each field for shadow roots was most of its time.
 * A scope that found no shadow root gives a light scope. An element outside
 * the scope, or a scope cut short by its limits, is walked as before.
 */
export function within(scope: DeepScope, element: Element, limits?: DeepLimits): DeepScope {
  if (scope.truncated || !covers(scope, element)) return deepScope(element, limits);
  if (scope.roots.length === 1) return lightScope(element);
  const index = shadowIndex(scope).byHostTree;
  const roots: Root[] = [element];
  // Shadow roots whose host is `element` or inside it, in its own tree: a contiguous run in document order.
  const sameTree = index.get(element.getRootNode()) ?? [];
  for (let i = firstHostFrom(sameTree, element); i < sameTree.length; i += 1) {
    const shadow = sameTree[i] as ShadowRoot;
    if (shadow.host !== element && !element.contains(shadow.host)) break;
    roots.push(shadow);
  }
  // Then, breadth first as deepScope walks, every shadow root hosted inside one already taken.
  for (let i = 1; i < roots.length; i += 1) roots.push(...(index.get(roots[i] as ShadowRoot) ?? []));
  return { roots, truncated: false };
}

function scopeOf(target: Root | DeepScope, limits?: DeepLimits): DeepScope {
  return isScope(target) ? target : deepScope(target, limits);
}

function safeQueryAll(root: Root, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return []; // unsupported or invalid selector: no match, not an exception
  }
}

/**
 * querySelectorAll across open shadow roots. A selector is matched inside one
 * tree at a time: combinators do not cross a shadow boundary, as in CSS.
 * Order: light DOM matches first, then each shadow root's, breadth first.
 */
export function deepQueryAll(target: Root | DeepScope, selector: string, limits?: DeepLimits): Element[] {
  const out: Element[] = [];
  for (const root of scopeOf(target, limits).roots) out.push(...safeQueryAll(root, selector));
  return out;
}

/** querySelector across open shadow roots (first match in `deepQueryAll` order). */
export function deepQuery(target: Root | DeepScope, selector: string, limits?: DeepLimits): Element | null {
  const scope = isScope(target) ? target : null;
  if (!scope) {
    // Cheap path: most pages (LWC synthetic shadow) answer from the light DOM.
    try {
      const light = (target as Root).querySelector(selector);
      if (light) return light;
    } catch {
      return null;
    }
  }
  for (const root of scopeOf(target, limits).roots) {
    try {
      const found = root.querySelector(selector);
      if (found) return found;
    } catch {
      return null;
    }
  }
  return null;
}

/** Selector variants for one thing on the page, the current markup first and older markup after. */
export type Variants = readonly string[];

/** The first element matched by the first variant that matches anything, with that variant's index. */
export function firstMatch(target: Root | DeepScope, variants: Variants, limits?: DeepLimits): { element: Element; variant: number } | null {
  const scope = scopeOf(target, limits);
  for (let i = 0; i < variants.length; i += 1) {
    const element = deepQuery(scope, variants[i] as string);
    if (element) return { element, variant: i };
  }
  return null;
}

/** All elements of the first variant that matches anything (variants are alternatives). */
export function allOfFirstMatch(target: Root | DeepScope, variants: Variants, limits?: DeepLimits): Element[] {
  const scope = scopeOf(target, limits);
  for (const variant of variants) {
    const found = deepQueryAll(scope, variant);
    if (found.length > 0) return found;
  }
  return [];
}

/** Every element matched by any variant, each once, in variant order (variants are complementary). */
export function allMatches(target: Root | DeepScope, variants: Variants, limits?: DeepLimits): Element[] {
  const scope = scopeOf(target, limits);
  const seen = new Set<Element>();
  const out: Element[] = [];
  for (const variant of variants) {
    for (const element of deepQueryAll(scope, variant)) {
      if (!seen.has(element)) {
        seen.add(element);
        out.push(element);
      }
    }
  }
  return out;
}

/** The first element of the first variant that has one `accept` takes (variants are alternatives, best first). */
export function firstAccepted(target: Root | DeepScope, variants: Variants, accept: (element: Element) => boolean, limits?: DeepLimits): Element | null {
  const scope = scopeOf(target, limits);
  for (const variant of variants) {
    for (const element of deepQueryAll(scope, variant)) if (accept(element)) return element;
  }
  return null;
}

/** `element.closest()` for the first variant that has such an ancestor (or is `element`); invalid selectors match nothing. */
export function closestMatch(element: Element, variants: Variants): Element | null {
  for (const variant of variants) {
    try {
      const found = element.closest(variant);
      if (found) return found;
    } catch {
      // unsupported selector: no match
    }
  }
  return null;
}

/** The slot a light child of a shadow host is rendered in (by its `slot` name), or null. */
function slotOf(node: Node): HTMLSlotElement | null {
  if (node.nodeType !== 1) return null;
  const assigned = (node as Element).assignedSlot;
  if (assigned !== undefined) return assigned; // browsers
  const shadow = node.parentElement?.shadowRoot; // DOM implementations without assignedSlot
  if (!shadow) return null;
  const name = (node as Element).getAttribute('slot') ?? '';
  return Array.from(shadow.querySelectorAll('slot')).find((s) => (s.getAttribute('name') ?? '') === name) ?? null;
}

/** The element's parent in the rendered (flat) tree: its slot, its parent, or its shadow host. */
export function composedParent(node: Node): Element | null {
  const slot = slotOf(node);
  if (slot) return slot;
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  if (parent && parent.nodeType === 11) return (parent as ShadowRoot).host ?? null;
  return null;
}

/** `element.closest(selector)` that continues through shadow hosts; bounded by `maxSteps` ancestors. */
export function closestDeep(element: Element, selector: string, maxSteps = 200): Element | null {
  let node: Element | null = element;
  for (let steps = 0; node && steps < maxSteps; steps += 1) {
    try {
      if (node.matches(selector)) return node;
    } catch {
      return null;
    }
    node = node.parentElement ?? (node.parentNode?.nodeType === 11 ? (node.parentNode as ShadowRoot).host : null);
  }
  return null;
}

/**
 * True when the element is rendered: connected, and neither it nor an
 * ancestor (through shadow hosts and slots) is `display: none` or `hidden`,
 * not left out of its host's shadow tree (no slot), and not
 * `visibility: hidden`. This is what tells Lightning's active
 * view from the cached ones it keeps in the DOM. Layout-free on purpose, so it
 * works the same in tests and never forces a reflow.
 */
export function isRendered(element: Element, maxSteps = 500): boolean {
  try {
    if (!element.isConnected) return false;
    const view = element.ownerDocument?.defaultView;
    let node: Element | null = element;
    for (let steps = 0; node && steps < maxSteps; steps += 1) {
      if (node.hasAttribute('hidden')) return false;
      // A light child of a shadow host is rendered only through a slot.
      if (node.parentElement?.shadowRoot && !slotOf(node)) return false;
      if (view) {
        const style = view.getComputedStyle(node);
        if (style.display === 'none') return false;
        if (steps === 0 && (style.visibility === 'hidden' || style.visibility === 'collapse')) return false;
      }
      node = composedParent(node);
    }
    return true;
  } catch {
    return false;
  }
}

// Elements whose text is not part of a displayed value: code, templates,
// buttons ("Edit Stage", "Change Owner"), form controls (read by
// `controlValue`), the fallback content of embedded media (shown only where
// the media cannot be), screen-reader-only labels and decoration marked
// aria-hidden (avatar initials, icons).
const SKIPPED_TAGS = new Set([
  'script', 'style', 'template', 'noscript', 'button', 'svg', 'input', 'select', 'textarea',
  'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
]);
const SKIPPED_CLASSES = ['slds-assistive-text', 'assistiveText', 'slds-hide'];

/** True for an element whose text is not part of what its parent displays. */
function isSkipped(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.localName) || element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const classes = element.classList;
  return SKIPPED_CLASSES.some((c) => classes.contains(c));
}
const BLOCK_TAGS = new Set(['div', 'p', 'br', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'td', 'th', 'table', 'section', 'article', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export interface TextLimits {
  /** Nodes visited. */
  maxNodes?: number;
  /** Raw characters gathered before collapsing. */
  maxChars?: number;
}

/**
 * The text a user sees in `element`, read from the rendered tree: an open
 * shadow root replaces its host's children, a `<slot>` shows what is assigned
 * to it (or its fallback). Whitespace collapsed, cut at MAX_TEXT; "" for no
 * element. Text only: markup in the page comes out as literal characters,
 * never as HTML.
 */
export function visibleText(element: Element | null | undefined, limits: TextLimits = {}): string {
  if (!element) return '';
  // Most values are one text node in a plain element: its text is the rendered text, without the walk.
  const only = element.firstChild;
  if (only && only === element.lastChild && only.nodeType === 3 && !element.shadowRoot && element.localName !== 'slot') {
    return cleanText(only.nodeValue);
  }
  return cleanText(renderedText(element, limits, ' '));
}

/**
 * The lines a user sees in `element` ("Owner: Ana<br>Stage: Won"): as
 * `visibleText`, but a line ends at each `<br>` and block boundary rather than
 * at a space. Lines are whitespace-collapsed; blank lines are left out.
 */
export function visibleLines(element: Element, limits: TextLimits = {}): string[] {
  return renderedText(element, limits, '\n').split('\n').map(collapseWhitespace).filter(Boolean);
}

/**
 * The raw text of the rendered tree under `element`, `blockBreak` at each
 * block boundary. With '\n' as the break, newlines inside text nodes become
 * spaces: in HTML they are spaces, not line ends.
 */
function renderedText(element: Element, limits: TextLimits, blockBreak: ' ' | '\n'): string {
  const maxNodes = limits.maxNodes ?? 20_000;
  const maxChars = limits.maxChars ?? 64_000;
  const parts: string[] = [];
  let chars = 0;
  let nodes = 0;
  try {
    // Iterative walk (a hostile page can nest deeper than the JS stack).
    // `null` on the stack marks the end of a block element.
    const stack: (Node | null)[] = [element];
    while (stack.length > 0 && nodes < maxNodes && chars < maxChars) {
      const node = stack.pop();
      if (node === null) {
        parts.push(blockBreak);
        continue;
      }
      if (!node) break;
      nodes += 1;
      if (node.nodeType === 3) {
        const value = node.nodeValue ?? '';
        parts.push(blockBreak === '\n' ? value.replace(/[\r\n]/g, ' ') : value);
        chars += value.length;
        continue;
      }
      if (node.nodeType !== 1 && node.nodeType !== 11) continue;
      let children: ArrayLike<Node> = node.childNodes;
      if (node.nodeType === 1) {
        const el = node as Element;
        const tag = el.localName;
        if (el !== element && isSkipped(el)) continue;
        if (BLOCK_TAGS.has(tag)) parts.push(blockBreak);
        if (el.shadowRoot) children = el.shadowRoot.childNodes;
        else if (tag === 'slot' && el.getRootNode() !== el.ownerDocument) {
          const assigned = (el as HTMLSlotElement).assignedNodes?.() ?? [];
          if (assigned.length > 0) children = assigned;
        }
      }
      // Push in reverse so the first child is read first; a block boundary
      // becomes a space so "Street" + "City" does not read "StreetCity".
      if (node.nodeType === 1 && BLOCK_TAGS.has((node as Element).localName)) stack.push(null);
      for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as Node);
    }
  } catch {
    // Keep what was read so far.
  }
  return parts.join('');
}

/**
 * The value of a label/value row: the visible text after the label, from the
 * label's own level up to the row (the value may sit beside the label or
 * beside a wrapper of it). Buttons and hidden siblings are not part of it.
 * Without a label, the row's text.
 */
export function textAfterLabel(row: Element, label: Element | null): string {
  if (!label || label === row || !row.contains(label)) return label ? '' : visibleText(row);
  let node: Element = label;
  for (let level = 0; level < 20; level += 1) {
    const parts: string[] = [];
    let siblings = 0;
    for (let next = node.nextSibling; next && siblings < 50; next = next.nextSibling, siblings += 1) {
      if (next.nodeType === 3) parts.push(next.nodeValue ?? '');
      if (next.nodeType === 1 && !isSkipped(next as Element)) parts.push(visibleText(next as Element));
    }
    const value = cleanText(parts.join(' '));
    const parent: Element | null = node.parentElement;
    if (value || !parent || parent === row || node === row) return value;
    node = parent;
  }
  return '';
}

// --- Tables and grids ------------------------------------------------------------

const CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader', 'columnheader']);
// Zoho's Lyte tables are custom elements (lyte-table > lyte-thead/lyte-tbody > lyte-tr > lyte-th/lyte-td) without ARIA roles.
const CELL_TAGS = new Set(['td', 'th', 'lyte-td', 'lyte-th']);
/** Tables and grids whose rows `labelledCells` reads (exported for the enricher's contact lists). */
export const TABLES = 'table, lyte-table, [role="grid"], [role="table"], [role="treegrid"]';

/** The cells of a table row, Lyte table row or ARIA row, in order. */
export function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((cell) => CELL_TAGS.has(cell.localName) || CELL_ROLES.has(cell.getAttribute('role') ?? ''));
}

/** A header cell's column name: its `title`, else its `aria-label`, else its text (sort buttons and icons carry the assistive text). */
export function headerName(header: Element): string {
  return cleanText(header.getAttribute('title')) || cleanText(header.getAttribute('aria-label')) || visibleText(header);
}

/**
 * The header cells of the table or grid `row` belongs to: `thead th` (a Lyte
 * table's `lyte-thead lyte-th`), a row of `th[scope=col]`, or ARIA column
 * headers; [] when there are none.
 */
function headerCellsFor(row: Element): Element[] {
  const table = row.closest(TABLES);
  if (!table) return [];
  const theadRow = table.querySelector(':scope > thead > tr, lyte-thead > lyte-tr');
  if (theadRow && theadRow.closest(TABLES) === table) return theadRow === row ? [] : cellsOf(theadRow);
  const header = table.querySelector('th[scope="col"], [role="columnheader"]');
  const headerRow = header?.parentElement;
  return headerRow && headerRow !== row && headerRow.closest(TABLES) === table ? cellsOf(headerRow) : [];
}

/**
 * Each cell of `row` with its column's name: the cell's own `data-label` (a
 * Lightning datatable), else the header cell at the same position (pages
 * saved from real orgs carry the column names only on `th[scope=col]`).
 * A cell spanning several columns takes the first one's name.
 */
export function labelledCells(row: Element): [label: string, cell: Element][] {
  const cells = cellsOf(row);
  let headers: string[] | undefined;
  const out: [string, Element][] = [];
  let column = 0;
  for (const cell of cells) {
    let label = cleanText(cell.getAttribute('data-label'));
    if (!label) {
      headers ??= headerCellsFor(row).flatMap((header) => Array<string>(Math.max(1, Number(header.getAttribute('colspan')) || 1)).fill(headerName(header)));
      label = headers[column] ?? '';
    }
    out.push([label, cell]);
    column += Math.max(1, Number(cell.getAttribute('colspan')) || 1);
  }
  return out;
}

// --- Form controls ----------------------------------------------------------------

const FORM_CONTROLS = new Set(['input', 'select', 'textarea']);
/** Inputs that show no value worth reading (buttons, search boxes, radios), or one never to read (passwords). */
const UNREAD_INPUTS = new Set(['hidden', 'password', 'submit', 'reset', 'button', 'image', 'file', 'search', 'radio']);
/** Characters of a control's value read at the most, before collapsing and cutting at MAX_TEXT. */
const MAX_CONTROL_VALUE = 64_000;

export function isFormControl(element: Element): boolean {
  return FORM_CONTROLS.has(element.localName);
}

/**
 * What a form control shows: an input's or textarea's value, the text of a
 * select's chosen options (", " between several), "true"/"false" for a
 * checkbox. Null for an element that is not a form control and for inputs
 * not to read (see UNREAD_INPUTS). Edit-mode forms (Odoo 16+, a field being
 * edited) keep their values here, where `visibleText` does not look.
 */
export function controlValue(control: Element): string | null {
  const tag = control.localName;
  if (tag === 'input') {
    const input = control as HTMLInputElement;
    const type = (input.getAttribute('type') ?? 'text').toLowerCase();
    if (UNREAD_INPUTS.has(type)) return null;
    if (type === 'checkbox') return String(Boolean(input.checked));
    return cleanText(String(input.value ?? '').slice(0, MAX_CONTROL_VALUE));
  }
  if (tag === 'textarea') return cleanText(String((control as HTMLTextAreaElement).value ?? '').slice(0, MAX_CONTROL_VALUE));
  if (tag === 'select') {
    const options = Array.from((control as HTMLSelectElement).options ?? []).filter((option) => option.selected);
    return cleanText(options.map((option) => collapseWhitespace(option.text ?? '')).join(', '));
  }
  return null;
}

/** The value an element shows: a form control's value, else its visible text, else the value of the one control inside it (an input in a cell). */
export function displayedValue(element: Element): string {
  if (isFormControl(element)) return controlValue(element) ?? '';
  const text = visibleText(element);
  if (text) return text;
  const controls = element.querySelectorAll('input,select,textarea');
  return controls.length === 1 ? (controlValue(controls[0] as Element) ?? '') : '';
}
