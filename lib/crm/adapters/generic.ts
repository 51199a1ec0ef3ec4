import type { CrmAdapter, Extraction, RecordRef } from '../adapter';
import { controlValue, deepScope, displayedValue, isFormControl, isRendered, visibleLines, visibleText, type DeepScope } from '../dom';
import { MAX_CONTACTS, MAX_FIELDS } from '../limits';
import { cleanText, collapseWhitespace, displayLabel, normaliseLabel } from '../parse';
import type { ExpectedPart, RecordContact, RecordField } from '../snapshot';
import { PART_ORDER, attempt, contactFromPairs, emptyExtraction, extractionOf, mergeFields } from './common';

// Best-effort reader for any page the user enables, and for the CRMs users
// define themselves (custom-crm.ts validates those definitions; this file
// holds the part the content script runs, so it imports no zod).
//
// URL -> record ref: the last id-looking segment of the hash route or path,
// or an `id` query parameter. Page -> fields: label/value pairs found the way
// browsers find the label of a form control:
// - Chromium's autofill label inference (components/autofill/content/renderer/
//   form_autofill_util.cc: InferLabelForElement and its InferLabelFromDefinitionList,
//   InferLabelFromTableRow, InferLabelFromPrevious): dt -> dd, th -> td in a row,
//   the label just before its value;
// - the W3C accessible name computation (Accessible Name and Description
//   Computation 1.2, step 2B aria-labelledby, 2C aria-label, 2D the native
//   label: label[for] and the label wrapping a control, 2I title).
// No dependency on dom-accessibility-api: only those few steps are needed.
// Every pair found is a field; well-known parts (name, stage…) are then picked
// by their labels in English and Chinese. Nothing here writes to the page or throws.

// --- Record ids in URLs -----------------------------------------------------------

const OBJECT_TYPE = /^[A-Za-z0-9_]{1,80}$/;
const UUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;
/** Query parameters that name the record (compared case-insensitively). */
const ID_PARAMS = new Set(['id', 'recordid', 'record_id']);
/** Query parameters that name the record's type: Odoo `model`, SuiteCRM `module`, Dynamics `etn`. */
const TYPE_PARAMS = ['model', 'module', 'etn', 'entity'];
/** Path segments that name a view of the record, not its type (`#Opportunity/view/{id}`, `/deals/{id}/edit`). */
const ACTION_SEGMENTS = new Set(['view', 'show', 'detail', 'details', 'edit', 'record', 'records', 'r', 'read', 'display', 'overview', 'info']);

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The record id a URL segment holds, or null: digits (1–20), a UUID/GUID
 * (braces dropped), or 6–64 letters and digits with at least one letter and
 * two digits ("5f1a2b3c4d5e6f708", "DL10442"). Two digits rather than one keep
 * words such as "oauth2" or "step1b" out.
 */
export function recordIdOf(segment: string): string | null {
  const s = decode(segment).trim();
  if (/^\d{1,20}$/.test(s)) return s;
  const uuid = UUID.exec(s);
  if (uuid) return uuid[1] as string;
  if (/^[A-Za-z0-9]{6,64}$/.test(s) && /[A-Za-z]/.test(s) && (s.match(/\d/g)?.length ?? 0) >= 2) return s;
  return null;
}

/**
 * A path segment or type parameter as an object type (`sales-deals` -> `sales_deals`,
 * Odoo's `crm.lead` -> `crm_lead` when `dots`), or null when it is no type name
 * (a file such as `index.php`, a number, a view word).
 */
function objectTypeOf(segment: string, dots = false): string | null {
  const s = decode(segment).trim().replace(dots ? /[-.]/g : /-/g, '_');
  if (!OBJECT_TYPE.test(s) || /^\d+$/.test(s) || ACTION_SEGMENTS.has(s.toLowerCase())) return null;
  return s;
}

