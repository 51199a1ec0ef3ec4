import type { Figure } from '@/lib/notes/types';
import { CHINESE_NUMERAL, parseChineseNumber } from './chinese-numbers';
import { DIGITS, parseDigits } from './numbers';

type Period = Extract<Figure, { kind: 'period' }>;

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, eighteen: 18, 'twenty-four': 24,
};

const EN_PERIOD = new RegExp(
  String.raw`(?<![A-Za-z0-9.,])(?:(?<within>within|in under|in less than|under|less than|up to)\s+)?(?:the\s+next\s+|next\s+)?` +
    String.raw`(?<n>${DIGITS}|${Object.keys(NUMBER_WORDS).join('|')})(?:\s*(?:-|–|to)\s*(?<n2>${DIGITS}))?[\s-]*` +
    String.raw`(?<unit>(?:business|working|calendar)\s+days?|days?|weeks?|wks?|months?|mos?|years?|yrs?|hours?|hrs?)(?![A-Za-z0-9])`,
  'giu',
);

const ZH_NUMBER = `${DIGITS}|${CHINESE_NUMERAL}`;
const ZH_PERIOD = new RegExp(
  String.raw`(?<![\d.第每])(?<n>${ZH_NUMBER}|半)(?:\s*(?:-|~|～|到|至)\s*(?<n2>${ZH_NUMBER}))?\s*` +
    String.raw`(?<unit>个工作日|个自然日|工作日|自然日|个星期|个礼拜|星期|个月|周(?!年)|天|年|个小时|小时|日)(?<within>之?内|以内)?`,
  'gu',
);

const DAYS_PER: [RegExp, number][] = [
  [/^(?:business|working|calendar|个工作|工作|个自然|自然)?\s*(?:days?|日|天)$/iu, 1],
  [/^(?:weeks?|wks?|个星期|个礼拜|星期|周)$/iu, 7],
  [/^(?:months?|mos?|个月)$/iu, 30],
  [/^(?:years?|yrs?|年)$/iu, 365],
  [/^(?:hours?|hrs?|个小时|小时)$/iu, 1 / 24],
];

/**
 * Spans of time, in days (a week 7, a month 30, a year 365): "within 8 weeks" → 56, 3个月内 → 90.
 * A range (10-12 weeks) counts its upper bound. Hours are a period only within a limit
 * ("within 4 hours", 4小时内); otherwise they are a quantity (8 hours backup).
 */
export function findPeriods(text: string): Period[] {
  const found: Period[] = [];
  for (const regex of [EN_PERIOD, ZH_PERIOD]) {
    for (const match of text.matchAll(regex)) {
      const { n, n2, unit, within } = match.groups!;
      const perUnit = DAYS_PER.find(([pattern]) => pattern.test(unit!))?.[1];
      if (perUnit === undefined) continue;
      if (perUnit < 1 && within === undefined) continue;
      // 15日 is the 15th; days written 日 are a period only as 日内 or 工作日.
      if (unit === '日' && within === undefined) continue;
      const count = countOf(n2 ?? n!);
      // 2027年 is a year, not 2027 years.
      if (count === undefined || !Number.isFinite(count) || (perUnit === 365 && count >= 100)) continue;
      found.push({ kind: 'period', text: match[0], start: match.index, days: Number.parseFloat((count * perUnit).toPrecision(12)) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function countOf(written: string): number | undefined {
  if (written === '半') return 0.5;
  if (/^\d/u.test(written)) return parseDigits(written);
  return NUMBER_WORDS[written.toLowerCase()] ?? parseChineseNumber(written);
}
