import { inferFields } from '@/lib/crm/adapters/generic/infer-fields';
import { composedParent, deepQueryAll, deepScope, displayedValue, isFormControl, labelledCells, visibleText, type DeepScope } from '@/lib/crm/dom';
import { cleanText, collapseWhitespace, displayLabel, normaliseLabel } from '@/lib/crm/parse';
import type { RecordField } from '@/lib/crm/snapshot';
import { resolveLocator } from './resolve';
import type { RuleLocator } from './schema';
import { isSafeLocator, isSafeRuleLabel, isSafeRuleSelector } from './selector-safety';

export { resolveLocator } from './resolve';

// From the element the user pointed at to a rule that finds the same value on
// the next read of any record of that type: a selector of stable attributes
// (`data-*`, a few `aria-*`, `name`, ids without generated parts) on the value
// or on its nearest such ancestor, with a path of tags below it; else "the
// value beside the label X". Never a class name (CSS-in-JS and build tools
// hash them), never an attribute that carries the value itself or a record's
// data (ids, counters, GUIDs), never page text other than the field's label.
// Every rule is checked the way it will be used: it must pass the safety
// checks and resolve to the value pointed at.

/** Attributes looked at per element: a hostile element may carry thousands. */
const MAX_ATTRIBUTES = 64;
/** Attribute tests kept per element, best first. */
const MAX_TESTS = 6;
/** Ancestors climbed looking for one with a stable attribute. */
const MAX_CLIMB = 6;
/** Ancestors of the clicked element that may hold the same value (a span in a cell in a field). */
const MAX_VALUE_LEVELS = 4;
/** Selectors tried against the page per derivation, so a giant page costs a known maximum. */
const MAX_TRIES = 60;
/** A value longer than this is a block of the page, not one field's value. */
const MAX_VALUE = 300;
const MAX_ATTRIBUTE_VALUE = 100;

// --- What is stable ----------------------------------------------------------------

