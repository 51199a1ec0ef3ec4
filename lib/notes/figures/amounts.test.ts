import { describe, expect, it } from 'vitest';
import { findAmounts } from './amounts';

const one = (text: string) => {
  const found = findAmounts(text);
  expect(found, text).toHaveLength(1);
  const { value, currency, text: words } = found[0]!;
  return { value, currency, text: words };
};

describe('findAmounts', () => {
  it.each([
    ['Budget approx USD 1.2M for phase 1 (120 sites).', 1_200_000, 'USD', 'USD 1.2M'],
    ['They quoted $2.35m for the hybrid sites', 2_350_000, 'USD', '$2.35m'],
    ['capex of 1.2 million USD this year', 1_200_000, 'USD', '1.2 million USD'],
    ['Competitor offered €300k lower', 300_000, 'EUR', '€300k'],
    ['around £5 million over 5 years', 5_000_000, 'GBP', '£5 million'],
    ['EUR 1,200,000 for the pilot', 1_200_000, 'EUR', 'EUR 1,200,000'],
    ['a fund of 2.5bn', 2_500_000_000, undefined, '2.5bn'],
    ['pay ~KES 4.5M/month electricity', 4_500_000, 'KES', 'KES 4.5M'],
    ['price $450 per unit', 450, 'USD', '$450'],
    ['预算：一期已批1200万元，二期看一期效果再定。', 12_000_000, 'CNY', '1200万元'],
    ['每月因断站被运营商罚款约12万元', 120_000, 'CNY', '12万元'],
    ['总投资3.5亿元', 350_000_000, 'CNY', '3.5亿元'],
    ['海外部分500万美元', 5_000_000, 'USD', '500万美元'],
    ['预算RMB 300万左右', 3_000_000, 'CNY', 'RMB 300万'],
    ['约800万元', 8_000_000, 'CNY', '800万元'],
    ['单价¥1.2万', 12_000, 'CNY', '¥1.2万'],
    ['集团批了一千二百万', 12_000_000, undefined, '一千二百万'],
    ['人民币五十万元', 500_000, 'CNY', '人民币五十万元'],
    ['电费一年300多万', 3_000_000, undefined, '300多万'],
    ['每度电0.8元', 0.8, 'CNY', '0.8元'],
  ])('%s', (text, value, currency, words) => {
    expect(one(text)).toEqual({ value, currency, text: words });
  });

  it.each([
    ['bare numbers and years', 'In 2027 we deploy 1,200,000 meters across 3268 villages'],
    ['a phone number', 'call him on +44 20 7946 0958 or 138-0013-8000'],
    ['a model number', 'RRU 3268 and BBU 5900 installed'],
    ['a lower-case m without currency (metres)', 'cabinet height 2.2m'],
    ['a magnitude counting people', '1.2万用户 and 2 million subscribers'],
    ['a currency code with no number', 'Currency USD, LC at sight'],
    ['5千瓦 (kilowatts)', '5千瓦的光伏'],
    ['万一 and 千万', '万一停电，千万不要断开'],
    ['an ordinal Chinese numeral', '一期二期都要做'],
  ])('finds no amount in %s', (_, text) => {
    expect(findAmounts(text)).toEqual([]);
  });

  it('keeps a currency code before the next number for that number (24/7 KES 4.5M)', () => {
    expect(findAmounts('gensets 24/7 KES 4.5M per month').map((a) => [a.text, a.currency])).toEqual([['KES 4.5M', 'KES']]);
  });

  it('records start as the offset of the verbatim text', () => {
    const text = 'Budget: USD 1.2M and $300k';
    for (const amount of findAmounts(text)) expect(text.slice(amount.start, amount.start + amount.text.length)).toBe(amount.text);
    expect(findAmounts(text)).toHaveLength(2);
  });
});