/** The object type before `index` in `segments`: view words are skipped, anything else ends the search. */
function typeBefore(segments: readonly string[], index: number): string {
  for (let i = index - 1; i >= 0; i -= 1) {
    const segment = segments[i] as string;
    if (ACTION_SEGMENTS.has(decode(segment).toLowerCase())) continue;
    return objectTypeOf(segment) ?? 'record';
  }
  return 'record';
}

function refInSegments(segments: readonly string[]): RecordRef | null {
  for (let i = segments.length - 1; i >= 0; i -= 1) {
    const recordId = recordIdOf(segments[i] as string);
    if (recordId) return { objectType: typeBefore(segments, i), recordId };
  }
  return null;
}

/** The record named by `id`/`recordId`/`record_id`; its type from a type parameter or the path. */
function refInParams(params: URLSearchParams, pathSegments: readonly string[]): RecordRef | null {
  for (const [key, value] of params) {
    if (!ID_PARAMS.has(key.toLowerCase())) continue;
    const recordId = recordIdOf(value);
    if (!recordId) continue;
    for (const name of TYPE_PARAMS) {
      const type = objectTypeOf(params.get(name) ?? '', true);
      if (type) return { objectType: type, recordId };
    }
    // The path's last segment that is neither a view word nor an id (`/deals/view?id=42` -> deals).
    const words = pathSegments.filter((segment) => !recordIdOf(segment));
    return { objectType: typeBefore(words, words.length), recordId };
  }
  return null;
}

const segmentsOf = (path: string) => path.split('/').filter((segment) => segment.length > 0);

/**
 * The record a URL points at, or null when it names none (list, home, settings).
 * Tried in order: the hash route (`#/deals/123`, EspoCRM `#Opportunity/view/{id}`,
 * Odoo's legacy `#id=42&model=crm.lead`), because a hash-routed app's path is only
 * its shell; then `id`, `recordId` or `record_id` in the query; then the path's
 * last id-looking segment. A plain anchor (`#notes`, `#12`) is no route.
 */
export function recognizeGenericUrl(url: URL): RecordRef | null {
  try {
    const path = segmentsOf(url.pathname);
    const hash = url.hash.replace(/^#!?/, '');
    if (hash) {
      const [route = '', query = ''] = hash.split('?', 2);
      const routeSegments = segmentsOf(route);
      const fromHashQuery = refInParams(new URLSearchParams(route.includes('=') ? route : query), route.includes('=') ? path : routeSegments);
      if (fromHashQuery) return fromHashQuery;
      if (route.includes('/')) {
        const fromRoute = refInSegments(routeSegments);
        if (fromRoute) return fromRoute;
      }
    }
    return refInParams(url.searchParams, path) ?? refInSegments(path);
  } catch {
    return null;
  }
}

// --- The record in view ---------------------------------------------------------------

/** `main`, else `[role=main]` (the first rendered one), else the body. The generic reader cannot tell records apart. */
export function findGenericRecordRoot(doc: Document): Element | null {
  try {
    for (const selector of ['main', '[role=main]']) {
      for (const element of Array.from(doc.querySelectorAll(selector))) if (isRendered(element)) return element;
    }
    return doc.body ?? null;
  } catch {
    return null;
  }
}

// --- Label/value pairs ------------------------------------------------------------------

/** A label longer than this is prose, not a label. */
const MAX_LABEL = 200;
/** Elements visited per read; a giant page is read up to here. */
const MAX_WALK = 50_000;
const API_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

const NOT_READ = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'button']);
/** Elements that are containers or widgets, never one labelled value (for aria-label/-labelledby). */
const NOT_VALUES = new Set(['a', 'nav', 'header', 'footer', 'aside', 'section', 'article', 'main', 'form', 'fieldset', 'table', 'ul', 'ol', 'dl', 'img', 'dialog', 'details', 'body', 'label']);
const NOT_VALUE_ROLES = new Set([
  'navigation', 'region', 'banner', 'main', 'complementary', 'contentinfo', 'search', 'form', 'group', 'button', 'link', 'img',
  'dialog', 'alertdialog', 'menu', 'menubar', 'menuitem', 'tablist', 'tab', 'tabpanel', 'toolbar', 'list', 'tree', 'grid', 'table',
  'heading', 'presentation', 'none', 'tooltip', 'progressbar', 'separator',
]);
/** Descendants that make an element more than one short run of text. */
const STRUCTURE_TAGS = new Set(
  'div p li ul ol dl dt dd table tr td th section article header footer aside nav form fieldset h1 h2 h3 h4 h5 h6 label input select textarea main details blockquote pre hr'.split(' '),
);
/** Blocks whose "Key: value" lines are read. */
const KEY_VALUE_BLOCKS = new Set(['p', 'li', 'div', 'span', 'small', 'address', 'td']);
/** "Key: value" with a space after ":" (so "10:30" and "https://" are not pairs) or a full-width "：". */
const KEY_VALUE = /^([^:：]{1,40}?)\s*(?::\s+|：\s*)(.+)$/u;