/** Pieces of a value that a framework or a database made up: counters, hashes, record ids, GUIDs, React's useId. */
const GENERATED = [
  /\d{2,}/, // counters and record ids: ember123, input-42, 0065g00000AbCdE, 1700000000
  /[0-9a-f]{8}-[0-9a-f]{4}/i, // GUIDs
  /(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{6,}/i, // hex hashes
  /:r[0-9a-z]+:|«r[0-9a-z]+»|_r_[0-9a-z]+_/i, // React useId (18, 19.1, 19.2)
  /^(?:ember|ext-gen|ext-comp|yui_|gwt-uid|j_id|mui-|radix-|headlessui-|downshift-|react-select-|lwc-|aura-)/i, // framework id prefixes
];
/** A word part of a value (between separators) mixing letters with two or more digits: a1b2c3, x9k2. */
const MIXED_SEGMENT = /^(?=.*\p{L})(?=(?:.*\d){2})/u;

/** True when `value` looks made up by a framework or a database rather than chosen by the CRM's developers. */
export function looksGenerated(value: string): boolean {
  if (value.length > MAX_ATTRIBUTE_VALUE) return true;
  if (GENERATED.some((pattern) => pattern.test(value))) return true;
  return value.split(/[\s\-_:./]+/).some((segment) => MIXED_SEGMENT.test(segment));
}

/** `data-*` attributes frameworks set on every element, or whose value is state that changes under the pointer. */
const NOISY_DATA = new Set(['data-reactid', 'data-reactroot', 'data-aura-rendered-by', 'data-aura-class', 'data-emotion', 'data-styled', 'data-styled-version', 'data-lgt', 'data-interactive-lib-uid', 'data-render-id']);
const STATE_WORD =
  /(?:^|-)(?:state|status|selected|active|current|focus|focused|focus-visible|hover|hovered|highlighted|checked|expanded|collapsed|open|opened|closed|pressed|visible|hidden|loading|loaded|dirty|touched|pristine|valid|invalid|disabled|index|position|order|count|time|timestamp|sort|value|key|uid|guid|row|col|column)$/;
/** Attributes other than `data-*` that name a field or a control, not its value. */
const NAMING_ATTRIBUTES = ['id', 'name', 'itemprop', 'field-label', 'field-name', 'aria-label', 'aria-labelledby'];
/** Test-hook attributes, the most stable of all: tried first. */
const TEST_HOOK = /^data-(?:testid|test-id|test|qa|qa-id|cy|e2e|selenium-test|automation-id|target-selection-name|field|field-name|fieldname|name|id|label|lp-id|control-name|property-name|api-name)$/;
const ATTRIBUTE_NAME = /^[a-z_][a-z0-9_-]{0,49}$/i;
const TOKEN = /^[\p{L}\p{N}_.:/-]+$/u;
/** A value with spaces is kept only when it reads like a field's label (a few words). */
const LABEL_LIKE = /^(?=.*\p{L})[^\d.!?;<>=]{1,40}$/u;

function isLabelLike(value: string): boolean {
  return LABEL_LIKE.test(value) && value.split(' ').length <= 5;
}

/** True when `attributeValue` and the value shown overlap: a rule on it would match only while the value stays the same. */
function carriesValue(attributeValue: string, shown: string): boolean {
  const a = collapseWhitespace(attributeValue).toLowerCase();
  const b = shown.toLowerCase();
  if (!a || !b) return false;
  // Equal at any length: a two-character Chinese name (王芳) is a whole value.
  if (a === b) return true;
  return (b.length >= 3 && a.includes(b)) || (a.length >= 3 && b.includes(a));
}

/** `value` as a CSS string, in double quotes or, when it holds one, single quotes; null when escapes would be needed (outside the rule grammar). */
function cssString(value: string): string | null {
  if (value.includes('\\') || (value.includes('"') && value.includes("'"))) return null;
  return value.includes('"') ? `'${value}'` : `"${value}"`;
}

function isStableName(name: string): boolean {
  if (!ATTRIBUTE_NAME.test(name)) return false;
  if (name.startsWith('data-')) return !NOISY_DATA.has(name) && !STATE_WORD.test(name.slice(5)) && !looksGenerated(name.slice(5));
  return NAMING_ATTRIBUTES.includes(name);
}

function isStableValue(name: string, value: string, shown: string): boolean {
  if (value !== value.trim() || looksGenerated(value) || carriesValue(value, shown)) return false;
  if (name === 'id') return /^[A-Za-z][\w-]*$/.test(value);
  if (name === 'aria-labelledby') return value.split(' ').every((id) => /^[A-Za-z][\w-]*$/.test(id));
  if (name === 'aria-label' || name === 'field-label') return isLabelLike(value);
  return value === '' ? name.startsWith('data-') : TOKEN.test(value) || isLabelLike(value);
}

/** Rank of an attribute: test hooks, other data-*, id, name and the rest, aria last. */
function attributeRank(name: string): number {
  if (TEST_HOOK.test(name)) return 0;
  if (name.startsWith('data-')) return 1;
  if (name.startsWith('aria-')) return 3;
  return 2;
}

/** The element's stable attributes as selector parts (`[data-field="stage"]`, `#amount`), best first. */
function attributeTests(element: Element, shown: string): string[] {
  const found: { rank: number; test: string }[] = [];
  const attributes = element.attributes;
  for (let i = 0; i < attributes.length && i < MAX_ATTRIBUTES; i += 1) {
    const { name, value } = attributes[i] as Attr;
    if (!isStableName(name) || !isStableValue(name, value, shown)) continue;
    const quoted = cssString(value);
    if (quoted === null) continue;
    const test = name === 'id' ? `#${value}` : value === '' ? `[${name}]` : `[${name}=${quoted}]`;
    found.push({ rank: attributeRank(name), test });
  }
  return found
    .sort((a, b) => a.rank - b.rank)
    .slice(0, MAX_TESTS)
    .map((entry) => entry.test);
}

/** The element's tag as a selector part, "" for names outside the rule grammar (namespaced, odd characters). */
function tagOf(element: Element): string {
  const tag = element.localName;
  return /^[a-z][a-z0-9-]*$/.test(tag) ? tag : '';
}

/** The element as a step below its parent: its tag, with `:nth-of-type(k)` when a sibling has the same tag. */
function stepOf(element: Element): string | null {
  const tag = tagOf(element);
  if (!tag) return null;
  const parent = element.parentElement;
  if (!parent) return tag;
  const sameTag = Array.from(parent.children).filter((sibling) => sibling.localName === element.localName);
  if (sameTag.length === 1) return tag;
  const position = sameTag.indexOf(element) + 1;
  return position >= 1 && position <= 999 ? `${tag}:nth-of-type(${position})` : null;
}

// --- Trying selectors ----------------------------------------------------------------

/** Selectors tried on one page, each at most once, up to MAX_TRIES. */
class SelectorTrial {
  private tries = 0;
  private readonly tried = new Set<string>();

  constructor(private readonly scope: DeepScope) {}

  /** True when `selector` is a safe rule selector that matches `target` and nothing else in the scope. */
  matchesOnly(selector: string, target: Element): boolean {
    if (this.tried.has(selector) || this.tries >= MAX_TRIES) return false;
    this.tried.add(selector);
    if (!isSafeRuleSelector(selector)) return false;
    this.tries += 1;
    const found = deepQueryAll(this.scope, selector);
    return found.length === 1 && found[0] === target;
  }
}

/** A selector of `target`'s own stable attributes that matches only it. */
function ownSelector(trial: SelectorTrial, target: Element, shown: string): string | null {
  const tag = tagOf(target);
  const tests = attributeTests(target, shown);
  for (const test of tests) {
    for (const selector of [test, `${tag}${test}`]) if (trial.matchesOnly(selector, target)) return selector;
  }
  for (let i = 0; i < tests.length; i += 1) {
    for (let j = i + 1; j < tests.length; j += 1) {
      const selector = `${tag}${tests[i]}${tests[j]}`;
      if (trial.matchesOnly(selector, target)) return selector;
    }
  }
  return null;
}

/**
 * A selector anchored on the nearest ancestors (up to MAX_CLIMB) with a
 * stable attribute: "anchor tag" when that is unique, else the path of tags
 * from the anchor down. The climb stays in `target`'s tree and, in the
 * record's own tree, below `root` (`boundary`; null in a shadow tree).
 */
function anchoredSelector(trial: SelectorTrial, target: Element, boundary: Element | null, shown: string): string | null {
  const tag = tagOf(target);
  const path: string[] = [];
  let node: Element = target;
  for (let level = 0; level < MAX_CLIMB && node !== boundary; level += 1) {
    const step = stepOf(node);
    const parent: Element | null = node.parentElement;
    if (!step || !parent || (boundary && !boundary.contains(parent))) return null;
    path.unshift(step);
    for (const anchor of attributeTests(parent, shown)) {
      const candidates = [tag ? `${anchor} ${tag}` : '', `${anchor} > ${path.join(' > ')}`];
      for (const selector of candidates) if (selector && trial.matchesOnly(selector, target)) return selector;
    }
    node = parent;
  }
  return null;
}

// --- The label beside a value --------------------------------------------------------

function byId(element: Element, id: string): Element | null {
  const tree = element.getRootNode() as Document | ShadowRoot;
  return typeof tree.getElementById === 'function' ? tree.getElementById(id) : null;
}

/** The text of the elements `aria-labelledby` names. */
function labelledByText(element: Element): string {
  const ids = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean).slice(0, 10);
  return cleanText(ids.map((id) => visibleText(byId(element, id))).join(' '));
}

