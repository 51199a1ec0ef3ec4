import { MAX_TEXT } from './limits';
import type { Money } from './snapshot';

// Text, money and date helpers shared by the CRM adapters. Pure functions on
// strings: no DOM, never throw, safe to run in the content script.

const WHITESPACE = /[\s\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;

/** Collapses every run of whitespace (incl. NBSP and ideographic space) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE, ' ').trim();
}

/** Cuts `text` to `max` characters; a cut value ends with "…" so the cut is visible, never silent. */
export function cutText(text: string, max: number = MAX_TEXT): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Do not split a surrogate pair.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** Whitespace-collapsed and cut at MAX_TEXT; null/undefined become "". */
export function cleanText(text: string | null | undefined, max: number = MAX_TEXT): string {
  return typeof text === 'string' ? cutText(collapseWhitespace(text), max) : '';
}

/**
 * A label as it reads: whitespace collapsed, without the trailing ":" (also
 * full-width "：") or the required-field "*" (before or after it).
 */
export function displayLabel(label: string): string {
  return collapseWhitespace(label)
    .replace(/^\*\s*/, '')
    .replace(/\s*[:：*]+$/, '');
}

/** Key for comparing field labels across layouts: the display label, case-folded. */
export function normaliseLabel(label: string): string {
  return displayLabel(label).toLowerCase();
}

/** True when `label` is one of `labels` in another spelling (case, spacing, colon, required star). */
export function labelMatches(label: string, labels: readonly string[]): boolean {
  const key = normaliseLabel(label);
  return labels.some((candidate) => normaliseLabel(candidate) === key);
}

// What CRMs show in an empty field instead of leaving it blank.
const PLACEHOLDERS = new Set(['-', '--', '---', '—', '–', '…']);

/** "" for the dashes CRMs show in an empty field; any other text as is. */
export function withoutPlaceholder(text: string): string {
  return PLACEHOLDERS.has(text) ? '' : text;
}

// --- Numbers and money -------------------------------------------------------

// Currency symbols that name one currency. "$", "¥" and "kr" are used by several
// currencies (USD/CAD/AUD…, JPY/CNY, SEK/NOK/DKK), so they give no code.
const SYMBOLS: Record<string, string> = {
  'US$': 'USD',
  'CA$': 'CAD',
  C$: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  NZ$: 'NZD',
  HK$: 'HKD',
  S$: 'SGD',
  R$: 'BRL',
  MX$: 'MXN',
  'CN¥': 'CNY',
  RMB: 'CNY',
  元: 'CNY',
  人民币: 'CNY',
  'JP¥': 'JPY',
  円: 'JPY',
  '€': 'EUR',
  '£': 'GBP',
  '₹': 'INR',
  '₩': 'KRW',
  '₽': 'RUB',
  '₺': 'TRY',
  '₫': 'VND',
  '₱': 'PHP',
  '₪': 'ILS',
  '฿': 'THB',
  '₦': 'NGN',
  '₴': 'UAH',
  'zł': 'PLN',
};

const NUMBER = /\d+(?:[ \u00a0\u202f.,'’]\d+)*/;

/**
 * Parses a displayed number in any of the common locale styles:
 * "1,250,000.00", "1.250.000,00", "1 250 000,00", "1'250'000.00", "12,50,000.00".
 * With a single separator followed by exactly three digits ("1,250", "1.250")
 * the separator is read as grouping: CRM amounts show decimals as 2 digits.
 */
export function parseNumber(text: string): number | null {
  const digits = /^\d+(?:[ \u00a0\u202f.,'’]\d+)*$/.test(text) ? text : null;
  if (!digits) return null;
  const groups = digits.split(/[ \u00a0\u202f.,'’]/);
  const separators: string[] = digits.match(/[ \u00a0\u202f.,'’]/g) ?? [];
  let decimalAt = -1; // index in `separators` of the decimal separator
  const last = separators[separators.length - 1];
  if (last === '.' || last === ',') {
    const other = last === '.' ? ',' : '.';
    const lastGroup = groups[groups.length - 1] ?? '';
    const sameCount = separators.filter((s) => s === last).length;
    if (separators.includes(other)) decimalAt = separators.length - 1;
    else if (sameCount === 1 && lastGroup.length !== 3) decimalAt = separators.length - 1;
    // one kind repeated ("1,250,000") or "1,250": grouping only.
  }
  let integer = '';
  let fraction = '';
  groups.forEach((group, index) => {
    if (decimalAt >= 0 && index === groups.length - 1) fraction = group;
    else integer += group;
  });
  // Grouped digits must come in threes after the first group (or twos, Indian style).
  if (separators.length > (decimalAt >= 0 ? 1 : 0)) {
    const grouped = decimalAt >= 0 ? groups.slice(1, -1) : groups.slice(1);
    if (!grouped.every((g) => g.length === 3 || g.length === 2)) return null;
    if (decimalAt >= 0 && separators.slice(0, -1).includes(separators[decimalAt] ?? '')) return null;
  }
  const value = Number(fraction ? `${integer}.${fraction}` : integer);
  return Number.isFinite(value) ? value : null;
}

// Symbols shared by several currencies: an amount, but no ISO code.
const AMBIGUOUS = ['$', '¥', '￥', 'kr', 'kr.', 'Fr', 'Fr.', 'Rs', 'Rs.'];

function currencyIn(text: string): string | undefined {
  const code = /(?:^|[^A-Za-z])([A-Z]{3})(?![A-Za-z])/.exec(text);
  if (code?.[1] && code[1] !== 'RMB') return code[1];
  const bare = text.replace(/[\s()\-−+]/g, '');
  if (!bare) return undefined;
  if (SYMBOLS[bare]) return SYMBOLS[bare];
  // Longest known symbol inside the affix ("US$" rather than "$").
  let best: string | undefined;
  for (const symbol of Object.keys(SYMBOLS)) {
    if (bare.includes(symbol) && (!best || symbol.length > best.length)) best = symbol;
  }
  return best ? SYMBOLS[best] : undefined;
}

/** True when the text around a number is only currency codes, symbols, signs or brackets. */
function isCurrencyAffix(text: string): boolean {
  const bare = text.replace(/[A-Z]{3}/g, '').replace(/[\s()\-−+]/g, '');
  return !bare || AMBIGUOUS.includes(bare) || Boolean(SYMBOLS[bare]);
}

/**
 * Reads a displayed amount: "USD 1,250,000.00", "$1,250,000.00",
 * "1.250.000,00 €", "CNY 8,000,000.00", "¥8,000,000". Only the first amount
 * counts, so multi-currency orgs' "USD 1,000.00 (EUR 920.00)" gives USD 1000.
 * `currency` is set only when the text names one currency (not for "$" or "¥",
 * which several currencies use).
 */
export function parseMoney(text: string): Money {
  const shown = cleanText(text);
  const money: Money = { text: shown, value: null };
  const match = NUMBER.exec(shown);
  if (!match) return money;
  const before = shown.slice(0, match.index);
  let after = shown.slice(match.index + match[0].length);
  const paren = after.indexOf('(');
  if (paren >= 0 && !before.includes('(')) after = after.slice(0, paren);
  // "12 units", "Q3 2027": text around the number that is not a currency.
  if (!isCurrencyAffix(before) || !isCurrencyAffix(after)) return money;
  const currency = currencyIn(before) ?? currencyIn(after);
  if (currency) money.currency = currency;
  const value = parseNumber(match[0].trim());
  if (value === null) return money;
  const negative = /[-−]/.test(before) || /^\s*[-−]/.test(after) || (before.includes('(') && after.includes(')'));
  money.value = negative && value !== 0 ? -value : value;
  return money;
}

/**
 * The currency a bare "$" most likely means when nothing on the record names
 * one: USD, marked as assumed wherever it is shown. Other shared symbols
 * ("¥" is CNY or JPY, "kr" three currencies) give no guess.
 */
export function assumedCurrencyOf(money: Money): string | undefined {
  if (money.currency || money.value === null) return undefined;
  const affix = money.text.replace(NUMBER, '').replace(/[\s()\-−+.,]/g, '');
  return affix === '$' ? 'USD' : undefined;
}

// --- Dates -------------------------------------------------------------------

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function iso(year: number, month: number, day: number): string | null {
  if (year < 100) year += 2000;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * Reads a displayed date (no time) as ISO "YYYY-MM-DD", or null when the text
 * is not a date or is ambiguous: "3/4/2027" is 4 March or 3 April depending on
 * the user's locale, so it needs `order`; "3/31/2027" and "31/3/2027" do not.
 * Dotted dates ("31.03.2027") are day-first as everywhere they are used.
 */
export function parseDateText(text: string, order?: 'mdy' | 'dmy'): string | null {
  const t = collapseWhitespace(text);
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t) ?? /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = Number(m[3]);
    if (a > 12 || order === 'dmy') return b > 12 ? null : iso(year, b, a);
    if (b > 12 || order === 'mdy') return iso(year, a, b);
    return null;
  }
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(t);
  if (m?.[1] && monthOf(m[1])) return iso(Number(m[3]), monthOf(m[1]), Number(m[2]));
  m = /^(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})$/.exec(t);
  if (m?.[2] && monthOf(m[2])) return iso(Number(m[3]), monthOf(m[2]), Number(m[1]));
  return null;
}