function byId(element: Element, id: string): Element | null {
  const root = element.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}

/** W3C accname step 2B: the text of the elements `aria-labelledby` names, in its order. */
function labelledByText(element: Element, used: Element[]): string {
  const ids = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean).slice(0, 10);
  const parts: string[] = [];
  for (const id of ids) {
    const labelElement = byId(element, id);
    if (!labelElement || labelElement === element) continue;
    used.push(labelElement);
    parts.push(visibleText(labelElement));
  }
  return cleanText(parts.join(' '));
}

/**
 * True when `element` holds only a short run of inline content: no structure
 * inside, at most 200 descendant elements and 4 000 characters. Bounded, so a
 * deep or wide page costs little per element.
 */
function isShortLeaf(element: Element): boolean {
  const stack: Node[] = Array.from(element.childNodes);
  let nodes = 0;
  let chars = 0;
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    nodes += 1;
    if (nodes > 200) return false;
    if (node.nodeType === 3) {
      chars += (node.nodeValue ?? '').length;
      if (chars > 4_000) return false;
      continue;
    }
    if (node.nodeType !== 1) continue;
    if (STRUCTURE_TAGS.has((node as Element).localName)) return false;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i += 1) stack.push(children[i] as Node);
  }
  return true;
}

/** A "Key: value" line's key must read like a label: a letter, at most five words, no sentence punctuation. */
function isKey(key: string): boolean {
  return /\p{L}/u.test(key) && !/\d$/.test(key) && !/[.!?;<>=]/.test(key) && key.split(' ').length <= 5;
}

/**
 * The text just before a control that has no accessible name, as Chromium's
 * InferLabelFromPrevious reads it: the previous non-blank text node, or the
 * previous element when it is a short run of text (not a control, not
 * another control's label).
 */
