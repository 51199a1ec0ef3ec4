import { describe, expect, it } from 'vitest';
import { findDates } from './dates';

const may10 = new Date(2026, 4, 10, 12).getTime();
const read = (text: string, now = may10) => findDates(text, now).map(({ text: words, from, to }) => [words, from, to]);

describe('findDates', () => {
  it.each([
    ['2027年3月挂网', '2027年3月', '2027-03-01', '2027-03-31'],
    ['6月底开标', '6月底', '2026-06-30', '2026-06-30'],
    ['3月底前签约', '3月底', '2027-03-31', '2027-03-31'],
    ['3月15日开标', '3月15日', '2027-03-15', '2027-03-15'],
    ['2027年3月15日开标', '2027年3月15日', '2027-03-15', '2027-03-15'],
    ['三月十五日前回复', '三月十五日', '2027-03-15', '2027-03-15'],
    ['7月中旬定标', '7月中旬', '2026-07-11', '2026-07-20'],
    ['大概5月份挂网', '5月份', '2026-05-01', '2026-05-31'],
    ['2027年上半年投产', '2027年上半年', '2027-01-01', '2027-06-30'],
    ['下半年启动', '下半年', '2026-07-01', '2026-12-31'],
    ['明年上半年', '明年上半年', '2027-01-01', '2027-06-30'],
    ['第三季度交付', '第三季度', '2026-07-01', '2026-09-30'],
    ['2027年Q1完成', '2027年Q1', '2027-01-01', '2027-03-31'],
    ['要等明年年初集团下达投资计划', '明年年初', '2027-01-01', '2027-01-31'],
    ['今年年底前', '今年年底', '2026-12-31', '2026-12-31'],
    ['下个月初', '下个月初', '2026-06-01', '2026-06-10'],
    ['月底前给答复', '月底', '2026-05-31', '2026-05-31'],
    ['下周开会', '下周', '2026-05-11', '2026-05-17'],
    ['明天开会', '明天', '2026-05-11', '2026-05-11'],
    ['Q2交付', 'Q2', '2026-04-01', '2026-06-30'],
    ['PO expected Q2', 'Q2', '2026-04-01', '2026-06-30'],
    ['cut-over in Q1', 'Q1', '2027-01-01', '2027-03-31'],
    ['go-live Q3 2027', 'Q3 2027', '2027-07-01', '2027-09-30'],
    ["budget for Q4'26", "Q4'26", '2026-10-01', '2026-12-31'],
    ['SAT by end of Q3', 'end of Q3', '2026-09-30', '2026-09-30'],
    ['deploy in H1 (not over in May)', 'H1', '2026-01-01', '2026-06-30'],
    ['deploy in H2 2026', 'H2 2026', '2026-07-01', '2026-12-31'],
    ['first half of 2027', 'first half of 2027', '2027-01-01', '2027-06-30'],
    ['decision by end of June', 'end of June', '2026-06-30', '2026-06-30'],
    ['award by end of March', 'end of March', '2027-03-31', '2027-03-31'],
    ['by 30 June', '30 June', '2026-06-30', '2026-06-30'],
    ['signing 30 June 2027', '30 June 2027', '2027-06-30', '2027-06-30'],
    ['bids due 15 Mar, tech 60/comm 40', '15 Mar', '2027-03-15', '2027-03-15'],
    ['on March 3rd, 2027', 'March 3rd, 2027', '2027-03-03', '2027-03-03'],
    ['from June 2027', 'June 2027', '2027-06-01', '2027-06-30'],
    ['site survey mid-July', 'mid-July', '2026-07-11', '2026-07-20'],
    ['early August', 'early August', '2026-08-01', '2026-08-10'],
    ['PO in September', 'September', '2026-09-01', '2026-09-30'],
    ['next month', 'next month', '2026-06-01', '2026-06-30'],
    ['end of next month', 'end of next month', '2026-06-30', '2026-06-30'],
    ['before year-end', 'year-end', '2026-12-31', '2026-12-31'],
    ['by end of the year', 'end of the year', '2026-12-31', '2026-12-31'],
    ['early 2028', 'early 2028', '2028-01-01', '2028-01-31'],
    ['ISO 2027-03-15 kickoff', '2027-03-15', '2027-03-15', '2027-03-15'],
    ['tender 2027/03/15', '2027/03/15', '2027-03-15', '2027-03-15'],
    ['due 25/03/2027', '25/03/2027', '2027-03-25', '2027-03-25'],
    ['tomorrow', 'tomorrow', '2026-05-11', '2026-05-11'],
  ])('%s', (text, words, from, to) => {
    expect(read(text)[0]).toEqual([words, from, to]);
  });

  it('reads a month earlier than the note month as next year, the note month as this year', () => {
    const december = new Date(2026, 11, 3).getTime();
    expect(read('6月底', december)[0]).toEqual(['6月底', '2027-06-30', '2027-06-30']);
    expect(read('end of December', december)[0]).toEqual(['end of December', '2026-12-31', '2026-12-31']);
    expect(read('Q4', december)[0]).toEqual(['Q4', '2026-10-01', '2026-12-31']);
  });

  it.each([
    ['round the clock', 'gensets run 24/7'],
    ['a fraction', '3/4 of sites'],
    ['site acceptance, not Saturday', 'SAT and FAT'],
    ['the verb may', 'we may sign soon'],
    ['a bare year', 'budget 2027 and model 2027'],
    ['a model number', 'RRU 3268'],
    ['a phone number', 'call +86 138-0013-8000'],
    ['months as a span', '3个月内完成，12个月质保'],
    ['an ambiguous d/m', 'due 03/04/2027'],
    ['an invalid day', '2027-02-30'],
    ['a word containing a month', 'Marketing and Decision'],
    ['H2S (a gas)', 'H2S sensor'],
  ])('finds no date in %s', (_, text) => {
    expect(read(text)).toEqual([]);
  });
});
