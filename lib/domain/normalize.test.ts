import { describe, expect, it } from 'vitest';
import { normalizeName } from './normalize';

describe('normalizeName', () => {
  it('ignores case, surrounding and repeated spaces, and full-width forms', () => {
    expect(normalizeName('  Closed   Won ')).toBe('closed won');
    expect(normalizeName('ＱＡ　Manager')).toBe('qa manager');
  });

  it('keeps Chinese as it is', () => {
    expect(normalizeName('谈判/审查')).toBe('谈判/审查');
  });
});
