import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { openDatabase, type Database } from './db';
import {
  addRequirementValue,
  assignMember,
  clearStageOverride,
  decideSuggestion,
  factsForRecord,
  removeStakeholder,
  saveStakeholder,
  saveStakeholderAnnotations,
  setStageOverride,
  unassignMember,
} from './facts';
import { listDirectory, replaceDirectory } from './directory';
import { readSetting, writeSetting } from './settings';
import { rememberRecord, recentRecords } from './records';
import { saveNote } from './notes';
import { z } from '@/lib/zod/mini';
import type { RequirementValue } from '@/lib/domain/requirement-value';
import type { Stakeholder } from '@/lib/domain/stakeholder';
import { validSnapshot } from '@/test/support/snapshots';

const NAME = 'facts-test';
const R = 'salesforce|acme|Opportunity|1';
let db: Database;
let ids = 0;
const newId = () => `id-${++ids}`;

beforeEach(async () => {
  db = await openDatabase(NAME);
});
afterEach(async () => {
  db.close();
  await deleteDB(NAME);
});

const value = (overrides: Partial<RequirementValue> = {}): RequirementValue => ({
  fieldId: 'site-power',
  value: 'No grid at 40 of 120 sites',
  source: { kind: 'manual' },
  confirmedByCustomer: false,
  setBy: 'Priya',
  setAt: 100,
  ...overrides,
});

const person = (id: string, name: string) => ({ id, name, roles: ['sr'], skills: [], industries: [], regions: [], languages: [], capacity: 5, openDeals: 1 });

describe('requirement values', () => {
  it('keeps every value as a trail', async () => {
    expect(await addRequirementValue(db, R, value(), null, newId)).toMatchObject({ ok: true });
    expect(await addRequirementValue(db, R, value({ value: 'No grid at 42 sites', setAt: 200 }), 100, newId)).toMatchObject({ ok: true });
    const facts = await factsForRecord(db, R);
    expect(facts.requirementValues.map((v) => v.value).sort()).toEqual(['No grid at 42 sites', 'No grid at 40 of 120 sites'].sort());
  });

  it('refuses an edit based on an outdated value and returns the newer one', async () => {
    await addRequirementValue(db, R, value({ setAt: 100 }), null, newId);
    // Panel A and panel B both saw the value of t=100. A saves first.
    expect(await addRequirementValue(db, R, value({ value: 'A', setAt: 150 }), 100, newId)).toMatchObject({ ok: true });
    const b = await addRequirementValue(db, R, value({ value: 'B', setAt: 160 }), 100, newId);
    expect(b).toMatchObject({ ok: false, conflict: { value: 'A', setAt: 150 } });
    expect((await factsForRecord(db, R)).requirementValues.map((v) => v.value)).not.toContain('B');
  });

  it('a first value on a field someone else just filled is a conflict too', async () => {
    await addRequirementValue(db, R, value({ value: 'first' }), null, newId);
    expect(await addRequirementValue(db, R, value({ value: 'second', setAt: 300 }), null, newId)).toMatchObject({ ok: false });
  });
});

describe('suggestions from notes', () => {
  const noteValue = value({ source: { kind: 'note', noteId: 'n1', quote: 'diesel costs', url: 'https://mail/1' } });

  it('accepting stores the decision and the value with its quote, together', async () => {
    await decideSuggestion(db, { recordKey: R, noteId: 'n1', fieldId: 'site-power', decision: 'accepted', decidedAt: 5 }, { value: noteValue, id: 'v1' });
    const facts = await factsForRecord(db, R);
    expect(facts.decisions).toEqual([{ recordKey: R, noteId: 'n1', fieldId: 'site-power', decision: 'accepted', decidedAt: 5 }]);
    expect(facts.requirementValues[0]?.source).toEqual({ kind: 'note', noteId: 'n1', quote: 'diesel costs', url: 'https://mail/1' });
  });

  it('rejecting stores no value', async () => {
    await decideSuggestion(db, { recordKey: R, noteId: 'n1', fieldId: 'site-power', decision: 'rejected', decidedAt: 5 });
    const facts = await factsForRecord(db, R);
    expect(facts.requirementValues).toEqual([]);
    expect(facts.decisions.map((d) => d.decision)).toEqual(['rejected']);
  });

  it('an acceptance without a note-sourced value changes nothing', async () => {
    await expect(
      decideSuggestion(db, { recordKey: R, noteId: 'n1', fieldId: 'site-power', decision: 'accepted', decidedAt: 5 }, { value: value(), id: 'v' }),
    ).rejects.toThrow();
    const facts = await factsForRecord(db, R);
    expect([facts.decisions, facts.requirementValues]).toEqual([[], []]);
  });
});

