import { describe, expect, it } from 'vitest';
import { findPercents } from './percents';

describe('findPercents', () => {
  it.each([
    ['they lose ~18% of fuel deliveries', 18, '18%'],
    ['10% advance on signature', 10, '10%'],
    ['discount of 20 % expected', 20, '20 %'],
    ['cut OPEX by 20 percent', 20, '20 percent'],
    ['margin 12.5 per cent', 12.5, '12.5 per cent'],
    ['OPEX下降20%', 20, '20%'],
    ['断站率降到0.5%以下', 0.5, '0.5%'],
    ['能耗降低百分之二十', 20, '百分之二十'],
    ['预付款百分之30', 30, '百分之30'],
    ['电费降两成', 20, '两成'],
    ['毛利提高5个百分点', 5, '5个百分点'],
    ['全角１０％不算但10％算', 10, '10％'],
    ['price change -5% vs last year', -5, '-5%'],
  ])('%s', (text, value, words) => {
    const found = findPercents(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ value, text: words });
  });

  it.each([
    ['一成不变', '方案一成不变'],
    ['成本', '三成本项目'],
    ['a bare number', 'tech 60/comm 40'],
    ['成都', '八成都在成都'],
  ])('finds no percent in %s', (_, text) => {
    expect(findPercents(text)).toEqual([]);
  });

  it('reads a range as its own percents without a sign from the dash', () => {
    expect(findPercents('10-20% saving').map((p) => p.value)).toEqual([20]);
  });
});
