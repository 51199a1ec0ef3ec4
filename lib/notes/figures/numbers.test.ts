import { describe, expect, it } from 'vitest';
import { latinFactor, NUMBER, parseDigits, parseNumber, tidy } from './numbers';

describe('numbers', () => {
  it.each([
    ['1,200,000', 1_200_000], ['1.200.000', 1_200_000], ['3.5', 3.5], ['1,234.56', 1234.56], ['2027', 2027],
  ])('reads digits %s', (written, value) => {
    expect(parseDigits(written)).toBe(value);
  });

  it.each([
    ['1200万', 12_000_000, true], ['3.5亿', 350_000_000, true], ['300多万', 3_000_000, true], ['5千', 5000, true],
    ['一千二百万', 12_000_000, true], ['三百', 300, false], ['450', 450, false],
  ])('reads %s with its magnitude', (written, value, magnitude) => {
    expect(parseNumber(written)).toEqual({ value, magnitude });
  });

  it('leaves 千 to the unit in 5千瓦 (kilowatt)', () => {
    expect(new RegExp(`^(?:${NUMBER})`, 'u').exec('5千瓦')?.[0]).toBe('5');
    expect(new RegExp(`^(?:${NUMBER})`, 'u').exec('5千元')?.[0]).toBe('5千');
  });

  it('knows Latin magnitudes and tidies float noise', () => {
    expect(latinFactor('M')).toBe(1e6);
    expect(latinFactor('bn')).toBe(1e9);
    expect(latinFactor('k')).toBe(1e3);
    expect(latinFactor(undefined)).toBe(1);
    expect(tidy(1.2 * 1e6)).toBe(1_200_000);
    expect(tidy(2.35 * 1e6)).toBe(2_350_000);
  });
});
