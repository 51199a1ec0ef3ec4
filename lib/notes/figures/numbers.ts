import { CHINESE_NUMERAL, parseChineseNumber } from './chinese-numbers';

/** Arabic digits: 1,200,000 (thousands commas), 1.200.000 (thousands dots, two groups at least), 3.5. */
export const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}|\d+(?:\.\d+)?`;

/** A Chinese magnitude after digits (1200万, 3.5亿, 300多万); 千 not where it starts a unit (5千瓦 is 5 kW). */
const CJK_MAGNITUDE = String.raw`(?:多|余)?(?:万亿|千万|百万|亿|万|千(?![瓦米克伏]))`;

/** A number as written in a note, digits or Chinese numerals, with its Chinese magnitude if any (1200万, 一千二百万, 8, 3.5). */
export const NUMBER = String.raw`(?:${DIGITS})${CJK_MAGNITUDE}?|${CHINESE_NUMERAL}`;

/** Not a digit, letter or decimal point right before a number: RRU3268, v2.5 and 1.5 are not read from their middle. */
export const NUMBER_START = String.raw`(?<![A-Za-z0-9_.,])`;

const CJK_FACTOR: Record<string, number> = { 万亿: 1e12, 千万: 1e7, 百万: 1e6, 亿: 1e8, 万: 1e4, 千: 1e3 };

/** Latin magnitude words and abbreviations, lower-cased. */
const LATIN_FACTOR: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, mn: 1e6, mln: 1e6, mio: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9,
};

export function parseDigits(text: string): number {
  if (/^\d{1,3}(?:\.\d{3}){2,}$/u.test(text)) return Number(text.replaceAll('.', ''));
  return Number(text.replaceAll(',', ''));
}

export interface ParsedNumber {
  value: number;
  /** Whether a magnitude (万, 亿, 千 …) is part of it: 1200万 is a magnitude, 1200 is bare. */
  magnitude: boolean;
}

/** The value of a `NUMBER` match. */
export function parseNumber(text: string): ParsedNumber | undefined {
  const digits = /^(\d[\d,.]*)(?:多|余)?(万亿|千万|百万|亿|万|千)?$/u.exec(text);
  if (digits) {
    const value = parseDigits(digits[1]!) * (digits[2] ? CJK_FACTOR[digits[2]]! : 1);
    return Number.isFinite(value) ? { value, magnitude: digits[2] !== undefined } : undefined;
  }
  const value = parseChineseNumber(text);
  return value === undefined ? undefined : { value, magnitude: /[千万亿仟]/u.test(text) };
}

/** The factor of a Latin magnitude (k, M, mn, bn, million…), 1 when there is none. */
export function latinFactor(word: string | undefined): number {
  return word === undefined ? 1 : (LATIN_FACTOR[word.toLowerCase()] ?? 1);
}

/** Round away binary noise (1.2 * 1e6 = 1199999.9999999998). */
export function tidy(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}
