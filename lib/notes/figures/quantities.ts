import type { Figure } from '@/lib/notes/types';
import { NUMBER, NUMBER_START, parseNumber, tidy } from './numbers';

type Quantity = Extract<Figure, { kind: 'quantity' }>;

/** Any letter case of a Latin word: kw, kW, KW. */
const anyCase = (word: string) => [...word].map((ch) => (/[a-z]/iu.test(ch) ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : escape(ch))).join('');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** Latin words of three letters or more are units in any case (Sites, HOURS); symbols (MW, L, h) only as written. */
const isWord = (form: string) => /^[A-Za-z ]{3,}$/u.test(form);

/**
 * Units as written → their normalised unit. `case` units are matched in any
 * letter case; `tight` ones only written on to the number (3A, not "plan 3 A").
 */
const UNITS: { written: string[]; unit: string; anyCase?: boolean; tight?: boolean }[] = [
  { written: ['kWh', '千瓦时', '度电'], unit: 'kWh', anyCase: true },
  { written: ['MWh', '兆瓦时'], unit: 'MWh', anyCase: true },
  { written: ['kVA', '千伏安'], unit: 'kVA', anyCase: true },
  { written: ['kW', '千瓦'], unit: 'kW', anyCase: true },
  { written: ['MW', '兆瓦'], unit: 'MW' },
  { written: ['kV', '千伏'], unit: 'kV' },
  { written: ['Ah', 'AH', '安时'], unit: 'Ah' },
  { written: ['V', '伏'], unit: 'V' },
  { written: ['A'], unit: 'A', tight: true },
  { written: ['W', '瓦'], unit: 'W', tight: true },
  { written: ['litres', 'liters', 'litre', 'liter', 'ltrs', 'ltr', 'L', '公升', '升'], unit: 'L' },
  { written: ['base stations', 'base station', 'BTS', '个基站', '基站'], unit: 'base station' },
  { written: ['sites', 'site', '个站点', '站点', '个站', '站'], unit: 'site' },
  { written: ['units', 'unit', 'sets', 'set', 'pcs', '台', '套'], unit: 'unit' },
  { written: ['°C', '° C', '℃', 'degrees Celsius', 'degrees C', 'deg C', '摄氏度', '度'], unit: '°C' },
  { written: ['kilometres', 'kilometers', 'km', '公里', '千米'], unit: 'km' },
  { written: ['hours', 'hour', 'hrs', 'hr', 'h', '个小时', '小时'], unit: 'h' },
  { written: ['minutes', 'mins', 'min', '分钟'], unit: 'min' },
  { written: ['kg', '公斤', '千克'], unit: 'kg' },
  { written: ['tonnes', 'tons', '吨'], unit: 't' },
  { written: ['metres', 'meters', '米'], unit: 'm' },
];

const UNIT_OF = new Map<string, string>();
const loose: string[] = [];
const tight: string[] = [];
for (const { written, unit, anyCase: ci, tight: isTight } of UNITS) {
  for (const form of written) {
    const caseless = ci === true || isWord(form);
    UNIT_OF.set(caseless ? form.toLowerCase() : form, unit);
    (isTight ? tight : loose).push(caseless ? anyCase(form) : escape(form));
  }
}
const bySize = (a: string, b: string) => b.length - a.length;

const QUANTITY = new RegExp(
  String.raw`${NUMBER_START}(?<sign>[-+−])?(?<num>${NUMBER})(?:\s?(?<mag>[kK](?=\s)|万|亿))?` +
    String.raw`(?:\s?(?<loose>${loose.sort(bySize).join('|')})|(?<tight>${tight.sort(bySize).join('|')}))(?![A-Za-z0-9])`,
  'gu',
);

const MODEL_NAME_BEFORE = /[A-Z]{2,}[\s-]?$/u;

/** IP55 (protection class): unit 'IP', value 55. */
const IP_CLASS = /(?<![A-Za-z0-9])IP\s?(?<code>\d{2})(?![0-9])/gu;

/** Counts and measures with their unit, normalised (450 sites, 1200个站点, 8 kW, -40℃, IP55). */
export function findQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    const { sign, num, mag, loose: looseUnit, tight: tightUnit } = match.groups!;
    const written = (looseUnit ?? tightUnit)!;
    const unit = UNIT_OF.get(written) ?? UNIT_OF.get(written.toLowerCase());
    const number = parseNumber(num!);
    if (unit === undefined || number === undefined) continue;
    // RTN 950A, ZXDU 58B: a model number after an upper-case name, not 950 amperes.
    if (tightUnit !== undefined && MODEL_NAME_BEFORE.test(text.slice(Math.max(0, match.index - 12), match.index))) continue;
    const factor = mag === undefined ? 1 : mag === '万' ? 1e4 : mag === '亿' ? 1e8 : 1e3;
    const value = number.value * factor * (sign === '-' || sign === '−' ? -1 : 1);
    found.push({ kind: 'quantity', text: match[0], start: match.index, value: tidy(value), unit });
  }
  for (const match of text.matchAll(IP_CLASS)) {
    found.push({ kind: 'quantity', text: match[0], start: match.index, value: Number(match.groups!.code), unit: 'IP' });
  }
  return found.sort((a, b) => a.start - b.start);
}
