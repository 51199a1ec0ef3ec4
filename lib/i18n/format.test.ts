import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatDisplayedDate, formatMoney, formatNumber } from './format';
import { setLocale } from './index';

afterEach(() => setLocale('en'));

// Mid-month noon UTC: the same calendar day in every time zone the tests may run in.
const MID_MARCH_2027 = Date.UTC(2027, 2, 15, 12);
// Intl separates a currency code from its amount with a no-break space.
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('format', () => {
  it('writes amounts with the record’s currency code in the user’s language', () => {
    setLocale('en');
    expect(plain(formatMoney({ text: '$1.25M', value: 1_250_000, currency: 'USD' }))).toBe('USD 1,250,000.00');
    expect(plain(formatMoney({ text: '¥ 980,000', value: 980_000, currency: 'CNY' }))).toBe('CNY 980,000.00');
    setLocale('zh-CN');
    expect(plain(formatMoney({ text: '€ 2.000', value: 2_000, currency: 'EUR' }))).toBe('EUR 2,000.00');
  });

  it('keeps the page’s text for an amount it could not parse, and a bare number without a currency', () => {
    expect(formatMoney({ text: 'to be agreed', value: null })).toBe('to be agreed');
    expect(formatMoney({ text: '1250000', value: 1_250_000 })).toBe('1,250,000');
    // "$" alone does not say which dollar: the CRM's own text is kept.
    expect(formatMoney({ text: '$125,000.00', value: 125_000 })).toBe('$125,000.00');
    // Nor when the reader assumed USD for it: the panel marks the assumption beside the page's text.
    expect(formatMoney({ text: '$125,000.00', value: 125_000, currency: 'USD', currencyAssumed: true })).toBe('$125,000.00');
  });

  it('writes dates the way each language does', () => {
    setLocale('en');
    expect(formatDay(MID_MARCH_2027)).toBe('Mar 15, 2027');
    expect(formatDisplayedDate('3/31/2027')).toBe('Mar 31, 2027');
    expect(plain(formatDateTime(MID_MARCH_2027))).toMatch(/^Mar 15, 2027, \d{1,2}:\d{2} [AP]M$/);
    setLocale('zh-CN');
    expect(formatDay(MID_MARCH_2027)).toBe('2027年3月15日');
    expect(formatDisplayedDate('2027-03-31')).toBe('2027年3月31日');
    expect(formatDateTime(MID_MARCH_2027)).toMatch(/^2027年3月15日 \d{2}:\d{2}$/);
  });

  it('shows an ambiguous or unreadable date as the CRM displayed it', () => {
    expect(formatDisplayedDate('3/4/2027')).toBe('3/4/2027');
    expect(formatDisplayedDate('next quarter')).toBe('next quarter');
  });

  it('groups numbers per locale', () => {
    expect(formatNumber(5000)).toBe('5,000');
    expect(formatNumber(0.125)).toBe('0.13');
  });
});
