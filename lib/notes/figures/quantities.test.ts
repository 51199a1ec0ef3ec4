import { describe, expect, it } from 'vitest';
import { findQuantities } from './quantities';

const read = (text: string) => findQuantities(text).map(({ text: words, value, unit }) => [words, value, unit]);

describe('findQuantities', () => {
  it.each([
    ['phase 1 (120 sites)', [['120 sites', 120, 'site']]],
    ['rollout to 450 Sites in the north', [['450 Sites', 450, 'site']]],
    ['首批1200个站点', [['1200个站点', 1200, 'site']]],
    ['9月前完成首批200站上线', [['200站', 200, 'site']]],
    ['覆盖三个站点', [['三个站点', 3, 'site']]],
    ['新建80个基站', [['80个基站', 80, 'base station']]],
    ['300 base stations', [['300 base stations', 300, 'base station']]],
    ['采购120台', [['120台', 120, 'unit']]],
    ['50套机柜', [['50套', 50, 'unit']]],
    ['200 units of rectifiers', [['200 units', 200, 'unit']]],
    ['PV array 8 kW per site', [['8 kW', 8, 'kW']]],
    ['单站锂电容量不低于20kWh', [['20kWh', 20, 'kWh']]],
    ['Li-ion battery 15 kWh min', [['15 kWh', 15, 'kWh']]],
    ['2x 20kVA gensets', [['20kVA', 20, 'kVA']]],
    ['a 5 MW solar farm and 12 MWh storage', [['5 MW', 5, 'MW'], ['12 MWh', 12, 'MWh']]],
    ['rectifier 48V/300A', [['48V', 48, 'V'], ['300A', 300, 'A']]],
    ['battery 200Ah', [['200Ah', 200, 'Ah']]],
    ['diesel tank 500 L', [['500 L', 500, 'L']]],
    ['uses 1,200 litres a month', [['1,200 litres', 1200, 'L']]],
    ['每月柴油800升', [['800升', 800, 'L']]],
    ['operating temp -20°C to +55°C', [['-20°C', -20, '°C'], ['+55°C', 55, '°C']]],
    ['工作温度-40℃~+55℃', [['-40℃', -40, '°C'], ['+55℃', 55, '°C']]],
    ['夏天机房超过50度', [['50度', 50, '°C']]],
    ['每年100度电', [['100度电', 100, 'kWh']]],
    ['5千瓦光伏', [['5千瓦', 5, 'kW']]],
    ['outdoor cabinet IP55', [['IP55', 55, 'IP']]],
    ['防护等级IP65', [['IP65', 65, 'IP']]],
    ['sites are 35 km apart', [['35 km', 35, 'km']]],
    ['距离市区80公里', [['80公里', 80, 'km']]],
    ['8 hours battery backup', [['8 hours', 8, 'h']]],
    ['备电4小时', [['4小时', 4, 'h']]],
    ['1.2万个站点', [['1.2万个站点', 12_000, 'site']]],
    ['about 2k sites', [['2k sites', 2000, 'site']]],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    ['a network generation', '4G/5G upgrade in Costa Rica'],
    ['a model number', 'RRU 3268 and RTN 950A'],
    ['a phone number', '+86 138 0013 8000'],
    ['round the clock', 'gensets 24/7'],
    ['a bare year', 'in 2027'],
    ['a number inside a word', 'BBU5900L'],
  ])('finds no quantity in %s', (_, text) => {
    expect(read(text)).toEqual([]);
  });
});