function textBefore(control: Element): [string, Element] | null {
  for (let node = control.previousSibling, steps = 0; node && steps < 10; node = node.previousSibling, steps += 1) {
    if (node.nodeType === 3) {
      const text = collapseWhitespace(node.nodeValue ?? '');
      if (text) return [text, control];
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (element.localName === 'br') continue;
    if (isFormControl(element) || (element.localName === 'label' && element.hasAttribute('for')) || !isShortLeaf(element)) return null;
    const text = visibleText(element);
    return text ? [text, element] : null;
  }
  return null;
}

function sharedApiName(a: Element, b: Element): string | undefined {
  for (const attribute of ['data-name', 'data-field']) {
    const name = a.getAttribute(attribute);
    if (name && name === b.getAttribute(attribute) && API_NAME.test(name)) return name;
  }
  return undefined;
}

/**
 * Finds label/value pairs under `root` in page order. One walk over the
 * rendered tree (open shadow roots included, bounded by MAX_WALK); an element
 * used as a label or a value is not read again.
 */
class PairReader {
  readonly pairs: RecordField[] = [];
  private readonly used = new Set<Element>();
  private readonly labelsFor = new Map<Node, Map<string, Element[]>>();

  constructor(skip: Iterable<Element> = []) {
    for (const element of skip) this.used.add(element);
  }

  read(root: Element): RecordField[] {
    const stack: Element[] = [root];
    let visited = 0;
    while (stack.length > 0 && visited < MAX_WALK && this.pairs.length < MAX_FIELDS * 2) {
      const element = stack.pop() as Element;
      visited += 1;
      if (this.used.has(element) || NOT_READ.has(element.localName)) continue;
      if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') continue;
      if (this.visit(element)) continue;
      const children: Element[] = [];
      if (element.shadowRoot) children.push(...Array.from(element.shadowRoot.children));
      children.push(...Array.from(element.children));
      for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as Element);
    }
    return this.pairs;
  }

  /** Reads `element` as a label/value structure; true when its subtree is done with. */
  private visit(element: Element): boolean {
    const tag = element.localName;
    if (isFormControl(element)) {
      this.control(element);
      return true;
    }
    if (tag === 'dt') return this.definition(element);
    if (tag === 'tr') return this.tableRow(element);
    if (tag === 'label' && this.label(element)) return true;
    if ((element.hasAttribute('aria-labelledby') || element.hasAttribute('aria-label')) && this.ariaLabelled(element)) return true;
    if (KEY_VALUE_BLOCKS.has(tag)) return this.keyValueLines(element);
    return false;
  }

  /**
   * Keeps a pair whose value element is rendered. The label element must be
   * rendered too, except for an aria-labelledby label (accname reads hidden ones).
   */
  private add(label: string, value: string, labelElement: Element, valueElement: Element, options: { apiName?: string; hiddenLabel?: boolean } = {}): void {
    const shown = displayLabel(label);
    if (!shown || shown.length > MAX_LABEL) return;
    if (!isRendered(valueElement)) return;
    if (labelElement !== valueElement && !options.hiddenLabel && !isRendered(labelElement)) return;
    this.used.add(labelElement);
    this.used.add(valueElement);
    const pair: RecordField = { label: cleanText(shown), value: cleanText(value) };
    if (options.apiName) pair.apiName = options.apiName;
    this.pairs.push(pair);
  }

  /**
   * Form controls: accname order, aria-labelledby > aria-label > label[for] /
   * wrapping label > title; then, as Chromium's autofill, the text before it.
   */
  private control(control: Element): void {
    const value = controlValue(control);
    if (value === null || control.closest('[role=search]')) return;
    const used: Element[] = [];
    let label = labelledByText(control, used);
    let labelElement: Element = control;
    if (!label) label = cleanText(control.getAttribute('aria-label'));
    if (!label) {
      const labels = [...this.labelsOf(control), control.closest('label')].filter((l): l is Element => Boolean(l));
      const first = labels.find((l) => !this.used.has(l) && visibleText(l));
      if (first) {
        label = visibleText(first);
        labelElement = first;
      }
    }
    if (!label) label = cleanText(control.getAttribute('title'));
    if (!label) {
      const before = textBefore(control);
      if (before) [label, labelElement] = before;
    }
    const name = control.getAttribute('name') ?? '';
    this.add(label, value, labelElement, control, { apiName: API_NAME.test(name) ? name : undefined });
    for (const element of used) this.used.add(element);
  }

  /** `label[for]` elements pointing at the control, looked up once per document or shadow root. */
  private labelsOf(control: Element): Element[] {
    const id = control.getAttribute('id');
    if (!id) return [];
    const root = control.getRootNode();
    let map = this.labelsFor.get(root);
    if (!map) {
      map = new Map();
      const all = typeof (root as ParentNode).querySelectorAll === 'function' ? (root as ParentNode).querySelectorAll('label[for]') : [];
      for (const label of Array.from(all)) {
        const key = label.getAttribute('for') ?? '';
        map.set(key, [...(map.get(key) ?? []), label]);
      }
      this.labelsFor.set(root, map);
    }
    return map.get(id) ?? [];
  }

  /** dt -> the dd elements after it, up to the next dt (Chromium: InferLabelFromDefinitionList). */
  private definition(dt: Element): boolean {
    const dds: Element[] = [];
    for (let sibling = dt.nextElementSibling; sibling && sibling.localName !== 'dt'; sibling = sibling.nextElementSibling) {
      if (sibling.localName === 'dd' && isRendered(sibling)) dds.push(sibling);
    }
    if (dds.length === 0) return false;
    const value = dds.map(displayedValue).filter(Boolean).join(', ');
    this.add(visibleText(dt), value, dt, dds[0] as Element);
    for (const dd of dds) this.used.add(dd);
    return true;
  }

  /**
   * A row of label/value cells (Chromium: InferLabelFromTableRow): th + td, or
   * td + td where the first ends with ":". Up to four pairs in a row (two-column
   * layouts); a row that is not all pairs is a data row and is left alone.
   */
  private tableRow(row: Element): boolean {
    const cells = Array.from(row.children).filter((cell) => cell.localName === 'td' || cell.localName === 'th');
    if (cells.length === 0 || cells.length % 2 !== 0 || cells.length > 8) return false;
    const pairs: [Element, Element][] = [];
    for (let i = 0; i < cells.length; i += 2) {
      const head = cells[i] as Element;
      const cell = cells[i + 1] as Element;
      if (cell.localName !== 'td' || cell.querySelector('table')) return false;
      if (head.localName === 'td' && !/[:：]\s*$/.test(visibleText(head))) return false;
      pairs.push([head, cell]);
    }
    for (const [head, cell] of pairs) this.add(visibleText(head), displayedValue(cell), head, cell);
    return true;
  }

  /**
   * A label that is not for a control: `label[for]` naming an element that
   * shows the value, or a label followed by its value (EspoCRM's
   * `label.control-label` + `.field`; the mirror of Chromium's InferLabelFromPrevious).
   */
  private label(label: Element): boolean {
    if (label.querySelector('input,select,textarea')) return false; // its control reads it
    const forId = label.getAttribute('for');
    const target = forId ? byId(label, forId) : null;
    if (target && isFormControl(target)) return false;
    const value = target ?? label.nextElementSibling;
    if (!value || value.localName === 'label' || value.querySelector('label') || /^h[1-6]$/.test(value.localName)) return false;
    this.add(visibleText(label), displayedValue(value), label, value, { apiName: sharedApiName(label, value) });
    return true;
  }

  /** A value element named by aria-labelledby or aria-label (accname 2B, 2C); containers and widgets excluded. */
  private ariaLabelled(element: Element): boolean {
    const role = (element.getAttribute('role') ?? '').trim().toLowerCase();
    if (NOT_VALUES.has(element.localName) || NOT_VALUE_ROLES.has(role) || !isShortLeaf(element)) return false;
    const used: Element[] = [];
    const label = labelledByText(element, used) || cleanText(element.getAttribute('aria-label'));
    if (!label) return false;
    this.add(label, visibleText(element), element, element);
    for (const labelElement of used) this.used.add(labelElement);
    return true;
  }

  /**
   * "Key: value" lines of a short block of text (Owner: Priya Raman, 负责人：王芳).
   * A line holding two keys ("Stage: Won Owner: Ana", inline chips) is left to
   * the block's children, which are read one by one.
   */
  private keyValueLines(block: Element): boolean {
    if (!isShortLeaf(block)) return false;
    const found: [string, string][] = [];
    for (const line of visibleLines(block)) {
      const match = KEY_VALUE.exec(line);
      if (!match || !isKey((match[1] as string).trim())) continue;
      if (/:\s|：/.test(match[2] as string)) return false;
      found.push([match[1] as string, match[2] as string]);
    }
    for (const [key, value] of found) this.add(key, value, block, block);
    return found.length > 0;
  }
}

