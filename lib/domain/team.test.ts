import { describe, expect, it } from 'vitest';
import { PersonSchema } from './team';

describe('PersonSchema', () => {
  it('fills empty lists and zero open deals when left out', () => {
    expect(PersonSchema.parse({ id: 'p1', name: 'Sara', roles: ['sr'], capacity: 4 })).toEqual({
      id: 'p1',
      name: 'Sara',
      roles: ['sr'],
      skills: [],
      industries: [],
      regions: [],
      languages: [],
      capacity: 4,
      openDeals: 0,
    });
  });

  it('requires at least one role and a whole, non-negative capacity', () => {
    const result = PersonSchema.safeParse({ id: 'p1', name: 'Sara', roles: [], capacity: 2.5 });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['roles'], ['capacity']]);
  });
});
