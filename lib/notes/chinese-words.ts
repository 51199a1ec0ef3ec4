/**
 * Segment-aware matching for Chinese, which writes no spaces between words:
 * a Chinese phrase counts only where it starts and ends on word boundaries
 * of the statement, as the browser's own word segmenter (Intl.Segmenter, ICU's
 * dictionary) cuts it — so 开标 (bid opening) is found in 明天开标 but not in
 * 公开标准 (public standard), 电费 not in 电费用.
 */

const HAN = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The statement last segmented: a statement is checked for several phrases in a row. */
let lastText = '';
let lastBoundaries = new Set<number>();

/** Whether `text.slice(start, end)` starts and ends on word boundaries; always true for a phrase without Chinese characters (the matcher already keeps Latin phrases to whole words). */
export function onWordBoundaries(text: string, start: number, end: number): boolean {
  if (!HAN.test(text.slice(start, end))) return true;
  const boundaries = boundariesOf(text);
  return boundaries.has(start) && boundaries.has(end);
}

function boundariesOf(text: string): Set<number> {
  if (text !== lastText) {
    lastBoundaries = new Set([text.length]);
    for (const { index } of segmenter.segment(text)) lastBoundaries.add(index);
    lastText = text;
  }
  return lastBoundaries;
}
