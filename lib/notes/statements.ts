/**
 * A note cut into statements: the sentences and list items a fact is stated
 * in, so a proposal carries the whole statement with its figure, not a window
 * of characters cut mid-word. Both languages: a statement ends at . ! ? ; and
 * 。！？；, at a line break, and before a list item. A full stop ends nothing
 * inside a number (1.2M), after a one-letter initial (U.S.) or after a common
 * abbreviation (approx., e.g.).
 */

export interface Statement {
  /** The statement's text, verbatim from the note (outer blanks and list markers trimmed). */
  text: string;
  /** Where it sits in the note (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
}

/** Ends a statement wherever it stands. */
const ALWAYS_ENDS = new Set(['!', '?', ';', '。', '！', '？', '；', '\n', '\r']);

/** Words after which a full stop does not end the sentence (compared in lower case, without the stop). */
const ABBREVIATIONS = new Set(['approx', 'e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'no', 'nos', 'incl', 'excl', 'est', 'dept', 'min', 'max', 'ca', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'co', 'ltd', 'inc', 'corp']);

/** A list marker at the start of a line: "-", "*", "•", "·", "1." , "1)", "(a)", "①". */
const LIST_MARKER = /^(?:[-*•·–]|\d{1,2}[.)、]|\(?[a-z]\)|[①-⑳])\s+/iu;

/** Cuts `text` into its statements, in order; blank ones are left out. */
export function splitStatements(text: string): Statement[] {
  const statements: Statement[] = [];
  let start = 0;
  const push = (end: number) => {
    const statement = trimmed(text, start, end);
    if (statement !== null) statements.push(statement);
    start = end;
  };
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (ALWAYS_ENDS.has(character)) push(index + 1);
    else if (character === '.' && endsSentence(text, index)) push(index + 1);
  }
  push(text.length);
  return statements;
}

/** Whether the full stop at `index` ends a sentence. */
function endsSentence(text: string, index: number): boolean {
  const next = text[index + 1];
  // "1.2", "v2.0", "example.com", "U.S.A": a stop followed by a non-blank is inside a token.
  if (next !== undefined && !/\s/u.test(next)) return false;
  const before = text.slice(Math.max(0, index - 12), index);
  // "1. " at the start of a line is a list marker.
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  if (/^[ \t]*\d{1,2}$/u.test(text.slice(lineStart, index))) return false;
  const word = /([\p{L}\p{N}.]+)$/u.exec(before)?.[1] ?? '';
  // Initials ("U.S.", "J."), not a figure's magnitude ("2M.")
  if (/^(?:\p{Lu}\.)*\p{Lu}$/u.test(word)) return false;
  return !ABBREVIATIONS.has(word.toLowerCase());
}

/** The statement between `start` and `end` without outer blanks or list marker; null when nothing is left. */
function trimmed(text: string, start: number, end: number): Statement | null {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from]!)) from++;
  const marker = LIST_MARKER.exec(text.slice(from, to));
  if (marker) from += marker[0].length;
  while (to > from && /\s/u.test(text[to - 1]!)) to--;
  if (!/[\p{L}\p{N}]/u.test(text.slice(from, to))) return null;
  return { text: text.slice(from, to), start: from, end: to };
}

/** The statement of `text` that holds the position `at`, blanks collapsed; the whole text when none does. */
export function statementAt(text: string, at: number): string {
  const statement = splitStatements(text).find((candidate) => candidate.start <= at && at < candidate.end);
  return (statement?.text ?? text).replace(/\s+/gu, ' ').trim();
}
