import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { openDatabase, type Database } from './db';
import { addRequirementValue, assignMember, decideSuggestion, saveStakeholderRoles } from './facts';
import { markSending } from './outbox';
import { contactEmailOf } from './outbox-mirror';
import type { StoredOutboxEntry } from './rows';
import type { RequirementValue } from '@/lib/domain/requirement-value';

// The panel's writes that also go to Salesforce: the outbox entry is written in
// the same transaction as the local change, or not at all.

let db: Database;
const name = () => `mirror-${expect.getState().currentTestName}`;
afterEach(async () => {
  db?.close();
  await deleteDB(name());
});

const RECORD = 'salesforce|acme.lightning.force.com|Opportunity|0065g00000AbCdEAAV';
const OPP = '0065g00000AbCdEAAV';
const LABELS: Record<string, string> = { 'business-pain': 'Business pain', 'site-power': 'Site power' };
let ids = 0;
const target = (createdAt = 10) => ({ opportunityId: OPP, outboxId: `o${++ids}`, createdAt });
const factsTarget = (createdAt = 10) => ({ ...target(createdAt), labelOf: (fieldId: string) => LABELS[fieldId] ?? fieldId });
const value = (fieldId: string, text: string, setAt: number): RequirementValue => ({
  fieldId,
  value: text,
  source: { kind: 'manual' },
  confirmedByCustomer: false,
  setBy: 'Ada',
  setAt,
});
const outbox = async () => ((await db.getAll('outbox')) as StoredOutboxEntry[]).sort((a, b) => a.seq - b.seq);

describe('requirement facts', () => {
  it('enqueue the record’s newest value per field, under its label, with the value in one transaction', async () => {
    db = await openDatabase(name());
    await addRequirementValue(db, RECORD, value('business-pain', 'Diesel costs', 1), null, () => 'v1');
    expect(await outbox()).toEqual([]); // no target: a record of no connected org writes nothing to the outbox
    await addRequirementValue(db, RECORD, value('business-pain', 'Diesel costs 40% of OPEX', 2), 1, () => 'v2', factsTarget());
    await addRequirementValue(db, RECORD, value('site-power', 'Grid at 60 of 450 sites', 3), null, () => 'v3', factsTarget());
    const entries = await outbox();
    // The second write replaced the first snapshot, which was never tried: one write, not two.
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'requirement-facts', state: 'pending', recordKey: RECORD });
    const facts = entries[0]!.kind === 'requirement-facts' ? entries[0]!.payload.facts : [];
    expect(facts.map((fact) => [fact.label, fact.value, fact.setBy])).toEqual([
      ['Business pain', 'Diesel costs 40% of OPEX', 'Ada'],
      ['Site power', 'Grid at 60 of 450 sites', 'Ada'],
    ]);
  });

  it('follow a snapshot already tried rather than change what may be in flight', async () => {
    db = await openDatabase(name());
    await addRequirementValue(db, RECORD, value('business-pain', 'Diesel costs', 1), null, () => 'v1', factsTarget(1));
    const [first] = await outbox();
    await markSending(db, first!.id, 5);
    await addRequirementValue(db, RECORD, value('site-power', 'Grid at 60 sites', 6), null, () => 'v2', factsTarget(6));
    const entries = await outbox();
    expect(entries.map((entry) => [entry.state, entry.seq])).toEqual([
      ['sending', 1],
      ['pending', 2],
    ]);
    expect(entries[0]!.kind === 'requirement-facts' && entries[0]!.payload.facts).toHaveLength(1);
    expect(entries[1]!.kind === 'requirement-facts' && entries[1]!.payload.facts).toHaveLength(2);
  });

  it('are not enqueued when the value is refused as a conflict', async () => {
    db = await openDatabase(name());
    await addRequirementValue(db, RECORD, value('business-pain', 'Diesel costs', 1), null, () => 'v1');
    const result = await addRequirementValue(db, RECORD, value('business-pain', 'Other', 2), null, () => 'v2', factsTarget());
    expect(result.ok).toBe(false);
    expect(await outbox()).toEqual([]);
  });

  it('go with an accepted suggestion, and a refused entry takes the accepted value with it', async () => {
    db = await openDatabase(name());
    const accepted = { id: 'v1', value: { ...value('business-pain', 'Diesel costs 40% of OPEX', 1), source: { kind: 'note' as const, noteId: 'n1', quote: 'Diesel…', url: '' } } };
    await decideSuggestion(db, { recordKey: RECORD, noteId: 'n1', fieldId: 'business-pain', decision: 'accepted', decidedAt: 1 }, accepted, factsTarget());
    expect((await outbox()).map((entry) => entry.kind)).toEqual(['requirement-facts']);
    // An invalid entry (an opportunity id that is none) aborts the whole write.
    const bad = { ...factsTarget(), opportunityId: 'not an id' };
    const second = { id: 'v2', value: { ...accepted.value, fieldId: 'site-power', source: { ...accepted.value.source, noteId: 'n2' } } };
    await expect(
      decideSuggestion(db, { recordKey: RECORD, noteId: 'n2', fieldId: 'site-power', decision: 'accepted', decidedAt: 2 }, second, bad),
    ).rejects.toThrow();
    expect(await db.get('requirementValues', 'v2')).toBeUndefined();
    expect(await db.getAll('decisions')).toHaveLength(1);
  });
});

