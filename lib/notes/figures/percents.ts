import type { Figure } from '@/lib/notes/types';
import { CHINESE_NUMERAL, parseChineseNumber } from './chinese-numbers';
import { DIGITS, NUMBER_START, parseDigits, tidy } from './numbers';

type Percent = Extract<Figure, { kind: 'percent' }>;

const PERCENT = new RegExp(
  [
    // 20%, 20 %, -5%, 20 percent, 20 per cent, 20 pct
    String.raw`${NUMBER_START}(?<sign>[-+−])?(?<num>${DIGITS})\s?(?:[%％]|(?:percent|per cent|pct)(?![A-Za-z]))`,
    // 百分之二十, 百分之5
    String.raw`百分之(?<cn>${CHINESE_NUMERAL}|${DIGITS})`,
    // 5个百分点 (percentage points, read as written)
    String.raw`${NUMBER_START}(?<points>${DIGITS}|${CHINESE_NUMERAL})\s?个?百分点`,
    // 两成 = 20% (not 一成不变, 三成本, 八成都…)
    String.raw`(?<tenths>[一二两三四五六七八九]|(?<![\d.])[1-9])成(?![本功立交员熟为果都品型套绩效长不])`,
  ].join('|'),
  'gu',
);

/** Percentages as written (OPEX下降20% → 20; -5% → -5; 两成 → 20). */
export function findPercents(text: string): Percent[] {
  const found: Percent[] = [];
  for (const match of text.matchAll(PERCENT)) {
    const { sign, num, cn, points, tenths } = match.groups!;
    let value: number | undefined;
    if (num !== undefined) value = parseDigits(num) * (sign === '-' || sign === '−' ? -1 : 1);
    else if (cn !== undefined || points !== undefined) value = readNumber((cn ?? points)!);
    else if (tenths !== undefined) value = (readNumber(tenths) ?? NaN) * 10;
    if (value === undefined || !Number.isFinite(value)) continue;
    found.push({ kind: 'percent', text: match[0], start: match.index, value: tidy(value) });
  }
  return found;
}

function readNumber(written: string): number | undefined {
  return /^\d/u.test(written) ? parseDigits(written) : parseChineseNumber(written);
}