/** The nearest previous sibling that shows text: an element's text or a text node. */
function previousText(element: Element): string {
  for (let node = element.previousSibling, steps = 0; node && steps < 10; node = node.previousSibling, steps += 1) {
    if (node.nodeType === 3) {
      const text = collapseWhitespace(node.nodeValue ?? '');
      if (text) return text;
    } else if (node.nodeType === 1) {
      const sibling = node as Element;
      if (sibling.localName === 'br' || sibling.getAttribute('aria-hidden') === 'true') continue;
      const text = visibleText(sibling);
      if (text) return text;
    }
  }
  return '';
}

/** Texts that may be the label of a value element, in the order readers take them (accname, native label, dt, header, text before). */
function labelCandidates(element: Element): string[] {
  const out = [labelledByText(element), cleanText(element.getAttribute('aria-label'))];
  if (isFormControl(element)) {
    const id = element.getAttribute('id');
    const tree = element.getRootNode() as ParentNode;
    if (id && typeof tree.querySelectorAll === 'function') {
      for (const label of Array.from(tree.querySelectorAll('label[for]'))) if (label.getAttribute('for') === id) out.push(visibleText(label));
    }
    const wrapping = element.closest('label');
    if (wrapping) out.push(visibleText(wrapping));
  }
  if (element.localName === 'dd') {
    let dt = element.previousElementSibling;
    while (dt && dt.localName !== 'dt') dt = dt.previousElementSibling;
    if (dt) out.push(visibleText(dt));
  }
  const row = element.parentElement;
  if (row) {
    const cell = labelledCells(row).find(([, candidate]) => candidate === element);
    if (cell) out.push(cell[0]);
  }
  out.push(previousText(element));
  return out;
}

