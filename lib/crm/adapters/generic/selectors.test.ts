// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isValidSelector } from './selectors';

describe('isValidSelector', () => {
  it('tries selectors on an empty fragment, without eval', () => {
    expect(isValidSelector('.field[data-name="stage"] .value')).toBe(true);
    expect(isValidSelector('dd:nth-of-type(2)')).toBe(true);
    for (const bad of ['dd[', '', '   ', '}{', 'a'.repeat(501), 42, null]) expect(isValidSelector(bad)).toBe(false);
  });
});
