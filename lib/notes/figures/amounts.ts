import type { Figure } from '@/lib/notes/types';
import { latinFactor, NUMBER, NUMBER_START, parseNumber, tidy } from './numbers';

type Amount = Extract<Figure, { kind: 'amount' }>;

/** ISO 4217 codes a note may write before or after an amount (RMB is the colloquial CNY). */
const ISO_CODES =
  'USD|EUR|GBP|CNY|RMB|JPY|HKD|SGD|AUD|CAD|CHF|INR|KES|NGN|ZAR|EGP|SAR|AED|QAR|KWD|OMR|BHD|XOF|XAF|TZS|UGX|RWF|ETB|GHS|ZMW|MAD|DZD|BRL|MXN|COP|PEN|CLP|ARS|IDR|MYR|THB|VND|PHP|PKR|BDT|LKR|TRY|RUB|KRW|NZD|SEK|NOK|DKK|PLN';

const SYMBOL_CURRENCY: Record<string, string> = {
  $: 'USD', US$: 'USD', 美元: 'USD', dollar: 'USD', dollars: 'USD',
  HK$: 'HKD', 港元: 'HKD', 港币: 'HKD', S$: 'SGD', A$: 'AUD', C$: 'CAD',
  '€': 'EUR', 欧元: 'EUR', euro: 'EUR', euros: 'EUR',
  '£': 'GBP', 英镑: 'GBP', pound: 'GBP', pounds: 'GBP',
  '¥': 'CNY', '￥': 'CNY', 元: 'CNY', 块钱: 'CNY', 人民币: 'CNY', RMB: 'CNY', 日元: 'JPY',
};

const PREFIX = String.raw`(?<pre>US\$|HK\$|S\$|A\$|C\$|\$|€|£|¥|￥|(?:${ISO_CODES})(?![A-Za-z])|人民币|美元|欧元)\s?`;
/** Latin magnitudes: words may stand after a blank (1.2 million), letters are written on (1.2M, 500k, 3mn). */
const MAGNITUDE = String.raw`(?:\s?(?<word>million|billion|thousand|mln|mio|mn|bn)|(?<letter>MM|[kKmMB]))(?![A-Za-z0-9])`;
const SUFFIX = String.raw`\s?(?<post>元|美元|欧元|英镑|日元|港元|港币|人民币|块钱|(?:${ISO_CODES}|dollars?|euros?|pounds?)(?![A-Za-z]))`;

const AMOUNT = new RegExp(`${NUMBER_START}(?:${PREFIX})?(?<num>${NUMBER})(?:${MAGNITUDE})?(?:${SUFFIX})?`, 'gu');

/** Words after a magnitude that count something other than money: 1.2万用户, 2 million subscribers. */
const COUNTED_AFTER =
  /^\s?(?:(?:users?|subscribers?|subs|customers?|people|persons|sites?|units?|households?|homes|devices|connections|visitors|downloads|km|kilomet(?:re|er)s?)(?![A-Za-z])|[人户个台套座站次吨条件只辆部名位]|基站|用户|公里|千瓦|平米|平方)/iu;

/** Money figures: a number with a currency (before or after) or with a magnitude (万, 亿, M, million…); a bare number is none. */
export function findAmounts(text: string): Amount[] {
  const found: Amount[] = [];
  AMOUNT.lastIndex = 0;
  for (let match = AMOUNT.exec(text); match !== null; match = AMOUNT.exec(text)) {
    const { pre, num, word, letter, post } = match.groups!;
    const end = match.index + match[0].length;
    // "24/7 KES 4.5M": a code followed by a number is that number's currency, not this one's.
    if (post !== undefined && /^[A-Z]{3}$/u.test(post) && /^\s?\d/u.test(text.slice(end, end + 2))) {
      AMOUNT.lastIndex = end - post.length;
      continue;
    }
    const number = parseNumber(num!);
    if (number === undefined) continue;
    const currency = currencyOf(pre) ?? currencyOf(post);
    const magnitude = word ?? letter;
    // Lower-case m (metres) and B alone are only magnitudes beside a currency: $2.35m, not a 2.35m cabinet.
    if (currency === undefined && (letter === 'm' || letter === 'B')) continue;
    if (currency === undefined && magnitude === undefined && !number.magnitude) continue;
    if (currency === undefined && COUNTED_AFTER.test(text.slice(end, end + 16))) continue;
    found.push({
      kind: 'amount',
      text: match[0],
      start: match.index,
      value: tidy(number.value * latinFactor(magnitude)),
      ...(currency !== undefined && { currency }),
    });
  }
  return found;
}

function currencyOf(written: string | undefined): string | undefined {
  if (written === undefined) return undefined;
  const symbol = SYMBOL_CURRENCY[written] ?? SYMBOL_CURRENCY[written.toLowerCase()];
  if (symbol !== undefined) return symbol;
  return /^[A-Z]{3}$/u.test(written) ? written : undefined;
}
