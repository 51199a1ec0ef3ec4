/**
 * Finds playbook keywords in free text (notes, titles, field values) in one
 * pass per text, whatever the number of keywords: keywords go into a trie that
 * is walked from every position. Matching is case-insensitive and folds
 * full-width forms. Keywords in Latin-like scripts match whole words (with an
 * optional plural "s"/"es"), so "cost" does not fire on "Costa Rica"; Chinese
 * keywords match anywhere, as Chinese has no spaces between words.
 */

export interface KeywordHit {
  /** The keyword as written in the playbook. */
  keyword: string;
  /** Position of the match in the scanned text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
}

export interface KeywordSet<K> {
  key: K;
  keywords: readonly string[];
}

export interface KeywordMatcher<K> {
  /** The earliest hit of every set that occurs in `text`. */
  scan(text: string): Map<K, KeywordHit>;
}

interface TrieNode {
  /** Children by folded character; parallel arrays, as most nodes have one or two children. */
  codes: number[];
  children: TrieNode[];
  /** Keywords that end at this node, with the set they belong to. */
  ends: { setIndex: number; keyword: string; wholeWordEnd: boolean }[];
}

const SPACE = 0x20;
const LOWER_S = 0x73;
const LOWER_E = 0x65;

/**
 * "Can a keyword start with this character?" as one array read, so most
 * positions of a text cost no trie lookup. Characters share slots (code
 * modulo the table size); a shared slot only costs the lookup that follows.
 */
const START_FILTER_MASK = 0xfff;

export function compileKeywordMatcher<K>(sets: readonly KeywordSet<K>[]): KeywordMatcher<K> {
  const root = newNode();
  sets.forEach((set, setIndex) => {
    for (const keyword of set.keywords) insert(root, keyword, setIndex);
  });
  // The root has a child per starting character: a map beats a linear search there.
  const starts = new Map<number, TrieNode>();
  const startFilter = new Uint8Array(START_FILTER_MASK + 1);
  root.codes.forEach((code, index) => {
    starts.set(code, root.children[index]!);
    startFilter[code & START_FILTER_MASK] = 1;
  });
  const state: ScanState<K> = { sets, hitInScan: new Float64Array(sets.length), scanNumber: 0, hits: new Map() };

  return {
    scan(text) {
      state.scanNumber++;
      state.hits = new Map();
      let previousIsWord = false;
      for (let start = 0; start < text.length; start++) {
        const code = fold(text.charCodeAt(start));
        const isWord = isWordCode(code);
        // A Latin keyword starts a word: positions inside a word are skipped.
        const insideWord = isWord && previousIsWord;
        previousIsWord = isWord;
        if (insideWord || startFilter[code & START_FILTER_MASK] === 0) continue;
        const node = starts.get(code);
        if (node !== undefined) walk(text, start, node, state);
      }
      return state.hits;
    },
  };
}

/** What one scan has found so far; reused across scans (a scan number instead of a fresh array per text). */
interface ScanState<K> {
  sets: readonly KeywordSet<K>[];
  /** Per set, the number of the scan that last hit it. */
  hitInScan: Float64Array;
  scanNumber: number;
  hits: Map<K, KeywordHit>;
}

function newNode(): TrieNode {
  return { codes: [], children: [], ends: [] };
}

function child(node: TrieNode, code: number): TrieNode | undefined {
  const index = node.codes.indexOf(code);
  return index === -1 ? undefined : node.children[index];
}

function insert(root: TrieNode, keyword: string, setIndex: number): void {
  const folded = foldKeyword(keyword);
  const last = folded[folded.length - 1];
  if (last === undefined) return;
  let node = root;
  for (const code of folded) {
    let next = child(node, code);
    if (next === undefined) {
      next = newNode();
      node.codes.push(code);
      node.children.push(next);
    }
    node = next;
  }
  node.ends.push({ setIndex, keyword, wholeWordEnd: isWordCode(last) });
}

