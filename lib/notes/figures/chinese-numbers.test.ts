import { describe, expect, it } from 'vitest';
import { CHINESE_NUMERAL, parseChineseNumber } from './chinese-numbers';

describe('parseChineseNumber', () => {
  it.each([
    ['一', 1], ['两', 2], ['十', 10], ['十二', 12], ['二十', 20], ['三十五', 35], ['一百零五', 105],
    ['一千二百', 1200], ['一千二百万', 12_000_000], ['三十五万', 350_000], ['一亿二千万', 120_000_000],
    ['二〇二七', 2027], ['叁佰', 300],
  ])('reads %s as %d', (written, value) => {
    expect(parseChineseNumber(written)).toBe(value);
  });

  it('reads nothing that is not a numeral', () => {
    expect(parseChineseNumber('')).toBeUndefined();
    expect(parseChineseNumber('一期')).toBeUndefined();
  });

  it('does not start a numeral at 万 or 千 (万一 "just in case", 千万 "by all means")', () => {
    const numeral = new RegExp(`^(?:${CHINESE_NUMERAL})`, 'u');
    expect(numeral.test('万一')).toBe(false);
    expect(numeral.test('千万不要')).toBe(false);
    expect(numeral.exec('一千二百万元')?.[0]).toBe('一千二百万');
  });
});
