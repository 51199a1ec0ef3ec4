import { describe, expect, it } from 'vitest';
import { compileKeywordMatcher } from './keyword-matcher';

function found(keywords: Record<string, string[]>, text: string): Record<string, string> {
  const matcher = compileKeywordMatcher(Object.entries(keywords).map(([key, words]) => ({ key, keywords: words })));
  return Object.fromEntries([...matcher.scan(text)].map(([key, hit]) => [key, text.slice(hit.start, hit.end)]));
}

describe('compileKeywordMatcher', () => {
  it('finds keywords whatever their case, and reports the text as written', () => {
    expect(found({ cost: ['operating cost'] }, 'The Operating Cost is too high')).toEqual({ cost: 'Operating Cost' });
  });

  it('matches Latin keywords as whole words, plural included', () => {
    expect(found({ cost: ['cost'] }, 'Costa Rica, costly')).toEqual({});
    expect(found({ cost: ['cost'] }, 'the costs of fuel')).toEqual({ cost: 'costs' });
    expect(found({ site: ['site'] }, 'the campsite')).toEqual({});
  });

  it('matches Chinese keywords inside running text and next to Latin words', () => {
    expect(found({ diesel: ['柴油'], iqc: ['IQC'] }, '客户的IQC说柴油发电成本太高')).toEqual({ diesel: '柴油', iqc: 'IQC' });
  });

  it('folds full-width letters that Chinese input methods produce', () => {
    expect(found({ iqc: ['IQC'] }, '对方ＩＱＣ说质量不合格')).toEqual({ iqc: 'ＩＱＣ' });
  });

  it('reads line breaks and repeated spaces inside a phrase as one space', () => {
    expect(found({ power: ['power supply'] }, 'unstable power\n  supply at night')).toEqual({ power: 'power\n  supply' });
  });

  it('finds keywords that overlap or are prefixes of each other, one hit per set', () => {
    expect(
      found({ fuel: ['fuel'], fuelCost: ['fuel cost'], cost: ['cost'], costOfFuel: ['cost of fuel'] }, 'fuel cost of fuel'),
    ).toEqual({ fuel: 'fuel', fuelCost: 'fuel cost', cost: 'cost', costOfFuel: 'cost of fuel' });
  });

  it('reports the earliest hit of a set', () => {
    const matcher = compileKeywordMatcher([{ key: 'power', keywords: ['solar', 'diesel'] }]);
    expect(matcher.scan('diesel today, solar tomorrow').get('power')).toEqual({ keyword: 'diesel', start: 0, end: 6 });
  });

  it('keeps scans independent of each other', () => {
    const matcher = compileKeywordMatcher([{ key: 'a', keywords: ['alpha'] }]);
    expect(matcher.scan('alpha').size).toBe(1);
    expect(matcher.scan('beta').size).toBe(0);
    expect(matcher.scan('ALPHA').size).toBe(1);
  });

  it('ignores blank keywords and finds nothing in empty text', () => {
    expect(found({ blank: ['  '] }, '   ')).toEqual({});
    expect(found({ a: ['a'] }, '')).toEqual({});
  });
});
