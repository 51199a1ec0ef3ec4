import { describe, expect, it } from 'vitest';
import { findPeriods } from './periods';

const read = (text: string) => findPeriods(text).map(({ text: words, days }) => [words, days]);

describe('findPeriods', () => {
  it.each([
    ['delivery within 8 weeks of PO', 'within 8 weeks', 56],
    ['lead time 8 weeks', '8 weeks', 56],
    ['payment 90 days after invoice', '90 days', 90],
    ['pilot for 3 months', '3 months', 90],
    ['a 12-month warranty', '12-month', 360],
    ['delivery 10-12 weeks after PO', '10-12 weeks', 84],
    ['two years O&M', 'two years', 730],
    ['respond within 4 hours', 'within 4 hours', 4 / 24],
    ['30 working days', '30 working days', 30],
    ['3个月内完成', '3个月内', 90],
    ['两周内答复', '两周内', 14],
    ['质保12个月', '12个月', 360],
    ['工期90天', '90天', 90],
    ['三年质保', '三年', 1095],
    ['半年内上线', '半年内', 182.5],
    ['4小时内到场', '4小时内', 4 / 24],
    ['15个工作日', '15个工作日', 15],
    ['10日内回复', '10日内', 10],
  ])('%s', (text, words, days) => {
    const found = read(text);
    expect(found).toHaveLength(1);
    expect(found[0]![0]).toBe(words);
    expect(found[0]![1]).toBeCloseTo(days, 6);
  });

  it.each([
    ['a year', '2027年投资计划'],
    ['a day of the month', '3月15日开标'],
    ['hours of battery backup (a quantity)', '8 hours backup, 备电4小时'],
    ['an ordinal week', '第3周'],
    ['an anniversary', '成立3周年'],
    ['a model number', 'RRU 3268 days'.replace(' days', '')],
  ])('finds no period in %s', (_, text) => {
    expect(read(text)).toEqual([]);
  });
});
