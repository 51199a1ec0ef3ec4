import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { recordKey, type RecordSnapshot } from '@/lib/crm/snapshot';
import { summarizeDeal } from '@/lib/engines/summary';
import { analyzeDealData, loadDealData } from '@/lib/deal/deal-data';
import { openDatabase, type Database } from '@/lib/store/db';
import { addRequirementValue, assignMember } from '@/lib/store/facts';
import { saveNote } from '@/lib/store/notes';
import { allRecords, rememberRecord } from '@/lib/store/records';
import { validSnapshot } from '@/test/support/snapshots';
import { basisStamp, computeDeskRow, loadDeskBasis } from './compute';
import { DeskPass } from './pass';
import { readDesk } from './store';

const NAME = 'desk-test';
let db: Database;
beforeEach(async () => {
  db = await openDatabase(NAME);
});
afterEach(async () => {
  db.close();
  await deleteDB(NAME);
});

const hubspotDeal: RecordSnapshot = {
  ...validSnapshot,
  crm: 'hubspot',
  adapter: 'hubspot',
  host: 'app.hubspot.com',
  objectType: 'deal',
  recordId: '9001',
  url: 'https://app.hubspot.com/contacts/1/record/0-3/9001',
  name: 'Delta Ports – Cranes',
  stage: 'Contract Sent',
  closeDate: '3/31/2027',
  amount: { text: '$480,000', value: 480_000, currency: 'USD', currencyAssumed: true },
  contacts: [],
};

describe('desk rows', () => {
  it('count what the panel counts, for records of two CRMs, with the stored facts', async () => {
    await rememberRecord(db, validSnapshot, 10);
    await rememberRecord(db, hubspotDeal, 20);
    const key = recordKey(validSnapshot);
    await addRequirementValue(db, key, { fieldId: 'site-power', value: 'Off-grid at 42 sites', source: { kind: 'manual' }, confirmedByCustomer: true, setBy: 'Priya', setAt: 30 }, null, () => 'v1');
    await assignMember(db, key, 'sr', 'p1', 31);
    await saveNote(db, { id: 'n1', text: 'Budget approved by the CFO', pageTitle: 'Mail', url: 'https://mail.example/1', capturedAt: 40, recordKey: key });

    const basis = await loadDeskBasis(db, 1_000);
    for (const snapshot of [validSnapshot, hubspotDeal]) {
      const record = (await allRecords(db)).find((row) => row.recordKey === recordKey(snapshot))!;
      const row = await computeDeskRow(db, record, basis);
      const data = await loadDealData(db, record.recordKey);
      const summary = summarizeDeal(analyzeDealData(snapshot, { ...data, loadedAt: basis.now }));
      expect(row.analysed?.high, snapshot.crm).toBe(summary.counts.high);
      expect(row.analysed?.medium, snapshot.crm).toBe(summary.counts.medium);
      expect(row.analysed?.missingTeamRoles, snapshot.crm).toEqual(summary.missingRoles);
      expect(row.crm).toBe(snapshot.crm);
    }
    const salesforceRow = await computeDeskRow(db, (await allRecords(db)).find((row) => row.crm === 'salesforce')!, basis);
    expect(salesforceRow.lastNoteAt).toBe(40);
    expect(salesforceRow.analysed?.missingTeamRoles).not.toContain('sr');
    expect(salesforceRow.analysed?.topAction?.key).toBeTypeOf('string');
    const hubspotRow = await computeDeskRow(db, (await allRecords(db)).find((row) => row.crm === 'hubspot')!, basis);
    expect(hubspotRow.analysed).toMatchObject({ crmStage: 'Contract Sent', closeDate: '3/31/2027', closeDay: '2027-03-31', amount: { value: 480_000 } });
  });

  it('have no figures for a record seen before readings were kept, and say when it was last noted', async () => {
    await db.put('records', { recordKey: 'salesforce|h|Opportunity|1', crm: 'salesforce', host: 'h', objectType: 'Opportunity', recordId: '1', name: 'Old deal', url: 'https://h/1', lastSeenAt: 5 });
    await saveNote(db, { id: 'n1', text: 'Tender in May', pageTitle: 'Mail', url: 'https://m/1', capturedAt: 7, recordKey: 'salesforce|h|Opportunity|1' });
    const [record] = await allRecords(db);
    const row = await computeDeskRow(db, record!, await loadDeskBasis(db, 1_000));
    expect(row.analysed).toBeUndefined();
    expect(row).toMatchObject({ name: 'Old deal', lastNoteAt: 7 });
  });

  it('are stamped with the playbook, the directory and the day', async () => {
    const basis = await loadDeskBasis(db, Date.UTC(2027, 0, 15, 12));
    expect(basisStamp(basis.playbook, basis.directory, Date.UTC(2027, 0, 15, 13))).toBe(basis.stamp);
    expect(basisStamp(basis.playbook, basis.directory, Date.UTC(2027, 0, 17, 12))).not.toBe(basis.stamp);
    expect(basisStamp(basis.playbook, [{ id: 'p1', name: 'Li', roles: [], skills: [], industries: [], regions: [], languages: [], capacity: 1, openDeals: 0 }], basis.now)).not.toBe(basis.stamp);
    expect(basisStamp({ ...basis.playbook, playbook: { ...basis.playbook.playbook, version: 'x' } }, basis.directory, basis.now)).not.toBe(basis.stamp);
  });
});

