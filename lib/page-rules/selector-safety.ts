import { MAX_RULE_LABEL, MAX_RULE_SELECTOR, type RuleLocator } from './schema';

// What a page rule may say, checked wherever a rule crosses a boundary (the
// picker's result in the background, storage, import, the managed policy) and
// again before a reader uses one. A rule's selector runs in the CRM's page on
// every read, so it is held to a small grammar rather than to "anything the
// browser parses": tags, ids, attribute tests, `:nth-of-type(n)`, the four
// combinators and at most one `:has()` without another inside. No classes
// (hashed class names change with every release), no pseudo-classes that read
// page text or state, no selector lists. The grammar is checked here without a
// DOM (the background service worker has none); where a document exists, the
// browser must also accept the selector. Identifiers are ASCII and nothing is
// escaped: other characters go in a quoted attribute value.

/** Compound selectors (`tag[attr]#id:nth-of-type(2)`) a rule may chain, `:has()` contents included. */
export const MAX_RULE_COMPOUNDS = 8;

/** C0 and C1 controls, and the bidirectional overrides that make text read other than it is. */
const UNSAFE_CHARACTERS = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** Tags, ids, attribute names and unquoted values: ASCII, no escapes (anything else goes in a quoted attribute value). */
const IDENTIFIER = /-?[A-Za-z_][\w-]*/y;
const WHITESPACE = /[ \t]*/y;
const ATTRIBUTE_OPERATOR = /[~|^$*]?=/y;
/** A quoted CSS string without escapes or line breaks (a value holding `"` goes in single quotes). */
const QUOTED = /"[^"\\\n\r\f]*"|'[^'\\\n\r\f]*'/y;
const NTH_OF_TYPE = /:nth-of-type\([ \t]*[1-9]\d{0,2}[ \t]*\)/y;
const COMBINATOR = /[ \t]*[>+~][ \t]*|[ \t]+/y;

/** A one-pass reader of the allowed grammar; `ok` turns false at the first thing outside it. */
class SelectorReader {
  private at = 0;
  compounds = 0;
  hasCount = 0;

  constructor(private readonly text: string) {}

  /** Reads the whole text as one complex selector. */
  readAll(): boolean {
    this.skip(WHITESPACE);
    if (!this.complex(false)) return false;
    this.skip(WHITESPACE);
    return this.at === this.text.length;
  }

  private take(pattern: RegExp): string | null {
    pattern.lastIndex = this.at;
    const match = pattern.exec(this.text);
    if (!match) return null;
    this.at += match[0].length;
    return match[0];
  }

  private skip(pattern: RegExp): void {
    this.take(pattern);
  }

  private peek(): string {
    return this.text.charAt(this.at);
  }

  /** compound (combinator compound)*; inside `:has()` a leading combinator is allowed. */
  private complex(relative: boolean): boolean {
    if (relative) {
      this.skip(WHITESPACE);
      if ('>+~'.includes(this.peek())) this.take(COMBINATOR);
    }
    if (!this.compound(relative)) return false;
    for (;;) {
      const before = this.at;
      const combinator = this.take(COMBINATOR);
      if (combinator === null) return true;
      const next = this.peek();
      if (next === '' || next === ')' || next === ',') {
        // Trailing spaces, not a combinator.
        if (combinator.trim()) return false;
        this.at = before;
        this.skip(WHITESPACE);
        return true;
      }
      if (!this.compound(relative)) return false;
    }
  }

  private compound(insideHas: boolean): boolean {
    const start = this.at;
    if (this.peek() === '*') this.at += 1;
    else this.take(IDENTIFIER);
    for (;;) {
      const next = this.peek();
      if (next === '#') {
        this.at += 1;
        if (this.take(IDENTIFIER) === null) return false;
      } else if (next === '[') {
        if (!this.attribute()) return false;
      } else if (next === ':') {
        if (this.take(NTH_OF_TYPE) !== null) continue;
        if (!this.text.startsWith(':has(', this.at) || insideHas) return false;
        this.at += ':has('.length;
        this.hasCount += 1;
        if (!this.complex(true) || this.peek() !== ')') return false;
        this.at += 1;
      } else break;
    }
    if (this.at === start) return false;
    this.compounds += 1;
    return true;
  }

  /** `[name]`, `[name op "value"]`, `[name op value]`, with an optional ` i` / ` s` flag. */
  private attribute(): boolean {
    this.at += 1;
    this.skip(WHITESPACE);
    if (this.take(IDENTIFIER) === null) return false;
    this.skip(WHITESPACE);
    if (this.take(ATTRIBUTE_OPERATOR) !== null) {
      this.skip(WHITESPACE);
      if (this.take(QUOTED) === null && this.take(IDENTIFIER) === null) return false;
      this.skip(WHITESPACE);
      if (/[is]/i.test(this.peek()) && this.text.charAt(this.at + 1) === ']') this.at += 1;
    }
    if (this.peek() !== ']') return false;
    this.at += 1;
    return true;
  }
}

/** True when the browser accepts `selector`; true where there is no document to ask (the grammar has been checked). */
function browserAccepts(selector: string): boolean {
  const doc = (globalThis as { document?: Document }).document;
  if (!doc || typeof doc.createDocumentFragment !== 'function') return true;
  try {
    doc.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when `selector` may be a page rule's: at most MAX_RULE_SELECTOR
 * characters, no control characters, within the grammar above (at most
 * MAX_RULE_COMPOUNDS compound parts, one `:has()` not nested), and accepted
 * by the browser where there is a document.
 */
export function isSafeRuleSelector(selector: string): boolean {
  if (typeof selector !== 'string' || selector.trim().length === 0 || selector.length > MAX_RULE_SELECTOR) return false;
  if (UNSAFE_CHARACTERS.test(selector)) return false;
  const reader = new SelectorReader(selector);
  if (!reader.readAll() || reader.compounds > MAX_RULE_COMPOUNDS || reader.hasCount > 1) return false;
  return browserAccepts(selector);
}

/** True when `label` may name a field in a rule: plain text of 1 to MAX_RULE_LABEL characters with a letter or digit, no control characters. */
export function isSafeRuleLabel(label: string): boolean {
  if (typeof label !== 'string' || label.length > MAX_RULE_LABEL || label.trim().length === 0) return false;
  return !UNSAFE_CHARACTERS.test(label) && /[\p{L}\p{N}]/u.test(label);
}

/** True when `locator` is a selector or beside-label locator whose selector or label passes the checks above. */
export function isSafeLocator(locator: RuleLocator): boolean {
  if (typeof locator !== 'object' || locator === null) return false;
  if (locator.kind === 'selector') return isSafeRuleSelector(locator.selector);
  if (locator.kind === 'beside-label') return isSafeRuleLabel(locator.label);
  return false;
}