/** Label/value pairs in `root`, deduplicated and capped at MAX_FIELDS. Never throws. */
export function inferFields(root: Element, skip: Iterable<Element> = []): RecordField[] {
  try {
    // A page nobody described reuses labels ("Name" of the deal and of a contact).
    return mergeFields(new PairReader(skip).read(root), { ambiguousLabels: true });
  } catch {
    return [];
  }
}

// --- Well-known parts -----------------------------------------------------------------------

/** Labels of each part, best first (compared after normaliseLabel). */
export const PART_LABELS: Readonly<Record<ExpectedPart, readonly string[]>> = {
  name: ['name', 'deal', 'opportunity', 'subject', 'title', '名称', '商机', '主题', '标题'],
  stage: ['stage', 'status', 'phase', '阶段', '状态'],
  amount: ['amount', 'value', 'deal value', 'expected revenue', '金额', '价值', '预计收入'],
  closeDate: ['close date', 'expected close', 'expected close date', 'closing date', 'expected closing date', '结束日期', '成交日期', '预计成交日期', '预计结束日期'],
  owner: ['owner', 'assigned to', 'assigned user', 'salesperson', 'sales rep', '负责人', '所有人', '销售员'],
  account: ['account', 'company', 'organization', 'organisation', 'customer', 'account name', 'company name', 'organization name', 'customer name', '客户', '公司', '组织', '客户名称', '公司名称', '组织名称'],
};

