// The real outbox sender through `clientWrites` and the real REST client, against the local
// Salesforce stand-in over HTTP (signed in through the real OAuth flow), with the outbox in
// fake-indexeddb: what the unit tests of the sender (a scripted fake org) cannot show — that
// the HTTP answers, the stand-in's faults and the client's errors add up to the sender's policy.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { startSalesforceServer, type SalesforceServer } from '@/test/support/salesforce-server.mjs';
import { openDatabase, writeTransaction, type Database } from '@/lib/store/db';
import { enqueueInTransaction, outboxSummary, saveNoteWithOutbox, SENDING_TIMEOUT_MS, type OutboxChange } from '@/lib/store/outbox';
import { SalesforceClient } from './client.ts';
import { clientWrites, noteIdsByTitleQuery, soqlString, toWriteFault } from './client-writes.ts';
import {
  FieldError,
  InvalidSessionError,
  NotFoundError,
  PreconditionFailedError,
  ProtocolError,
  RequestLimitExceededError,
  TransientError,
} from './errors.ts';
import type { FactRow } from './mapping.ts';
import { sendDue, type SendReport } from './sender.ts';
import { readTeamsOff } from './teams.ts';
import { signIn, tokenSource } from './testing/sign-in.ts';
import { WriteFault, type SalesforceWrites } from './writes.ts';

let server: SalesforceServer;
let tokens: ReturnType<typeof tokenSource>;
let writes: SalesforceWrites;
let db: Database;
/** Data API calls so far; `onCall` runs before the n-th one is sent (to break things mid-batch). */
let dataCalls = 0;
let onCall: (n: number) => void = () => {};

const dbName = () => `client-writes-${expect.getState().currentTestName}`;

beforeEach(async () => {
  server = await startSalesforceServer();
  tokens = tokenSource(server, await signIn(server));
  dataCalls = 0;
  onCall = () => {};
  const counting: typeof fetch = (input, init) => {
    if (new Request(input).url.includes('/services/data/')) onCall(++dataCalls);
    return server.fetch(input, init);
  };
  writes = clientWrites(new SalesforceClient({ fetch: counting, tokens, timeoutMs: 5_000 }));
  db = await openDatabase(dbName());
});
afterEach(async () => {
  db.close();
  await deleteDB(dbName());
  await server.close();
});

const HOUR = 60 * 60_000;
/** The signed-in user whose facts notes these are. */
const USER = '005000000000001AAA';
const run = (now: number) => sendDue({ db, writes, userId: USER, now: () => now, random: () => 0.5 });

/** Runs the sender an hour apart (past any backoff) until a run has nothing left to do. */
async function drain(start: number): Promise<SendReport[]> {
  const reports: SendReport[] = [];
  for (let now = start; reports.length < 10; now += HOUR) {
    const report = await run(now);
    reports.push(report);
    if (report.sent + report.retrying + report.parked === 0) return reports;
  }
  throw new Error(`the outbox did not drain: ${JSON.stringify(reports)}`);
}

// Ids whose first twelve characters differ, as UUIDs do: the title marker comes from them.
const noteId = (n: number) => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
const capture = (n: number, text: string, recordKey: string, opportunityId: string) =>
  saveNoteWithOutbox(db, { id: noteId(n), text, pageTitle: 'Mail', url: 'https://mail.example/1', capturedAt: n, recordKey }, opportunityId, `o-${n}`);

async function enqueue(change: OutboxChange): Promise<void> {
  const tx = writeTransaction(db, ['outbox']);
  await enqueueInTransaction(tx, change);
  await tx.done;
}

/** The ContentNote titles linked to a record, in the order the links were made. */
function notesLinkedTo(recordId: string): string[] {
  return server.state
    .list('ContentDocumentLink')
    .filter((link) => link.LinkedEntityId === recordId)
    .map((link) => String(server.state.records.ContentNote![String(link.ContentDocumentId)]!.Title));
}

