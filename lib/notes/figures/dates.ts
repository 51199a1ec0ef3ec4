import type { Figure } from '@/lib/notes/types';
import {
  dayAfter, dayRange, isValidDay, monthAhead, monthOf, monthPart, spanPart, weekRange, yearEnding,
  type DateRange, type MonthPart,
} from './calendar';
import { parseChineseNumber } from './chinese-numbers';

type DateFigure = Extract<Figure, { kind: 'date' }>;

const B = '(?<![A-Za-z0-9])';
const E = '(?![A-Za-z0-9])';
const YEAR = String.raw`(?:19|20)\d{2}`;
/** A year after a month or quarter: 2027, '27, FY27. */
const LATE_YEAR = String.raw`(?:${YEAR}|'\d{2}|FY\d{2})`;
const MONTH = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
const QUALIFIER = String.raw`(?:(?<qual>end|beginning|start|middle|mid|early|late)(?:\s+of)?(?:\s+the)?[\s-]+)?`;

const EN_ISO = new RegExp(String.raw`(?<![\d.])(?<y>${YEAR})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})(?![\d.])|(?<![\d.-])(?<ym>${YEAR})-(?<mm>0[1-9]|1[0-2])(?![\d.-])`, 'gu');
/** 15/03/2027 or 03/15/2027, read only when the day is past 12 (otherwise day and month could be either). */
const NUMERIC = new RegExp(String.raw`(?<![\d./])(?<a>\d{1,2})[/.](?<b>\d{1,2})[/.](?<y>${YEAR})(?![\d./])`, 'gu');
const EN_DAY_MONTH = new RegExp(String.raw`${B}${QUALIFIER}(?<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?[\s-]+(?<m>${MONTH})\.?(?:(?:,?\s+|-)(?<y>${YEAR}))?${E}`, 'giu');
const EN_MONTH_DAY = new RegExp(String.raw`${B}(?<m>${MONTH})\.?\s+(?<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?<y>${YEAR}))?${E}`, 'giu');
const EN_MONTH = new RegExp(String.raw`${B}${QUALIFIER}(?<m>${MONTH})\.?(?:,?\s+(?<y>${LATE_YEAR}))?${E}`, 'giu');
const EN_QUARTER = new RegExp(
  String.raw`${B}${QUALIFIER}(?:Q(?<q>[1-4])(?:[\s/-]*(?<y>${LATE_YEAR}))?|(?<y0>${YEAR})[\s-]?Q(?<q0>[1-4])|(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?(?:\s+(?<y1>${YEAR}))?)${E}`,
  'giu',
);
const EN_HALF = new RegExp(
  String.raw`${B}${QUALIFIER}(?:H(?<h>[12])(?:[\s/-]*(?<y>${LATE_YEAR}))?|(?<y0>${YEAR})[\s-]?H(?<h0>[12])|(?<ord>first|second|1st|2nd)\s+half(?:\s+of)?(?:\s+(?:the\s+)?year)?(?:\s+(?<y1>${YEAR}))?)${E}`,
  'giu',
);
const EN_RELATIVE = new RegExp(
  String.raw`${B}${QUALIFIER}(?<rel>today|tomorrow|(?:next|this|the)\s+(?:week|month|year)|year[\s-]end|month[\s-]end|EOY|EOM|(?<bare>year|month)|(?<y>${YEAR}))${E}`,
  'giu',
);

const CN_MONTH = '1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]';
const CN_DAY = '3[01]|[12]\\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]';
const CN_PART = '底|末|初|上旬|中旬|下旬|中';
const ZH_DATE = new RegExp(
  String.raw`(?:(?<![\d.])(?<y>${YEAR})|(?<rely>今|明|去|后|本))年` +
    String.raw`(?:(?<![\d.])(?<m>${CN_MONTH})月份?(?:(?<d>${CN_DAY})[日号]|(?<mpart>${CN_PART}))?|(?<half>上|下)半年|第?(?<q>[一二三四1-4])季度|Q(?<qq>[1-4])(?!\d)|年?(?<ypart>底|末|初|中))?` +
    String.raw`|(?<![\d.])(?<m2>${CN_MONTH})月份?(?:(?<d2>${CN_DAY})[日号]|(?<mpart2>${CN_PART}))?` +
    String.raw`|(?<half2>上|下)半年|第?(?<q2>[一二三四])季度|(?<![\d.])第?(?<q3>[1-4])季度` +
    String.raw`|(?<relm>下个?|本|这个|当)月(?<rpart>${CN_PART})?|(?<![\d一二三四五六七八九十个])月(?<mpart3>底|末)` +
    String.raw`|(?<relw>下个?|本|这)(?:周|星期)(?![一二三四五六日天末])|(?<day>今天|明天|后天|今日|明日)|年(?<ypart2>底|末)`,
  'gu',
);