describe('contact roles', () => {
  const contact = { id: 'crm:email:ahmed.musa@sudatel.sd', name: 'Ahmed Musa', title: 'CTO', source: 'crm' as const, stance: 'unknown' as const, influence: 'unknown' as const };

  it('enqueue each role the user chose that a CRM contact did not hold, named by the contact’s e-mail', async () => {
    db = await openDatabase(name());
    const first = await saveStakeholderRoles(db, RECORD, contact, ['technical-evaluator'], null, 1, { ...target(), chosen: ['technical-evaluator'] });
    expect(first.ok).toBe(true);
    // Accepting "coach" keeps the roles read from the page (decision maker here): only coach goes to Salesforce.
    await saveStakeholderRoles(db, RECORD, contact, ['technical-evaluator', 'decision-maker', 'coach'], 1, 2, { ...target(), chosen: ['coach'] });
    expect((await outbox()).map((entry) => entry.kind === 'contact-role' && [entry.payload.contactEmail, entry.payload.roleId])).toEqual([
      ['ahmed.musa@sudatel.sd', 'technical-evaluator'],
      ['ahmed.musa@sudatel.sd', 'coach'],
    ]);
  });

  it('are not enqueued when Salesforce could not take them, and the local change stands', async () => {
    db = await openDatabase(name());
    const odd = { ...contact, id: 'crm:email:müller@example.de' };
    expect((await saveStakeholderRoles(db, RECORD, odd, ['coach'], null, 1, { ...target(), chosen: ['coach'] })).ok).toBe(true);
    await assignMember(db, RECORD, 'sr', 'p1', 1, { ...target(), userEmail: 'wang@x' });
    expect(await outbox()).toEqual([]);
    expect(await db.getAll('stakeholders')).toHaveLength(1);
    expect(await db.getAll('assignments')).toHaveLength(1);
  });

  it('are not enqueued for a person Salesforce does not hold as a contact', async () => {
    db = await openDatabase(name());
    await saveStakeholderRoles(db, RECORD, { ...contact, id: 'manual:1', source: 'manual' }, ['coach'], null, 1, { ...target(), chosen: ['coach'] });
    await saveStakeholderRoles(db, RECORD, { ...contact, id: 'crm:name:ahmed musa' }, ['coach'], null, 1, { ...target(), chosen: ['coach'] });
    expect(await outbox()).toEqual([]);
    expect(await db.getAll('stakeholders')).toHaveLength(2);
  });

  it('read the e-mail only from a CRM contact’s id', () => {
    expect(contactEmailOf('crm:email:li@x.cn')).toBe('li@x.cn');
    expect(contactEmailOf('crm:name:li wei')).toBeUndefined();
    expect(contactEmailOf('manual:crm:email:li@x.cn')).toBeUndefined();
  });
});

describe('team members', () => {
  it('enqueue the assigned colleague by e-mail with the team role, with the assignment', async () => {
    db = await openDatabase(name());
    await assignMember(db, RECORD, 'sr', 'p1', 1, { ...target(), userEmail: 'wang.fang@example.com' });
    await assignMember(db, RECORD, 'fr', 'p2', 2);
    expect(await db.getAll('assignments')).toHaveLength(2);
    expect((await outbox()).map((entry) => entry.kind === 'team-member' && [entry.payload.userEmail, entry.payload.roleId])).toEqual([['wang.fang@example.com', 'sr']]);
  });
});