describe('clientWrites with the real sender', () => {
  it('sends a captured note as one ContentNote linked to the opportunity', async () => {
    const opportunityId = server.state.seed('Opportunity', { Name: 'Sudan grid' });
    await capture(1, 'Site power is 40 MW\nbackup: diesel & "PV"', 'R1', opportunityId);

    expect(await run(10)).toEqual({ sent: 1, retrying: 0, parked: 0 });
    expect(dataCalls).toBe(1); // note and link in one composite call

    const [note, ...others] = server.state.list('ContentNote');
    expect(others).toEqual([]);
    expect(note!.Title).toBe('Site power is 40 MW [it:000000010000]');
    expect(server.state.noteBody(note!.Id)).toContain('Site power is 40 MW<br>backup: diesel &amp; &quot;PV&quot;');
    expect(server.state.list('ContentDocumentLink').filter((l) => l.LinkedEntityId === opportunityId)).toEqual([
      expect.objectContaining({ ContentDocumentId: note!.Id, ShareType: 'V', Visibility: 'AllUsers' }),
    ]);
    expect(await db.get('outbox', 'o-1')).toMatchObject({ state: 'done', remoteId: note!.Id });
  });

  it('30 notes on 3 records arrive exactly once each, in order, through lost replies and an expired token', async () => {
    const opportunities = ['Sudan grid', 'Chad solar', 'Niger mine'].map((Name) => server.state.seed('Opportunity', { Name }));
    const expected: string[][] = [[], [], []];
    for (let n = 1; n <= 30; n++) {
      const record = n % 3;
      await capture(n, `Note ${n}\ndetails`, `R${record}`, opportunities[record]!);
      expected[record]!.push(`Note ${n} [it:${noteId(n).replace(/-/g, '').slice(0, 12)}]`);
    }
    // Mid-batch: two notes written (note and link in one composite call) whose replies are lost,
    // then every access token stops working (the client refreshes once and goes on).
    onCall = (n) => {
      if (n === 9 || n === 20) server.faults.next({ kind: 'dropAfterCommit', match: /\/composite$/ });
      if (n === 25) server.faults.expireTokens();
    };

    const reports = await drain(100);

    expect(reports[0]).toMatchObject({ retrying: 2, parked: 0 });
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(30);
    expect(tokens.refreshes).toBe(1);
    expect(server.state.list('ContentNote')).toHaveLength(30);
    opportunities.forEach((id, record) => expect(notesLinkedTo(id)).toEqual(expected[record]));
    // The notes were also created in capture order per record (a resend found its note, made none).
    const created = server.state.list('ContentNote').map((n) => String(n.Title));
    for (const titles of expected) expect(created.filter((t) => titles.includes(t))).toEqual(titles);
    for (const record of [0, 1, 2]) expect(await outboxSummary(db, `R${record}`)).toEqual({ sending: 0, sent: 10, parked: [] });
  });

  it('200 captures through faults and stopped workers arrive exactly once each, none lost', { timeout: 120_000 }, async () => {
    // A small seeded generator: the same faults on every run of the test.
    let seed = 0x2f6b3a1d;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32);
    const opportunities = Array.from({ length: 5 }, (_, n) => server.state.seed('Opportunity', { Name: `Deal ${n}` }));
    const titles: string[][] = opportunities.map(() => []);
    for (let n = 1; n <= 200; n++) {
      const record = n % 5;
      await capture(n, `Capture ${n}\nfigures: ${n * 7}%`, `R${record}`, opportunities[record]!);
      titles[record]!.push(`Capture ${n} [it:${noteId(n).replace(/-/g, '').slice(0, 12)}]`);
    }
    // Every data call may meet a fault: a dropped connection, a committed write whose reply is
    // lost, a 5xx, a slow answer, or every session expiring (the client refreshes once).
    onCall = () => {
      const roll = random();
      if (roll < 0.04) server.faults.next({ kind: 'drop' });
      else if (roll < 0.08) server.faults.next({ kind: 'dropAfterCommit' });
      else if (roll < 0.11) server.faults.next({ kind: 'status', status: 503, body: [{ message: 'Service Unavailable', errorCode: 'SERVER_UNAVAILABLE' }] });
      else if (roll < 0.13) server.faults.next({ kind: 'delay', delayMs: 50 });
      else if (roll < 0.14) server.faults.expireTokens();
    };
    // A worker stopped mid-send: some runs hang on a call for good and are abandoned, leaving an
    // entry `sending`; the next run, past SENDING_TIMEOUT_MS, takes it over.
    let stopped: () => void = () => {};
    const stopping: SalesforceWrites = new Proxy(writes, {
      get: (target, name: keyof SalesforceWrites) => (...args: never[]) => {
        if (random() >= 0.01) return (target[name] as (...a: never[]) => Promise<unknown>)(...args);
        stopped();
        return new Promise(() => {}); // never answers: the run stays where it stopped, as a stopped worker's would
      },
    });
    let now = 1_000;
    let stops = 0;
    for (let round = 0; round < 400; round++) {
      const summaries = await Promise.all([0, 1, 2, 3, 4].map((record) => outboxSummary(db, `R${record}`)));
      if (summaries.every((summary) => summary.sent === 40)) break;
      const stop = new Promise<false>((resolve) => (stopped = () => resolve(false)));
      const finished = await Promise.race([sendDue({ db, writes: stopping, userId: USER, now: () => now, random }).then(() => true), stop]);
      if (!finished) stops++;
      now += SENDING_TIMEOUT_MS + HOUR;
    }
    server.faults.clear();

    expect(stops).toBeGreaterThan(0);
    for (const record of [0, 1, 2, 3, 4]) expect(await outboxSummary(db, `R${record}`)).toEqual({ sending: 0, sent: 40, parked: [] });
    expect(server.state.list('ContentNote')).toHaveLength(200);
    opportunities.forEach((id, record) => expect(notesLinkedTo(id)).toEqual(titles[record]));
  });

  it('a facts note another user changed in Salesforce is parked as a CONFLICT, not overwritten', async () => {
    const opportunityId = server.state.seed('Opportunity', { Name: 'Sudan grid' });
    const facts = (value: string): FactRow[] => [{ label: 'Site power', value, source: { kind: 'manual' }, confirmedByCustomer: true, setBy: 'Priya', setAt: 5 }];
    let n = 0;
    const enqueueFacts = (value: string) =>
      enqueue({ id: `f${++n}`, recordKey: 'R1', kind: 'requirement-facts', payload: { opportunityId, facts: facts(value) }, createdAt: n });

    // Create, then update within the same second: our own version is not taken for a change.
    await enqueueFacts('off-grid');
    await enqueueFacts('off-grid, 2 sites');
    expect(await run(10)).toEqual({ sent: 2, retrying: 0, parked: 0 });
    const [note] = server.state.list('ContentNote');
    expect(server.state.noteBody(note!.Id)).toContain('off-grid, 2 sites');

    server.state.clockOffsetMs += 3_000;
    server.state.touch('ContentNote', note!.Id, { Content: Buffer.from('<p>edited by the account owner</p>').toString('base64') });
    await enqueueFacts('grid');
    expect(await run(20)).toEqual({ sent: 0, retrying: 0, parked: 1 });

    expect(server.state.noteBody(note!.Id)).toBe('<p>edited by the account owner</p>');
    expect((await outboxSummary(db, 'R1')).parked).toEqual([
      expect.objectContaining({ kind: 'requirement-facts', reason: expect.objectContaining({ errorCode: 'CONFLICT' }) }),
    ]);
  });

  it('a contact role and a team member are found by e-mail, written once, and say why when they cannot be', async () => {
    const opportunityId = server.state.seed('Opportunity', { Name: 'Sudan grid' });
    const contactId = server.state.seed('Contact', { Name: 'Ahmed Musa', Email: 'ahmed.musa@sudatel.sd', Title: 'CTO' });
    const userId = server.state.seed('User', { Name: 'Wang Fang', Username: 'wang.fang@example.com', Email: 'wang.fang@example.com', IsActive: true });
    const role = (id: string, roleId: string, contactEmail = 'ahmed.musa@sudatel.sd') =>
      enqueue({ id, recordKey: 'R1', kind: 'contact-role', payload: { opportunityId, contactEmail, roleId }, createdAt: 1 });
    await role('c1', 'technical-evaluator');
    await role('c2', 'technical-evaluator'); // the same again (a second panel): reused, not duplicated
    await enqueue({ id: 't1', recordKey: 'R1', kind: 'team-member', payload: { opportunityId, userEmail: 'wang.fang@example.com', roleId: 'sr' }, createdAt: 2 });
    await drain(10);
    expect(server.state.list('OpportunityContactRole')).toEqual([expect.objectContaining({ OpportunityId: opportunityId, ContactId: contactId, Role: 'Technical Buyer' })]);
    expect(server.state.list('OpportunityTeamMember')).toEqual([expect.objectContaining({ OpportunityId: opportunityId, UserId: userId, TeamMemberRole: 'Pre-Sales Consultant' })]);

    await role('c3', 'decision-maker', 'nobody@sudatel.sd');
    expect(await run(HOUR * 20)).toEqual({ sent: 0, retrying: 0, parked: 1 });
    expect((await outboxSummary(db, 'R1')).parked).toEqual([
      expect.objectContaining({ kind: 'contact-role', reason: expect.objectContaining({ errorCode: 'NO_CONTACT', fields: ['ContactId'] }) }),
    ]);
  });

  it('writes the org’s own picklist values where IT mapped them', async () => {
    server.state.picklists['OpportunityContactRole.Role']!.push('Procurement');
    const opportunityId = server.state.seed('Opportunity', { Name: 'Sudan grid' });
    server.state.seed('Contact', { Name: 'Li Na', Email: 'li.na@sudatel.sd', Title: 'Head of Supply' });
    await enqueue({ id: 'c1', recordKey: 'R1', kind: 'contact-role', payload: { opportunityId, contactEmail: 'li.na@sudatel.sd', roleId: 'procurement' }, createdAt: 1 });
    expect(await sendDue({ db, writes, userId: USER, now: () => 10, random: () => 0.5, roles: { contactRoles: { procurement: 'Procurement' } } })).toMatchObject({ sent: 1 });
    expect(server.state.list('OpportunityContactRole')).toEqual([expect.objectContaining({ Role: 'Procurement' })]);
  });

  it('a team member where opportunity teams are off is dropped, remembered, and holds back no note', async () => {
    server.state.teamSelling = false;
    const opportunityId = server.state.seed('Opportunity', { Name: 'Sudan grid' });
    server.state.seed('User', { Name: 'Wang Fang', Username: 'wang.fang@example.com', Email: 'wang.fang@example.com', IsActive: true });
    await enqueue({ id: 't1', recordKey: 'R1', kind: 'team-member', payload: { opportunityId, userEmail: 'wang.fang@example.com', roleId: 'sr' }, createdAt: 2 });
    await capture(1, 'Site power is 40 MW', 'R1', opportunityId);
    expect(await run(10)).toEqual({ sent: 1, retrying: 0, parked: 0, teamsOff: true });
    expect(await outboxSummary(db, 'R1')).toEqual({ sending: 0, sent: 1, parked: [] });
    expect(await readTeamsOff(db)).toBe(true);
  });

  it('a field error parks the entry with Salesforce’s errorCode and fields', async () => {
    // The opportunity was deleted after the note was captured: linking to it is a field error.
    const opportunityId = server.state.seed('Opportunity', { Name: 'Gone' });
    server.state.records.Opportunity![opportunityId]!.IsDeleted = true;
    await capture(1, 'Site power', 'R1', opportunityId);

    expect(await run(10)).toEqual({ sent: 0, retrying: 0, parked: 1 });
    expect((await outboxSummary(db, 'R1')).parked).toEqual([
      expect.objectContaining({ kind: 'note', reason: { errorCode: 'INVALID_CROSS_REFERENCE_KEY', fields: ['LinkedEntityId'], message: 'invalid cross reference id' } }),
    ]);
    // Note and link are written all or none: no note is left unlinked in Salesforce.
    expect(server.state.list('ContentNote')).toEqual([]);
    expect(await db.get('outbox', 'o-1')).toMatchObject({ state: 'parked' });
    expect((await db.get('outbox', 'o-1'))?.remoteId).toBeUndefined();
  });
});