describe('a desk pass', () => {
  it('computes every record a slice at a time, stale ones first, and keeps the rows for the next opening', async () => {
    for (let index = 0; index < 7; index++) await rememberRecord(db, { ...validSnapshot, recordId: `006000000000${index}AA`, name: `Deal ${index}` }, index);
    const records = await allRecords(db);
    const basis = await loadDeskBasis(db, 1_000);
    const slices: { keys: string[]; remaining: number }[] = [];
    let clock = 0;
    const current = new Set([records[0]!.recordKey, records[1]!.recordKey]);
    let yields = 0;
    const pass = new DeskPass(db, records, basis, (record) => current.has(record.recordKey), (rows, remaining) => slices.push({ keys: rows.map((row) => row.recordKey), remaining }), {
      sliceMs: 2,
      now: () => (clock += 1),
      yieldToPage: async () => void yields++,
    });
    await pass.done;
    // Each slice takes two ticks of the fake clock: two records, then a yield.
    expect(slices.map((slice) => slice.keys.length)).toEqual([2, 2, 2, 1]);
    expect(slices.map((slice) => slice.remaining)).toEqual([5, 3, 1, 0]);
    expect(yields).toBe(4);
    // The two rows already current are only checked, after the others.
    expect(slices.flatMap((slice) => slice.keys).slice(-2).sort()).toEqual([...current].sort());
    const { cached } = await readDesk(db);
    expect([...cached.keys()].sort()).toEqual(records.map((record) => record.recordKey).sort());
    expect([...cached.values()].every((row) => row.basis === basis.stamp)).toBe(true);
  });

  it('stops between records and reports nothing more', async () => {
    for (let index = 0; index < 3; index++) await rememberRecord(db, { ...validSnapshot, recordId: `006000000000${index}AA` }, index);
    const reported: number[] = [];
    const pass: DeskPass = new DeskPass(db, await allRecords(db), await loadDeskBasis(db, 1), () => false, (rows) => reported.push(rows.length), {
      sliceMs: 0,
      yieldToPage: async (): Promise<void> => pass.stop(),
    });
    await pass.done;
    expect(reported).toEqual([1]);
    expect(pass.remaining).toBe(0);
  });

  it('ignores a cached row that is not valid', async () => {
    await db.put('deskRows', { recordKey: 'x', name: 42 });
    expect((await readDesk(db)).cached.size).toBe(0);
  });
});
