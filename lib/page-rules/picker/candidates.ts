import { controlValue, deepScope, isFormControl, isRendered } from '@/lib/crm/dom';

// The elements the keyboard steps through while picking: those that show a
// value of their own — text directly inside them, or a form control's value —
// in the record, in page order (open shadow roots after the light DOM). Found
// once per pick, bounded, so a giant page costs a known maximum.

/** Elements looked at, and candidates kept. */
const MAX_VISITED = 20_000;
const MAX_CANDIDATES = 2_000;
const NOT_VALUES = new Set(['script', 'style', 'template', 'noscript', 'svg', 'button', 'option', 'optgroup', 'head', 'title', 'iframe', 'object', 'embed']);

function hasOwnText(element: Element): boolean {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && (node.nodeValue ?? '').trim()) return true;
  }
  return false;
}

function showsValue(element: Element): boolean {
  if (NOT_VALUES.has(element.localName) || element.closest('button, [aria-hidden="true"]')) return false;
  if (isFormControl(element)) return controlValue(element) !== null;
  return hasOwnText(element);
}

/** The value-showing elements under `root`, in page order, without `exclude` (the picker's own overlay). */
export function valueCandidates(root: Element, exclude: Element): Element[] {
  const out: Element[] = [];
  let visited = 0;
  for (const tree of deepScope(root, { maxElements: MAX_VISITED }).roots) {
    for (const element of Array.from(tree.querySelectorAll('*'))) {
      visited += 1;
      if (visited > MAX_VISITED || out.length >= MAX_CANDIDATES) return out;
      if (element === exclude || exclude.contains(element)) continue;
      if (showsValue(element) && isRendered(element)) out.push(element);
    }
  }
  return out;
}