/** A beside-label locator for one of `targets` that resolves to `shown` in `root`, or null. */
function besideLabel(root: Element, targets: readonly Element[], shown: string, fields: readonly RecordField[]): RuleLocator | null {
  const tried = new Set<string>();
  for (const target of targets) {
    for (const text of labelCandidates(target)) {
      const label = displayLabel(cleanText(text));
      const key = normaliseLabel(label);
      if (!key || tried.has(key) || !isSafeRuleLabel(label) || key === shown.toLowerCase()) continue;
      tried.add(key);
      const locator: RuleLocator = { kind: 'beside-label', label };
      if (resolveLocator(root, locator, fields) === shown) return locator;
    }
  }
  return null;
}

// --- Deriving a rule -----------------------------------------------------------------

/** True when `element` is under `root`, in its tree or in an open shadow root hosted under it. */
export function isWithin(root: Element, element: Element): boolean {
  let node: Element | null = element;
  for (let depth = 0; node && depth < 50; depth += 1) {
    if (root.contains(node)) return true;
    const tree = node.getRootNode();
    node = tree.nodeType === 11 ? (tree as ShadowRoot).host : null;
  }
  return false;
}

/**
 * The clicked element and its ancestors below `root` that show the same value
 * (the span, its cell, its field), through shadow hosts: a field component
 * whose value sits in its shadow root holds that value.
 */
function valueHolders(clicked: Element, root: Element, shown: string): Element[] {
  const holders = [clicked];
  for (let node = composedParent(clicked); node && node !== root && holders.length <= MAX_VALUE_LEVELS; node = composedParent(node)) {
    if (cleanText(displayedValue(node)) !== shown) break;
    holders.push(node);
  }
  return holders;
}

/**
 * A rule locating the value the user clicked in the record under `root`:
 * a selector of stable attributes that matches exactly the clicked element
 * (or the ancestor holding the same value), else the label beside the value,
 * else null. What it returns passes `isSafeLocator` and resolves to the value
 * clicked. Never throws.
 */
export function deriveLocator(clicked: Element, root: Element): RuleLocator | null {
  try {
    if (clicked === root || !isWithin(root, clicked)) return null;
    const shown = cleanText(displayedValue(clicked));
    if (shown.length > MAX_VALUE) return null;
    const holders = valueHolders(clicked, root, shown);
    const trial = new SelectorTrial(deepScope(root));
    const verified = (selector: string | null): RuleLocator | null => {
      const locator: RuleLocator | null = selector ? { kind: 'selector', selector } : null;
      return locator && isSafeLocator(locator) && resolveLocator(root, locator) === shown ? locator : null;
    };
    for (const target of [...holders].reverse()) {
      const found = verified(ownSelector(trial, target, shown));
      if (found) return found;
    }
    for (const target of holders) {
      const boundary = target.getRootNode() === root.getRootNode() ? root : null;
      const found = verified(anchoredSelector(trial, target, boundary, shown));
      if (found) return found;
    }
    return besideLabel(root, holders, shown, inferFields(root));
  } catch {
    return null;
  }
}