describe('stakeholders and team', () => {
  const amina: Stakeholder = { id: 's1', name: 'Amina', roles: ['procurement'], stance: 'unknown', influence: 'high', source: 'manual' };

  it('saves, detects a concurrent edit, and removes', async () => {
    const first = await saveStakeholder(db, R, amina, null, 10);
    expect(first.ok).toBe(true);
    expect(await saveStakeholder(db, R, { ...amina, stance: 'supporter' }, 10, 20)).toMatchObject({ ok: true });
    expect(await saveStakeholder(db, R, { ...amina, stance: 'opponent' }, 10, 30)).toMatchObject({ ok: false, conflict: { stance: 'supporter' } });
    await removeStakeholder(db, R, 's1');
    expect((await factsForRecord(db, R)).stakeholders).toEqual([]);
  });

  it('annotates a CRM contact nothing was stored about, and refuses a second panel’s edit based on the old state', async () => {
    const contact = { id: 'crm:email:ahmed@sudatel.sd', name: 'Ahmed Musa', title: 'CFO', source: 'crm' as const };
    const first = await saveStakeholderAnnotations(db, R, contact, { stance: 'supporter', influence: 'high', ourOwner: 'p1', lastEngagedAt: 5 }, null, 10);
    expect(first).toMatchObject({ ok: true, value: { id: contact.id, source: 'crm', stance: 'supporter', ourOwner: 'p1', lastEngagedAt: 5, updatedAt: 10 } });
    const second = await saveStakeholderAnnotations(db, R, contact, { stance: 'opponent', influence: 'low' }, null, 20);
    expect(second).toMatchObject({ ok: false, conflict: { stance: 'supporter', updatedAt: 10 } });
    expect(await saveStakeholderAnnotations(db, R, contact, { stance: 'opponent', influence: 'low' }, 10, 30)).toMatchObject({ ok: true });
    const [stored] = (await factsForRecord(db, R)).stakeholders;
    expect(stored).toMatchObject({ stance: 'opponent', influence: 'low', title: 'CFO', updatedAt: 30 });
    expect(stored?.ourOwner).toBeUndefined();
  });

  it('assigns and unassigns members', async () => {
    await assignMember(db, R, 'sr', 'p1', 1);
    await assignMember(db, R, 'sr', 'p1', 2); // again: still one assignment
    await assignMember(db, R, 'fr', 'p2', 3);
    expect((await factsForRecord(db, R)).assignments.map((a) => `${a.roleId}:${a.personId}`).sort()).toEqual(['fr:p2', 'sr:p1']);
    await unassignMember(db, R, 'sr', 'p1');
    expect((await factsForRecord(db, R)).assignments.map((a) => a.roleId)).toEqual(['fr']);
  });

  it('facts of one record never include another’s', async () => {
    await assignMember(db, 'other', 'sr', 'p9', 1);
    await saveNote(db, { id: 'n', text: 't', pageTitle: '', url: '', capturedAt: 1, recordKey: 'other' });
    const facts = await factsForRecord(db, R);
    expect([facts.assignments, facts.notes]).toEqual([[], []]);
  });
});

describe('stage overrides', () => {
  const intoDelivery = { stageId: 'delivery', fromCrmStage: 'Closed Won', setBy: 'Priya', setAt: 100 };

  it('stores the team’s move per record, replaces it with the next one, and clears it', async () => {
    expect((await factsForRecord(db, R)).stageOverride).toBeUndefined();
    await setStageOverride(db, R, intoDelivery);
    expect((await factsForRecord(db, R)).stageOverride).toEqual(intoDelivery);
    const intoCash = { ...intoDelivery, stageId: 'cash', setAt: 200 };
    await setStageOverride(db, R, intoCash);
    expect((await factsForRecord(db, R)).stageOverride).toEqual(intoCash);
    expect((await factsForRecord(db, 'other')).stageOverride).toBeUndefined();
    await clearStageOverride(db, R);
    expect((await factsForRecord(db, R)).stageOverride).toBeUndefined();
  });

  it('refuses an invalid move, and leaves out an invalid stored row', async () => {
    await expect(setStageOverride(db, R, { ...intoDelivery, stageId: '' })).rejects.toThrow();
    expect(await db.count('stageOverrides')).toBe(0);
    await db.put('stageOverrides', { ...intoDelivery, recordKey: R, setAt: -1 });
    expect((await factsForRecord(db, R)).stageOverride).toBeUndefined();
  });
});

describe('directory, settings, records', () => {
  it('replaces the directory all or nothing', async () => {
    await replaceDirectory(db, [person('p1', 'Zhang Wei'), person('p2', 'Anna Berg')]);
    expect((await listDirectory(db)).map((p) => p.name)).toEqual(['Anna Berg', 'Zhang Wei']);
    await expect(replaceDirectory(db, [person('p3', 'Ok'), { ...person('p4', ''), name: '' }])).rejects.toThrow();
    expect((await listDirectory(db)).map((p) => p.id)).toEqual(['p2', 'p1']);
    await expect(replaceDirectory(db, [person('p5', 'A'), person('p5', 'B')])).rejects.toThrow();
    expect((await listDirectory(db)).map((p) => p.id)).toEqual(['p2', 'p1']);
  });

  it('reads settings back, with a fallback for absent or invalid ones', async () => {
    const Lang = z.enum(['en', 'zh-CN']);
    expect(await readSetting(db, 'language', Lang, 'en')).toBe('en');
    await writeSetting(db, 'language', Lang, 'zh-CN');
    expect(await readSetting(db, 'language', Lang, 'en')).toBe('zh-CN');
    await db.put('settings', 'klingon', 'language');
    expect(await readSetting(db, 'language', Lang, 'en')).toBe('en');
  });

  it('remembers records seen, most recent first', async () => {
    await rememberRecord(db, validSnapshot, 10);
    await rememberRecord(db, { ...validSnapshot, recordId: '0065g00000XyZ12AAF', name: 'Cairo Metro' }, 20);
    await rememberRecord(db, validSnapshot, 30);
    expect((await recentRecords(db)).map((r) => [r.name, r.lastSeenAt])).toEqual([
      [validSnapshot.name, 30],
      ['Cairo Metro', 20],
    ]);
  });
});
