import { controlValue, displayedValue, isFormControl, isRendered, visibleLines, visibleText } from '@/lib/crm/dom';
import { MAX_FIELDS } from '@/lib/crm/limits';
import { cleanText, collapseWhitespace, displayLabel } from '@/lib/crm/parse';
import type { RecordField } from '@/lib/crm/snapshot';
import { mergeFields } from '@/lib/crm/adapters/common';

// Label/value pairs found the way browsers find the label of a form control:
// - Chromium's autofill label inference (components/autofill/content/renderer/
//   form_autofill_util.cc: InferLabelForElement and its InferLabelFromDefinitionList,
//   InferLabelFromTableRow, InferLabelFromPrevious): dt -> dd, th -> td in a row,
//   the label just before its value;
// - the W3C accessible name computation (Accessible Name and Description
//   Computation 1.2, step 2B aria-labelledby, 2C aria-label, 2D the native
//   label: label[for] and the label wrapping a control, 2I title).
// No dependency on dom-accessibility-api: only those few steps are needed.
// Nothing here writes to the page or throws.

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
