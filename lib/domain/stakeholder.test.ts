import { describe, expect, it } from 'vitest';
import { StoredStakeholderSchema } from '@/lib/store/rows';
import { MAX_REPORTS_TO_CHARS, StakeholderSchema, annotateStakeholder, stakeholderIdForContact } from './stakeholder';

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

  it('reads a person stored before reports-to lines existed as reporting to nobody', () => {
    const old = { id: 's1', name: 'Li Wei', roles: [], stance: 'neutral', influence: 'low', ourOwner: 'p-1', source: 'manual', recordKey: 'r', updatedAt: 1 };
    const parsed = StoredStakeholderSchema.parse(old);
    expect(parsed).toEqual(old);
    expect(parsed.reportsTo).toBeUndefined();
    expect(StoredStakeholderSchema.parse({ ...old, reportsTo: 's2' }).reportsTo).toBe('s2');
  });

  it('rejects an empty or overlong reports-to id', () => {
    const person = { id: 's1', name: 'Li Wei', roles: [], stance: 'neutral', influence: 'low', source: 'manual' };
    expect(StakeholderSchema.safeParse({ ...person, reportsTo: '' }).success).toBe(false);
    expect(StakeholderSchema.safeParse({ ...person, reportsTo: 'x'.repeat(MAX_REPORTS_TO_CHARS + 1) }).success).toBe(false);
  });
});

describe('annotateStakeholder', () => {
  const contact = { id: stakeholderIdForContact({ name: 'Ahmed Musa' }), name: 'Ahmed Musa', title: 'CFO', source: 'crm' as const };

  it('stores what the team set about a CRM contact, keyed like the contact', () => {
    const fact = annotateStakeholder(contact, undefined, { stance: 'supporter', influence: 'high', ourOwner: 'p-7', lastEngagedAt: 1_800_000_000_000 });
    expect(StakeholderSchema.parse(fact)).toEqual({
      id: 'crm:name:ahmed musa',
      name: 'Ahmed Musa',
      title: 'CFO',
      roles: [],
      stance: 'supporter',
      influence: 'high',
      ourOwner: 'p-7',
      lastEngagedAt: 1_800_000_000_000,
      source: 'crm',
    });
  });

  it('keeps roles and the plan set before, and clears an annotation the user emptied', () => {
    const stored = { ...contact, roles: ['economic-buyer'], stance: 'neutral' as const, influence: 'low' as const, ourOwner: 'p-1', plan: 'Show the TCO model', source: 'crm' as const };
    const fact = annotateStakeholder({ ...contact, title: undefined }, stored, { stance: 'opponent', influence: 'low' });
    expect(fact).toEqual({ id: contact.id, name: 'Ahmed Musa', title: 'CFO', roles: ['economic-buyer'], stance: 'opponent', influence: 'low', plan: 'Show the TCO model', source: 'crm' });
  });

  it('stores whom the person reports to, and clears it when emptied', () => {
    const fact = annotateStakeholder(contact, undefined, { stance: 'neutral', influence: 'medium', reportsTo: 'crm:email:ceo@sudatel.sd' });
    expect(StakeholderSchema.parse(fact).reportsTo).toBe('crm:email:ceo@sudatel.sd');
    expect(annotateStakeholder(contact, fact, { stance: 'neutral', influence: 'medium' })).not.toHaveProperty('reportsTo');
    expect(annotateStakeholder(contact, fact, { stance: 'neutral', influence: 'medium', reportsTo: '' })).not.toHaveProperty('reportsTo');
  });

  it('never stores a person as reporting to themself, or by an id the schema would refuse', () => {
    expect(annotateStakeholder(contact, undefined, { stance: 'neutral', influence: 'medium', reportsTo: contact.id })).not.toHaveProperty('reportsTo');
    const overlong = annotateStakeholder(contact, undefined, { stance: 'neutral', influence: 'medium', reportsTo: 'x'.repeat(MAX_REPORTS_TO_CHARS + 1) });
    expect(overlong).not.toHaveProperty('reportsTo');
    expect(StakeholderSchema.safeParse(overlong).success).toBe(true);
  });
});