/** Words naming the record itself: "Deal stage" is the stage, "商机名称" the name. */
const RECORD_PREFIXES = ['deal ', 'opportunity ', 'sales ', '业务机会', '商机', '销售'];

/** The part a label names, with its rank (lower is a better match), or null. */
export function partForLabel(label: string): { part: ExpectedPart; rank: number } | null {
  const key = normaliseLabel(label);
  const candidates = [key];
  for (const prefix of RECORD_PREFIXES) if (key.startsWith(prefix) && key.length > prefix.length) candidates.push(key.slice(prefix.length).trim());
  for (const candidate of candidates) {
    for (const part of PART_ORDER) {
      const rank = PART_LABELS[part].indexOf(candidate);
      if (rank >= 0) return { part, rank };
    }
  }
  return null;
}

/** The value of each part: the best-ranked label with a value, the first in page order on a tie. */
function partsFrom(fields: readonly RecordField[]): Partial<Record<ExpectedPart, string>> {
  const best: Partial<Record<ExpectedPart, { rank: number; value: string }>> = {};
  for (const field of fields) {
    if (!field.value) continue;
    const match = partForLabel(field.label);
    if (!match) continue;
    const current = best[match.part];
    if (!current || match.rank < current.rank) best[match.part] = { rank: match.rank, value: field.value };
  }
  const out: Partial<Record<ExpectedPart, string>> = {};
  for (const part of PART_ORDER) if (best[part]) out[part] = best[part].value;
  return out;
}

function firstHeading(root: Element): string {
  const inRoot = Array.from(root.querySelectorAll('h1'));
  const inDocument = root.ownerDocument ? Array.from(root.ownerDocument.querySelectorAll('h1')) : [];
  for (const heading of [...inRoot, ...inDocument]) {
    if (!isRendered(heading)) continue;
    const text = visibleText(heading);
    if (text) return text;
  }
  return '';
}

// --- User selectors -------------------------------------------------------------------------

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

