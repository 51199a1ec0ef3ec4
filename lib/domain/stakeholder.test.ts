import { describe, expect, it } from 'vitest';
import { StakeholderSchema, stakeholderIdForContact } from './stakeholder';

describe('stakeholderIdForContact', () => {
  it('keys a contact by e-mail, ignoring case and spaces, so re-reads of the page find the same annotations', () => {
    expect(stakeholderIdForContact({ name: 'Ahmed Musa', email: ' Ahmed.Musa@Sudatel.sd ' })).toBe(
      stakeholderIdForContact({ name: 'A. Musa', email: 'ahmed.musa@sudatel.sd' }),
    );
  });

  it('falls back to the name when the CRM shows no e-mail', () => {
    expect(stakeholderIdForContact({ name: '  Li   Wei ' })).toBe(stakeholderIdForContact({ name: 'li wei' }));
    expect(stakeholderIdForContact({ name: 'Li Wei' })).not.toBe(stakeholderIdForContact({ name: 'Li Wei', email: 'li@x.cn' }));
  });
});

describe('StakeholderSchema', () => {
  it('rejects an unknown stance with the path of the field', () => {
    const result = StakeholderSchema.safeParse({ id: 's1', name: 'Li Wei', roles: [], stance: 'hostile', influence: 'high', source: 'manual' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['stance']]);
  });
});