describe('clientWrites faults and queries', () => {
  it('maps each client error to the WriteFault kind the sender decides by', () => {
    const field = new FieldError(400, [{ message: 'bad value', errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: ['Role'] }]);
    const cases: [Error, string][] = [
      [new InvalidSessionError('Session expired or invalid'), 'invalid-session'],
      [new RequestLimitExceededError('TotalRequests Limit exceeded.', undefined), 'limit-exceeded'],
      [field, 'field'],
      [new PreconditionFailedError('modified'), 'precondition-failed'],
      [new NotFoundError('gone', true), 'not-found'],
      [new TransientError('down', 503, false), 'transient'],
      [new ProtocolError('odd answer'), 'transient'],
    ];
    for (const [error, kind] of cases) {
      const fault = toWriteFault(error);
      expect(fault).toBeInstanceOf(WriteFault);
      expect(fault).toMatchObject({ kind, message: error.message, cause: error });
    }
    expect(toWriteFault(field)).toMatchObject({ errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: ['Role'] });
    const other = new RangeError('Not a Salesforce id');
    expect(toWriteFault(other)).toBe(other);
  });

  it('reaches the sender as WriteFaults over HTTP: limit exceeded, not found, precondition failed', async () => {
    server.faults.limitExceeded(1);
    await expect(writes.findNotesByTitle('x')).rejects.toMatchObject({ name: 'WriteFault', kind: 'limit-exceeded' });
    await expect(writes.noteHtml('069000000000000AAA')).rejects.toMatchObject({ kind: 'not-found' });
    const id = await writes.createNote({ Title: 'Facts', Content: '' });
    const version = await writes.noteLastModified(id);
    expect(version).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000\+0000$/);
    server.state.clockOffsetMs += 3_000;
    server.state.touch('ContentNote', id);
    await expect(writes.updateNote(id, { Title: 'Facts', Content: '' }, new Date(Date.parse(version.replace('+0000', 'Z'))).toUTCString())).rejects.toMatchObject({
      kind: 'precondition-failed',
    });
    server.faults.next({ kind: 'drop' });
    await expect(writes.createNote({ Title: 'Lost', Content: '' })).rejects.toMatchObject({ kind: 'transient' });
  });

  it('escapes values in SOQL, so a title with quotes finds its note and cannot change the query', async () => {
    expect(soqlString(`it's \\ a "test"\n`)).toBe(`'it\\'s \\\\ a \\"test\\"\\n'`);
    const title = `O'Brien's 40\\50 MW [it:000000010000]`;
    const id = await writes.createNote({ Title: title, Content: '' });
    await writes.createNote({ Title: 'Other', Content: '' });
    expect(await writes.findNotesByTitle(title)).toEqual([id]);
    // Unescaped, this would end the literal early (a malformed query); escaped, it is just a title no note has.
    expect(await writes.findNotesByTitle(`Other'`)).toEqual([]);
    expect(noteIdsByTitleQuery(`x' OR Title != '`)).toBe(`SELECT Id FROM ContentNote WHERE Title = 'x\\' OR Title != \\''`);
  });
});
