import { describe, expect, it } from 'vitest';
import { MAX_TEXT } from './limits';
import {
  cleanText,
  collapseWhitespace,
  cutText,
  displayLabel,
  labelMatches,
  normaliseLabel,
  parseDateText,
  parseMoney,
  parseNumber,
  withoutPlaceholder,
} from './parse';

describe('text', () => {
  it('collapses every kind of whitespace', () => {
    expect(collapseWhitespace(' \n\tUSD\u00a01,250\u202f000\u3000 ')).toBe('USD 1,250 000');
  });

  it('cuts long text at the limit and marks the cut', () => {
    const cut = cutText('x'.repeat(50_000));
    expect(cut).toHaveLength(MAX_TEXT);
    expect(cut.endsWith('…')).toBe(true);
    expect(cutText('short')).toBe('short');
    expect(cutText('x'.repeat(MAX_TEXT))).toBe('x'.repeat(MAX_TEXT));
  });

  it('does not split a surrogate pair when cutting', () => {
    const cut = cutText(`${'a'.repeat(8)}😀😀`, 10);
    expect(cut).toBe(`${'a'.repeat(8)}…`);
  });

  it('cleans null and undefined to empty', () => {
    expect(cleanText(null)).toBe('');
    expect(cleanText(undefined)).toBe('');
    expect(cleanText('  a \n b ')).toBe('a b');
  });

  it('normalises labels for comparison', () => {
    expect(normaliseLabel(' Close Date: ')).toBe('close date');
    expect(normaliseLabel('*Stage')).toBe('stage');
    expect(normaliseLabel('角色：')).toBe('角色');
  });

  it('shows a label without its colon and required star, case kept', () => {
    expect(displayLabel(' Close\u00a0Date: ')).toBe('Close Date');
    expect(displayLabel('* Stage')).toBe('Stage');
    expect(displayLabel('Amount *')).toBe('Amount');
    expect(displayLabel('角色：')).toBe('角色');
    expect(displayLabel('Time 10:30')).toBe('Time 10:30');
  });

  it('matches a label against candidates in other spellings', () => {
    expect(labelMatches('close date:', ['Amount', 'Close Date'])).toBe(true);
    expect(labelMatches('*角色', ['角色'])).toBe(true);
    expect(labelMatches('Close', ['Close Date'])).toBe(false);
    expect(labelMatches('Stage', [])).toBe(false);
  });

  it('reads the dashes of an empty field as no value, other text as is', () => {
    for (const dash of ['-', '--', '---', '—', '–', '…']) expect(withoutPlaceholder(dash)).toBe('');
    expect(withoutPlaceholder('-5')).toBe('-5');
    expect(withoutPlaceholder('Won')).toBe('Won');
  });
});

describe('parseNumber', () => {
  it.each([
    ['1,250,000.00', 1_250_000],
    ['1.250.000,00', 1_250_000],
    ['1 250 000,00', 1_250_000],
    ["1'250'000.00", 1_250_000],
    ['12,50,000.00', 1_250_000],
    ['8,000,000', 8_000_000],
    ['1,250', 1250],
    ['1.250', 1250],
    ['1,5', 1.5],
    ['0.75', 0.75],
    ['42', 42],
  ])('%s -> %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(['', 'abc', '1,2,3', '1.250,000.00', '1,234.5,6'])('rejects %j', (text) => {
    expect(parseNumber(text)).toBeNull();
  });
});

describe('parseMoney', () => {
  it.each([
    ['USD 1,250,000.00', 1_250_000, 'USD'],
    ['$1,250,000.00', 1_250_000, undefined],
    ['US$1,250,000.00', 1_250_000, 'USD'],
    ['¥8,000,000', 8_000_000, undefined],
    ['CNY 8,000,000.00', 8_000_000, 'CNY'],
    ['8,000,000.00元', 8_000_000, 'CNY'],
    ['1.250.000,00 €', 1_250_000, 'EUR'],
    ['1 250 000,00 €', 1_250_000, 'EUR'],
    ['£950.50', 950.5, 'GBP'],
    ['USD 1,250,000.00 (EUR 1,150,000.00)', 1_250_000, 'USD'],
    ['-USD 500.00', -500, 'USD'],
    ['(USD 500.00)', -500, 'USD'],
    ['EUR 0.00', 0, 'EUR'],
  ])('%s', (text, value, currency) => {
    const money = parseMoney(text);
    expect(money.text).toBe(text);
    expect(money.value).toBe(value);
    expect(money.currency).toBe(currency);
  });

  it('keeps the text and gives no value when the text is not an amount', () => {
    expect(parseMoney('12 units')).toEqual({ text: '12 units', value: null });
    expect(parseMoney('Q3 2027')).toEqual({ text: 'Q3 2027', value: null });
    expect(parseMoney('')).toEqual({ text: '', value: null });
    expect(parseMoney('<img src=x onerror=alert(1)>')).toEqual({ text: '<img src=x onerror=alert(1)>', value: null });
  });

  it('collapses and cuts the displayed text', () => {
    expect(parseMoney('  USD\u00a01,000.00 ').text).toBe('USD 1,000.00');
    expect(parseMoney(`USD 1.00 ${'x'.repeat(50_000)}`).text).toHaveLength(MAX_TEXT);
  });
});

describe('parseDateText', () => {
  it.each([
    ['2027-03-31', '2027-03-31'],
    ['2027/3/31', '2027-03-31'],
    ['2027年3月31日', '2027-03-31'],
    ['3/31/2027', '2027-03-31'],
    ['31/3/2027', '2027-03-31'],
    ['31.03.2027', '2027-03-31'],
    ['Mar 31, 2027', '2027-03-31'],
    ['March 31, 2027', '2027-03-31'],
    ['31 Mar 2027', '2027-03-31'],
    ['3/31/27', '2027-03-31'],
  ])('%s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it('needs the locale order for ambiguous day/month', () => {
    expect(parseDateText('3/4/2027')).toBeNull();
    expect(parseDateText('3/4/2027', 'mdy')).toBe('2027-03-04');
    expect(parseDateText('3/4/2027', 'dmy')).toBe('2027-04-03');
  });

  it.each(['', 'soon', '2027-02-30', '13/13/2027', 'Foo 3, 2027'])('rejects %j', (text) => {
    expect(parseDateText(text)).toBeNull();
  });
});
