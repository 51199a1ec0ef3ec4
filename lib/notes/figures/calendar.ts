/** Calendar arithmetic for dates read from notes: months resolved against the month a note was captured in (local time). */

export interface DateRange {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function lastDayOf(year: number, month: number): number {
  return new Date(year, month, 0).getDate();
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOf(year, month);
}

/** The note's year and month (1-12). */
export function monthOf(now: number): { year: number; month: number } {
  const date = new Date(now);
  return { year: date.getFullYear(), month: date.getMonth() + 1 };
}

/**
 * The year of a span ending in `lastMonth` written without its year: the note's
 * year unless that month is already past when the note was captured (then next year).
 */
export function yearEnding(lastMonth: number, now: number): number {
  const current = monthOf(now);
  return lastMonth >= current.month ? current.year : current.year + 1;
}

export function dayRange(year: number, month: number, day: number): DateRange {
  const iso = isoDate(year, month, day);
  return { from: iso, to: iso };
}

export function monthSpan(year: number, firstMonth: number, lastMonth: number): DateRange {
  return { from: isoDate(year, firstMonth, 1), to: isoDate(year, lastMonth, lastDayOf(year, lastMonth)) };
}

/** A part of a month: the first, middle or last ten days, or its last day ("end of June", 6月底). */
export type MonthPart = 'early' | 'mid' | 'late' | 'end';

export function monthPart(year: number, month: number, part: MonthPart | undefined): DateRange {
  const last = lastDayOf(year, month);
  switch (part) {
    case 'early':
      return { from: isoDate(year, month, 1), to: isoDate(year, month, 10) };
    case 'mid':
      return { from: isoDate(year, month, 11), to: isoDate(year, month, 20) };
    case 'late':
      return { from: isoDate(year, month, 21), to: isoDate(year, month, last) };
    case 'end':
      return dayRange(year, month, last);
    default:
      return monthSpan(year, month, month);
  }
}

/** A span of months (a quarter, a half year, a year) or a part of it: its last day for 'end', its first month for 'early'. */
export function spanPart(year: number, firstMonth: number, lastMonth: number, part: MonthPart | undefined): DateRange {
  if (part === 'end') return dayRange(year, lastMonth, lastDayOf(year, lastMonth));
  if (part === 'early') return monthSpan(year, firstMonth, firstMonth);
  if (part === 'late') return monthSpan(year, lastMonth, lastMonth);
  return monthSpan(year, firstMonth, lastMonth);
}

/** The Monday..Sunday week `weeksAhead` weeks from the note's. */
export function weekRange(now: number, weeksAhead: number): DateRange {
  const date = new Date(now);
  const monday = new Date(date.getFullYear(), date.getMonth(), date.getDate() - ((date.getDay() + 6) % 7) + 7 * weeksAhead);
  const sunday = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 6);
  return { from: isoOf(monday), to: isoOf(sunday) };
}

export function dayAfter(now: number, days: number): DateRange {
  const date = new Date(now);
  return dayRange(...ymd(new Date(date.getFullYear(), date.getMonth(), date.getDate() + days)));
}

/** The month `monthsAhead` months from the note's, or a part of it. */
export function monthAhead(now: number, monthsAhead: number, part?: MonthPart): DateRange {
  const { year, month } = monthOf(now);
  const target = new Date(year, month - 1 + monthsAhead, 1);
  return monthPart(target.getFullYear(), target.getMonth() + 1, part);
}

function ymd(date: Date): [number, number, number] {
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()];
}

function isoOf(date: Date): string {
  return isoDate(...ymd(date));
}
