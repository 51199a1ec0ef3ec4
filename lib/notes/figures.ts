/**
 * Figures a statement of a note states (amounts, percentages, quantities,
 * dates, periods, negations), English and Simplified Chinese, each normalised
 * beside its verbatim words. One small parser per kind under ./figures/.
 *
 * Library choice (measured with esbuild --bundle --minify + gzip -9):
 * chrono-node 2.10 (en + zh/hans sub-paths) adds 16.1 kB gz (en alone 13.4 kB)
 * and ~0.3–0.6 ms per 2 000-character note, but reads only 8 of the 21 date and
 * period forms asked for (not Q2, H1, 上半年, 6月底, 中旬, 两周, 12个月; periods come
 * back as dates) and misreads notes' traps: 24/7 and 3/4 as dates, SAT
 * (site acceptance) as Saturday, 9月前 (before September) as "9 months ago".
 * So dates and periods are hand-written: all six parsers together bundle to 7.8 kB gz
 * and read a 2 000-character note in ~0.35 ms (median, warm);
 * numbers too: no small well-kept library reads 一千二百万 and $2.35m alike.
 */
import { findAmounts } from './figures/amounts';
import { findDates } from './figures/dates';
import { findNegations } from './figures/negation';
import { findPercents } from './figures/percents';
import { findPeriods } from './figures/periods';
import { findQuantities } from './figures/quantities';
import type { Figure, FigureKind } from './types';

export interface ParseFiguresOptions {
  /** Epoch ms the note was captured: relative dates ("end of June", 6月底, Q2) are read against it. */
  now: number;
}

/** Which kind wins when two readings cover the same words equally long: a date over a quantity, a period over a quantity (4 hours). */
const PRIORITY: Record<FigureKind, number> = { date: 0, period: 1, amount: 2, percent: 3, quantity: 4, negation: 5 };

/**
 * The figures of `statement`, in order of position and not overlapping: where
 * readings overlap, the one starting first wins, then the longest.
 */
export function parseFigures(statement: string, options: ParseFiguresOptions): Figure[] {
  const candidates: Figure[] = [
    ...findDates(statement, options.now),
    ...findPeriods(statement),
    ...findAmounts(statement),
    ...findPercents(statement),
    ...findQuantities(statement),
    ...findNegations(statement),
  ];
  candidates.sort((a, b) => a.start - b.start || b.text.length - a.text.length || PRIORITY[a.kind] - PRIORITY[b.kind]);
  const figures: Figure[] = [];
  let end = 0;
  for (const figure of candidates) {
    if (figure.start < end) continue;
    figures.push(figure);
    end = figure.start + figure.text.length;
  }
  return figures;
}
