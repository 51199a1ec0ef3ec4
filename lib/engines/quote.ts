import type { KeywordHit } from '@/lib/text/keyword-matcher';

/** Characters of context kept on each side of a keyword in a quote. */
const QUOTE_CONTEXT = 80;

/** The keyword with some text around it, cut at whitespace where possible and marked with "…" where cut. */
export function quoteAround(text: string, hit: KeywordHit): string {
  let start = Math.max(0, hit.start - QUOTE_CONTEXT);
  let end = Math.min(text.length, hit.end + QUOTE_CONTEXT);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < hit.start) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space >= hit.end) end = space;
  }
  const quote = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${quote}${end < text.length ? '…' : ''}`;
}