/** Rendered matches of `selector`, in the record root first and in the whole document after. */
function matchesOf(scopes: readonly (() => DeepScope)[], selector: string): Element[] {
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

const CONTACT_LABELS = {
  name: ['name', 'contact', 'contact name', 'full name', '姓名', '名称', '联系人'],
  title: ['title', 'job title', 'position', '职位', '职务', '头衔'],
  role: ['role', 'contact role', '角色'],
  email: ['email', 'e-mail', 'email address', '邮箱', '电子邮件', '电子邮箱'],
} as const satisfies Readonly<Record<keyof RecordContact, readonly string[]>>;

/** A table row's cells labelled by their column headers (Chromium: InferLabelFromTableColumn). */
function columnFields(row: Element): RecordField[] {
  if (row.localName !== 'tr') return [];
  const table = row.closest('table');
  const headerRow = table?.querySelector('thead tr') ?? table?.querySelector('tr');
  if (!headerRow || headerRow === row) return [];
  const cellsOf = (tr: Element) => Array.from(tr.children).filter((cell) => cell.localName === 'td' || cell.localName === 'th');
  const headers = cellsOf(headerRow).map((cell) => visibleText(cell));
  return cellsOf(row)
    .map((cell, i) => ({ label: headers[i] ?? '', value: displayedValue(cell) }))
    .filter((field) => field.label);
}

/** The address of the element's first mailto: link, "" when it has none. */
function mailtoAddress(element: Element): string {
  const mail = element.querySelector('a[href^="mailto:" i]')?.getAttribute('href') ?? '';
  const address = decode(mail.slice('mailto:'.length).split('?')[0] ?? '').trim();
  return /^[^\s@]{1,64}@[^\s@]{1,255}$/.test(address) ? cleanText(address) : '';
}

/**
 * One contact from an element the user's `contacts` selector matched: its
 * labelled fields; without a labelled e-mail or name, its mailto: link and
 * its heading (or text). Those go after the labelled pairs, where the first
 * value of a column wins.
 */
function contactFrom(element: Element): RecordContact | null {
  const labelled = [...inferFields(element), ...columnFields(element)].map((field) => [field.label, field.value] as const);
  const named = element.querySelector('h1,h2,h3,h4,h5,h6,strong,b,a:not([href^="mailto:" i])');
  const shown = [
    [CONTACT_LABELS.email[0], mailtoAddress(element)],
    [CONTACT_LABELS.name[0], (named && visibleText(named)) || visibleText(element)],
  ] as const;
  return contactFromPairs([...labelled, ...shown], CONTACT_LABELS);
}

// --- Reading a record ---------------------------------------------------------------------

/**
 * Reads the record in `root`. With `selectors`, a part that has one is read
 * from it and only from it (not found -> missing, so a broken selector shows);
 * the other parts are inferred. Never throws.
 */
export function extractGenericRecord(root: Element, selectors: CustomSelectors = {}): Extraction {
  let rootScope: DeepScope | undefined;
  let documentScope: DeepScope | undefined;
  const scopes = [
    () => (rootScope ??= deepScope(root)),
    () => (documentScope ??= root.ownerDocument ? deepScope(root.ownerDocument) : { roots: [], truncated: false }),
  ];
  const contactElements = selectors.contacts ? attempt(() => matchesOf(scopes, selectors.contacts as string), []) : [];
  const fields = inferFields(root, contactElements);
  const inferred = partsFrom(fields);
  const readPart = (part: ExpectedPart): string => {
    const selector = selectors[part];
    if (!selector) return inferred[part] ?? (part === 'name' ? attempt(() => firstHeading(root), '') : '');
    const element = attempt(() => matchesOf(scopes, selector)[0], undefined);
    return element ? attempt(() => displayedValue(element), '') : '';
  };
  return extractionOf({
    parts: {
      name: readPart('name'),
      stage: readPart('stage'),
      amount: readPart('amount'),
      closeDate: readPart('closeDate'),
      owner: readPart('owner'),
      account: readPart('account'),
    },
    fields,
    contacts: attempt(
      () =>
        contactElements
          .slice(0, MAX_CONTACTS)
          .map(contactFrom)
          .filter((c): c is RecordContact => c !== null),
      [],
    ),
  });
}

// --- Adapters ------------------------------------------------------------------------------

export const GENERIC_ADAPTER_ID = 'generic';
export const GENERIC_ADAPTER_LABEL = 'Best-effort reader';

export interface GenericAdapterDefinition {
  /** Adapter id, /^[a-z0-9-]{1,40}$/; default 'generic'. */
  id?: string;
  /** Shown in the panel; default 'Best-effort reader'. Say "best effort" in it. */
  label?: string;
  /** Host match patterns of the pages the user enabled. */
  matches?: readonly string[];
  selectors?: CustomSelectors;
}

/** Only the valid selectors of `selectors` (stored definitions are not trusted in the page). */
function validSelectors(selectors: unknown): CustomSelectors {
  const out: CustomSelectors = {};
  if (typeof selectors !== 'object' || selectors === null) return out;
  for (const key of SELECTOR_KEYS) {
    const selector = (selectors as Record<string, unknown>)[key];
    if (isValidSelector(selector)) out[key] = selector;
  }
  return out;
}

/** The best-effort reader as an adapter. Never throws, whatever the definition holds. */
export function createGenericAdapter(definition: GenericAdapterDefinition = {}): CrmAdapter {
  const def = attempt(() => (typeof definition === 'object' && definition !== null ? definition : {}), {} as GenericAdapterDefinition);
  const id = attempt(() => (typeof def.id === 'string' && /^[a-z0-9-]{1,40}$/.test(def.id) ? def.id : GENERIC_ADAPTER_ID), GENERIC_ADAPTER_ID);
  const label = attempt(() => cleanText(typeof def.label === 'string' ? def.label : '', 120), '') || GENERIC_ADAPTER_LABEL;
  const matches = attempt(() => (Array.isArray(def.matches) ? def.matches.filter((m): m is string => typeof m === 'string') : []), []);
  const selectors = attempt(() => validSelectors(def.selectors), {});
  return {
    id,
    label,
    matches: Object.freeze([...matches]),
    objectTypes: 'any',
    recognize: recognizeGenericUrl,
    findRecordRoot: (doc) => findGenericRecordRoot(doc),
    extract: (root) => attempt(() => extractGenericRecord(root, selectors), emptyExtraction()),
  };
}

/** A CRM the user describes (validated by CustomCrmSchema in custom-crm.ts before it is stored). */
export interface CustomCrmDefinition {
  /** Slug, /^[a-z0-9](?:[a-z0-9-]{0,31}[a-z0-9])?$/; the adapter id is `custom-{id}`. */
  id: string;
  name: string;
  /** One match pattern, https only, path `/*`: "https://crm.example.com/*", "https://*.example.com/*". */
  hostPattern: string;
  selectors?: CustomSelectors;
  createdAt: number;
}

export const CUSTOM_ID = /^[a-z0-9](?:[a-z0-9-]{0,31}[a-z0-9])?$/;
export const CUSTOM_ADAPTER_PREFIX = 'custom-';
/** The match patterns a custom CRM may have (the full check, with messages, is matchPatternForHost). */
const CUSTOM_PATTERN = /^https:\/\/(?:\*\.)?[a-z0-9.-]+\/\*$/;

/**
 * The generic reader for a user-defined CRM: id `custom-{slug}`, labelled with
 * the user's name for it and "best effort", the user's selectors first.
 * Never throws: an invalid definition gives an adapter that matches no host.
 */
export function createCustomAdapter(definition: CustomCrmDefinition): CrmAdapter {
  const def = attempt(() => (typeof definition === 'object' && definition !== null ? definition : ({} as CustomCrmDefinition)), {} as CustomCrmDefinition);
  const slug = attempt(() => (typeof def.id === 'string' && CUSTOM_ID.test(def.id) ? def.id : ''), '');
  const name = attempt(() => cleanText(typeof def.name === 'string' ? def.name : '', 80), '') || 'Custom CRM';
  const pattern = attempt(() => (typeof def.hostPattern === 'string' && CUSTOM_PATTERN.test(def.hostPattern) ? def.hostPattern : ''), '');
  return createGenericAdapter({
    id: slug ? `${CUSTOM_ADAPTER_PREFIX}${slug}` : GENERIC_ADAPTER_ID,
    label: `${name} (best-effort reader)`,
    matches: slug && pattern ? [pattern] : [],
    selectors: attempt(() => def.selectors, undefined),
  });
}
