// The shared XSS corpus (xss-corpus.json), for unit tests (through
// xss-corpus.d.mts) and the end-to-end tests alike.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A path, not a URL object: under happy-dom the global URL is not Node's.
const data = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'xss-corpus.json'), 'utf8'));

/** Name of the global a payload that ran would set, and the title it would give the page. */
export const CANARY = data.canary;

/** Every hostile string, the 100 000-character ones (expanded) first, so that filling even a few slots uses them. */
export const XSS_CORPUS = [
  ...data.long.map(({ id, repeat, length }) => ({ id, text: repeat.repeat(Math.ceil(length / repeat.length)).slice(0, length) })),
  ...data.strings,
];

/** The short strings only: for places where one value of 100 000 characters would be refused whole. */
export const SHORT_XSS_CORPUS = data.strings;

/** The `i`-th corpus string, cycling, so any number of slots can be filled. */
export const corpusText = (i, corpus = XSS_CORPUS) => corpus[i % corpus.length].text;

/**
 * The order in which `poisonValues` hands out corpus strings: every fourth
 * is one of the 100 000-character strings, so even a page with few values
 * gets one; the others cycle through the rest.
 */
export const POISON_ORDER = SHORT_XSS_CORPUS.flatMap((entry, i) => (i % 3 === 0 ? [XSS_CORPUS[(i / 3) % 2].text, entry.text] : [entry.text]));

/**
 * Puts a corpus string in front of every text node under `root` (open shadow
 * roots included) that is (part of) one of `values`, and of every
 * non-structural attribute equal to one, as a CRM shows a hostile value: as
 * text, never as markup. Self-contained, so the end-to-end tests can run it
 * in the page with `page.evaluate`. Returns how many places it changed.
 */
export function poisonValues(root, { values, labels, texts }) {
  const collapse = (text) => text.replace(/\s+/g, ' ').trim();
  const structural = new Set(['id', 'class', 'href', 'src', 'for', 'name', 'type', 'role', 'slot', 'style']);
  const wanted = values.map(collapse);
  const labelSet = new Set(labels.map(collapse));
  const isValue = (text) => text !== '' && !labelSet.has(text) && wanted.some((value) => value.includes(text));
  const textNodes = [];
  const elements = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.nodeType === 3) textNodes.push(node);
    if (node.nodeType === 1) elements.push(node);
    if (node.shadowRoot) stack.push(node.shadowRoot);
    stack.push(...Array.from(node.childNodes).reverse());
  }
  let slot = 0;
  const next = () => texts[slot++ % texts.length];
  for (const node of textNodes) if (isValue(collapse(node.data))) node.data = `${next()} ${node.data}`;
  for (const element of elements) {
    for (const attribute of Array.from(element.attributes)) {
      if (!structural.has(attribute.name) && wanted.includes(collapse(attribute.value))) element.setAttribute(attribute.name, `${next()} ${attribute.value}`);
    }
  }
  return slot;
}