/** Follows the trie from `start`, recording every keyword of a not-yet-hit set that ends on a valid boundary. */
function walk<K>(text: string, start: number, first: TrieNode, state: ScanState<K>): void {
  let node: TrieNode | undefined = first;
  let position = start + 1;
  let previous = fold(text.charCodeAt(start));
  for (;;) {
    // Indexed, not for…of: this runs at every step of every walk, and most nodes end no keyword.
    for (let index = 0; index < node.ends.length; index++) {
      const end = node.ends[index]!;
      if (state.hitInScan[end.setIndex] === state.scanNumber) continue;
      const matchEnd = end.wholeWordEnd ? wordEnd(text, position) : position;
      if (matchEnd === -1) continue;
      state.hitInScan[end.setIndex] = state.scanNumber;
      state.hits.set(state.sets[end.setIndex]!.key, { keyword: end.keyword, start, end: matchEnd });
    }
    if (position >= text.length) return;
    const code = fold(text.charCodeAt(position));
    position++;
    // Line breaks and runs of spaces in a note read as one space.
    if (code === SPACE && previous === SPACE) continue;
    node = child(node, code);
    if (node === undefined) return;
    previous = code;
  }
}

/** Where a whole-word match ending at `position` ends (allowing a plural "s"/"es"), or -1 if the word goes on. */
function wordEnd(text: string, position: number): number {
  const next = foldedAt(text, position);
  if (!isWordCode(next)) return position;
  if (next === LOWER_S && !isWordCode(foldedAt(text, position + 1))) return position + 1;
  if (next === LOWER_E && foldedAt(text, position + 1) === LOWER_S && !isWordCode(foldedAt(text, position + 2))) return position + 2;
  return -1;
}

/** The folded character at `index`, or a space past the end (the text ends a word). */
function foldedAt(text: string, index: number): number {
  return index < text.length ? fold(text.charCodeAt(index)) : SPACE;
}

/** A keyword in the form texts are compared in, with spaces trimmed and collapsed. */
function foldKeyword(keyword: string): number[] {
  const codes: number[] = [];
  for (let index = 0; index < keyword.length; index++) {
    const code = fold(keyword.charCodeAt(index));
    if (code === SPACE && (codes.length === 0 || codes[codes.length - 1] === SPACE)) continue;
    codes.push(code);
  }
  while (codes[codes.length - 1] === SPACE) codes.pop();
  return codes;
}

/** Below this code point are the scripts with case and spaces between words: Latin, Greek, Cyrillic. */
const CASED_SCRIPTS_END = 0x530;
const FOLDED = new Uint16Array(CASED_SCRIPTS_END);
const WORD_CODES = new Uint8Array(CASED_SCRIPTS_END);
for (let code = 0; code < CASED_SCRIPTS_END; code++) {
  const lower = String.fromCharCode(code).toLowerCase();
  FOLDED[code] = /\s/.test(lower) ? SPACE : lower.length === 1 ? lower.charCodeAt(0) : code;
  WORD_CODES[code] = /[\p{L}\p{N}]/u.test(lower) ? 1 : 0;
}

/**
 * One UTF-16 unit to its comparison form, keeping positions aligned with the
 * original text so quotes can be cut from it: lower case, full-width ASCII to
 * ASCII, every kind of blank to a space. Scripts without case pass unchanged.
 */
function fold(code: number): number {
  if (code < CASED_SCRIPTS_END) return FOLDED[code]!;
  if (code >= 0xff01 && code <= 0xff5e) return FOLDED[code - 0xfee0]!;
  return code === 0x3000 ? SPACE : code;
}

/**
 * Letters and digits of scripts that separate words with spaces. Chinese
 * characters are not word codes: "IQC检验" holds the word "IQC".
 */
function isWordCode(code: number): boolean {
  return code < CASED_SCRIPTS_END && WORD_CODES[code] === 1;
}