/** Dates in a statement: days, months (or a part of one), quarters, half years, years; relative ones against `now`. */
export function findDates(text: string, now: number): DateFigure[] {
  const found: DateFigure[] = [];
  const add = (match: RegExpExecArray, range: DateRange | undefined) => {
    if (range) found.push({ kind: 'date', text: match[0], start: match.index, from: range.from, to: range.to });
  };
  for (const match of text.matchAll(EN_ISO)) {
    const { y, m, d, ym, mm } = match.groups!;
    if (ym !== undefined) add(match, monthPart(Number(ym), Number(mm), undefined));
    else if (isValidDay(Number(y), Number(m), Number(d))) add(match, dayRange(Number(y), Number(m), Number(d)));
  }
  for (const match of text.matchAll(NUMERIC)) {
    const [a, b, y] = [Number(match.groups!.a), Number(match.groups!.b), Number(match.groups!.y)];
    const [d, m] = a > 12 ? [a, b] : b > 12 ? [b, a] : [0, 0];
    if (isValidDay(y, m, d)) add(match, dayRange(y, m, d));
  }
  for (const match of text.matchAll(EN_DAY_MONTH)) add(match, dayOf(match.groups!.y, monthNumber(match.groups!.m!), Number(match.groups!.d), now));
  for (const match of text.matchAll(EN_MONTH_DAY)) add(match, dayOf(match.groups!.y, monthNumber(match.groups!.m!), Number(match.groups!.d), now));
  for (const match of text.matchAll(EN_MONTH)) {
    const { qual, m, y } = match.groups!;
    if (qual === undefined && y === undefined && !standsAsMonth(m!, text.slice(Math.max(0, match.index - 12), match.index))) continue;
    const month = monthNumber(m!);
    add(match, monthPart(yearOf(y, month, now), month, partOf(qual)));
  }
  for (const match of text.matchAll(EN_QUARTER)) {
    const { qual, q, q0, ord, y, y0, y1 } = match.groups!;
    const quarter = Number(q ?? q0 ?? ordinal(ord!));
    add(match, spanOf(3 * quarter - 2, 3 * quarter, y ?? y0 ?? y1, partOf(qual), now));
  }
  for (const match of text.matchAll(EN_HALF)) {
    const { qual, h, h0, ord, y, y0, y1 } = match.groups!;
    const half = Number(h ?? h0 ?? ordinal(ord!));
    add(match, spanOf(6 * half - 5, 6 * half, y ?? y0 ?? y1, partOf(qual), now));
  }
  for (const match of text.matchAll(EN_RELATIVE)) add(match, relative(match.groups!, now));
  for (const match of text.matchAll(ZH_DATE)) add(match, chineseDate(match.groups!, now));
  return found.sort((a, b) => a.start - b.start || b.text.length - a.text.length);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function ordinal(word: string): number {
  return ['first', 'second', 'third', 'fourth'].indexOf(word.toLowerCase()) + 1 || Number(word[0]);
}

/** A month name alone is a date after a preposition (in March, by June) or as a capitalised full name other than May (a verb). */
const PREPOSITION_BEFORE = /(?:^|[^A-Za-z])(?:in|by|from|until|till|to|before|after|during|since|through|for|of|around|mid|early|late|end)\s+$/iu;
function standsAsMonth(written: string, before: string): boolean {
  if (PREPOSITION_BEFORE.test(before)) return true;
  return written.length > 3 && /^[A-Z][a-z]+$/u.test(written) && written !== 'May';
}

function partOf(qual: string | undefined): MonthPart | undefined {
  switch (qual?.toLowerCase()) {
    case 'end':
      return 'end';
    case 'beginning':
    case 'start':
    case 'early':
      return 'early';
    case 'middle':
    case 'mid':
      return 'mid';
    case 'late':
      return 'late';
    default:
      return undefined;
  }
}

/** A written year: 2027, '27, FY27 (read as the calendar year). */
function writtenYear(written: string | undefined): number | undefined {
  if (written === undefined) return undefined;
  const digits = written.replace(/\D/gu, '');
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

function yearOf(written: string | undefined, lastMonth: number, now: number): number {
  return writtenYear(written) ?? yearEnding(lastMonth, now);
}

function dayOf(written: string | undefined, month: number, day: number, now: number): DateRange | undefined {
  const year = yearOf(written, month, now);
  return isValidDay(year, month, day) ? dayRange(year, month, day) : undefined;
}

function spanOf(first: number, last: number, written: string | undefined, part: MonthPart | undefined, now: number): DateRange {
  return spanPart(yearOf(written, last, now), first, last, part);
}

function relative(groups: Record<string, string | undefined>, now: number): DateRange | undefined {
  const { qual, rel, bare, y } = groups;
  const part = partOf(qual);
  // "year", "month" and a bare year are dates only after a qualifier: end of the year, early 2028.
  if ((bare !== undefined || y !== undefined) && part === undefined) return undefined;
  if (y !== undefined) return spanPart(Number(y), 1, 12, part);
  const words = rel!.toLowerCase().replace(/[\s-]+/gu, ' ');
  const { year } = monthOf(now);
  if (words === 'today') return dayAfter(now, 0);
  if (words === 'tomorrow') return dayAfter(now, 1);
  if (words === 'next week') return weekRange(now, 1);
  if (words === 'this week' || words === 'the week') return weekRange(now, 0);
  if (words === 'next month') return monthAhead(now, 1, part);
  if (words === 'this month' || words === 'the month' || words === 'month') return monthAhead(now, 0, part);
  if (words === 'month end' || words === 'eom') return monthAhead(now, 0, 'end');
  if (words === 'next year') return spanPart(year + 1, 1, 12, part);
  if (words === 'this year' || words === 'the year' || words === 'year') return spanPart(year, 1, 12, part);
  if (words === 'year end' || words === 'eoy') return spanPart(year, 1, 12, 'end');
  return undefined;
}

const CN_MONTH_PART: Record<string, MonthPart> = { 底: 'end', 末: 'end', 初: 'early', 上旬: 'early', 中旬: 'mid', 中: 'mid', 下旬: 'late' };
const RELATIVE_YEAR: Record<string, number> = { 今: 0, 本: 0, 明: 1, 去: -1, 后: 2 };

function cnNumber(written: string): number {
  return /^\d/u.test(written) ? Number(written) : (parseChineseNumber(written) ?? NaN);
}

function chineseDate(g: Record<string, string | undefined>, now: number): DateRange | undefined {
  const thisYear = monthOf(now).year;
  const explicitYear = g.y !== undefined ? Number(g.y) : g.rely !== undefined ? thisYear + RELATIVE_YEAR[g.rely]! : undefined;
  const yearFor = (lastMonth: number) => explicitYear ?? yearEnding(lastMonth, now);
  const month = g.m ?? g.m2;
  if (month !== undefined) {
    const m = cnNumber(month);
    const day = g.d ?? g.d2;
    if (day !== undefined) {
      const year = yearFor(m);
      const d = cnNumber(day);
      return isValidDay(year, m, d) ? dayRange(year, m, d) : undefined;
    }
    const part = g.mpart ?? g.mpart2;
    return monthPart(yearFor(m), m, part === undefined ? undefined : CN_MONTH_PART[part]);
  }
  const half = g.half ?? g.half2;
  if (half !== undefined) return half === '上' ? spanPart(yearFor(6), 1, 6, undefined) : spanPart(yearFor(12), 7, 12, undefined);
  const quarter = g.q ?? g.qq ?? g.q2 ?? g.q3;
  if (quarter !== undefined) {
    const q = cnNumber(quarter);
    return spanPart(yearFor(3 * q), 3 * q - 2, 3 * q, undefined);
  }
  if (g.ypart !== undefined || g.ypart2 !== undefined) {
    const part = CN_MONTH_PART[(g.ypart ?? g.ypart2)!]!;
    // 年中 is mid-year (June–July); 年初 the first month; 年底 / 年末 the last day.
    const year = explicitYear ?? thisYear;
    return part === 'mid' ? spanPart(year, 6, 7, undefined) : spanPart(year, 1, 12, part);
  }
  if (explicitYear !== undefined) return spanPart(explicitYear, 1, 12, undefined);
  if (g.relm !== undefined) return monthAhead(now, g.relm.startsWith('下') ? 1 : 0, g.rpart === undefined ? undefined : CN_MONTH_PART[g.rpart]);
  if (g.mpart3 !== undefined) return monthAhead(now, 0, 'end');
  if (g.relw !== undefined) return weekRange(now, g.relw.startsWith('下') ? 1 : 0);
  if (g.day !== undefined) return dayAfter(now, g.day.startsWith('今') ? 0 : g.day.startsWith('明') ? 1 : 2);
  return undefined;
}
