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
