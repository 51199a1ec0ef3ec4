import { describe, expect, it } from 'vitest';
import { quoteAround } from './quote';

describe('quoteAround', () => {
  it('returns a short text whole, with whitespace tidied', () => {
    const text = 'Diesel\ncosts  are high.';
    expect(quoteAround(text, { keyword: 'diesel', start: 0, end: 6 })).toBe('Diesel costs are high.');
  });

  it('cuts a long text around the keyword at word boundaries and marks the cuts', () => {
    const text = `${'before '.repeat(30)}the diesel bill${' after'.repeat(30)}`;
    const start = text.indexOf('diesel');
    const quote = quoteAround(text, { keyword: 'diesel', start, end: start + 6 });
    expect(quote.startsWith('…before')).toBe(true);
    expect(quote.endsWith('after…')).toBe(true);
    expect(quote).toContain('the diesel bill');
    expect(quote.length).toBeLessThan(200);
  });
});
