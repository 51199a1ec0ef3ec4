import { describe, expect, it } from 'vitest';
import { findNegations } from './negation';

const words = (text: string) => findNegations(text).map((negation) => negation.text);

describe('findNegations', () => {
  it.each([
    ['No budget yet for phase 2', ['No']],
    ['no grid at all in the northern cluster', ['no']],
    ['PO not yet approved', ['not yet']],
    ["We haven't got the drawings", ["haven't"]],
    ['They don’t have a budget line', ['don’t have']],
    ['works without diesel', ['without']],
    ['the sites lack grid power', ['lack']],
    ['budget is not confirmed', ['not']],
    ['暂无预算，要等明年', ['暂无']],
    ['投资计划尚未批复', ['尚未']],
    ['还没定开标时间', ['还没']],
    ['客户没有预算', ['没有']],
    ['现场无市电', ['无']],
    ['站点无空调', ['无']],
    ['目前无法接入电网', ['无法']],
    ['方案未定', ['未']],
    ['预算未批', ['未']],
    ['客户不确定是否招标', ['不确定']],
  ])('%s', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it.each([
    ['无线 (wireless)', '无线传输和微波'],
    ['无人 (unmanned)', '无人值守站点'],
    ['无锡 (a city)', '无锡分公司'],
    ['有无 (whether)', '确认有无市电'],
    ['未来 (future)', '未来三年扩容'],
    ['no later than (a deadline)', 'no later than 30 June'],
    ['not only', 'not only power but also cooling'],
    ['No. (number)', 'No. 5 site and no. of sites'],
    ['not to exceed', 'not to exceed USD 2M'],
    ['a word containing no', 'Nokia and Innovation notes'],
    ['没收 (confiscate)', '设备被没收'],
  ])('finds no negation in %s', (_, text) => {
    expect(words(text)).toEqual([]);
  });
});
