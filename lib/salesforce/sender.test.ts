import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { openDatabase, writeTransaction, type Database } from '@/lib/store/db';
import { addRequirementValue } from '@/lib/store/facts';
import { enqueueInTransaction, nextSendable, openOutboxEntries, outboxSummary, retryParked, saveNoteWithOutbox, SENDING_TIMEOUT_MS, type OutboxChange } from '@/lib/store/outbox';
import type { StoredNote } from '@/lib/store/rows';
import { type ContentDocumentLinkFields, type ContentNoteFields, type FactRow } from './mapping';
import { LIMIT_BACKOFF_MS, retryDelay, sendDue } from './sender';
import { readTeamsOff } from './teams';
import { WriteFault, type ContactRoleFields, type SalesforceWrites, type TeamMemberFields } from './writes';

// A scripted stand-in for Salesforce: an in-memory org whose calls can fail
// before their effect (the request never arrived), after it (the reply was
// lost) or hang after it (the worker was stopped mid-send).

type Fault = Error | 'hang' | undefined;
type Script = (method: keyof SalesforceWrites, phase: 'before' | 'after') => Fault;

const sfTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');

class FakeOrg implements SalesforceWrites {
  notes = new Map<string, { title: string; html: string; modifiedAt: number }>();
  links: ContentDocumentLinkFields[] = [];
  contacts: { id: string; email: string }[] = [];
  contactRoles: (ContactRoleFields & { id: string })[] = [];
  users: { id: string; email: string }[] = [];
  teamMembers: (TeamMemberFields & { id: string })[] = [];
  calls: string[] = [];
  /** Server time; each write happens 1.25 s after the previous one, so versions have milliseconds. */
  clock = Date.UTC(2026, 11, 4, 10);
  script: Script = () => undefined;
  private ids = 0;

  nextId(prefix: string): string {
    return `${prefix}${String(++this.ids).padStart(12, '0')}`;
  }

  private async call<T>(method: keyof SalesforceWrites, effect: () => T): Promise<T> {
    this.calls.push(method);
    const before = this.script(method, 'before');
    if (before === 'hang') return new Promise<T>(() => {});
    if (before) throw before;
    const result = effect();
    const after = this.script(method, 'after');
    if (after === 'hang') return new Promise<T>(() => {});
    if (after) throw after;
    return result;
  }

  private note(id: string) {
    const note = this.notes.get(id);
    if (!note) throw new WriteFault('not-found', 'The requested resource does not exist', 'NOT_FOUND');
    return note;
  }

  findNotesByTitle = (title: string) => this.call('findNotesByTitle', () => [...this.notes].filter(([, n]) => n.title === title).map(([id]) => id));
  createNote = (fields: ContentNoteFields) =>
    this.call('createNote', () => {
      const id = this.nextId('069');
      this.notes.set(id, { title: fields.Title, html: Buffer.from(fields.Content, 'base64').toString('utf8'), modifiedAt: (this.clock += 1_250) });
      return id;
    });
  updateNote = (id: string, fields: ContentNoteFields, ifUnmodifiedSince: string) =>
    this.call('updateNote', () => {
      const note = this.note(id);
      if (!/GMT$/.test(ifUnmodifiedSince)) throw new WriteFault('field', 'If-Unmodified-Since must be an HTTP-date', 'INVALID_HEADER');
      if (note.modifiedAt > Date.parse(ifUnmodifiedSince)) throw new WriteFault('precondition-failed', 'The requested resource has been modified', 'PRECONDITION_FAILED');
      Object.assign(note, { title: fields.Title, html: Buffer.from(fields.Content, 'base64').toString('utf8'), modifiedAt: (this.clock += 1_250) });
    });
  noteLastModified = (id: string) => this.call('noteLastModified', () => sfTime(this.note(id).modifiedAt));
  noteHtml = (id: string) => this.call('noteHtml', () => this.note(id).html.replace(/<br>/g, '<br/>'));
  /** All or none: a fault before it commits nothing, a fault after it has committed both. */
  createLinkedNote = (fields: ContentNoteFields, link: Omit<ContentDocumentLinkFields, 'ContentDocumentId'>) =>
    this.call('createLinkedNote', () => {
      const id = this.nextId('069');
      this.notes.set(id, { title: fields.Title, html: Buffer.from(fields.Content, 'base64').toString('utf8'), modifiedAt: (this.clock += 1_250) });
      this.links.push({ ContentDocumentId: id, ...link });
      return id;
    });
  linkDocument = (link: ContentDocumentLinkFields) =>
    this.call('linkDocument', () => {
      if (this.links.some((l) => l.ContentDocumentId === link.ContentDocumentId && l.LinkedEntityId === link.LinkedEntityId)) {
        throw new WriteFault('field', 'duplicate value found', 'DUPLICATE_VALUE', ['LinkedEntityId']);
      }
      this.links.push(link);
    });
  findContactIds = (email: string) => this.call('findContactIds', () => this.contacts.filter((c) => c.email === email).map((c) => c.id));
  findContactRoles = (opportunityId: string, contactId: string) =>
    this.call('findContactRoles', () =>
      this.contactRoles.filter((r) => r.OpportunityId === opportunityId && r.ContactId === contactId).map((r) => ({ id: r.id, role: r.Role })),
    );
  createContactRole = (fields: ContactRoleFields) =>
    this.call('createContactRole', () => {
      const id = this.nextId('00K');
      this.contactRoles.push({ ...fields, id });
      return id;
    });
  findUserIds = (email: string) => this.call('findUserIds', () => this.users.filter((u) => u.email === email).map((u) => u.id));
  findTeamMembers = (opportunityId: string, userId: string) =>
    this.call('findTeamMembers', () =>
      this.teamMembers.filter((m) => m.OpportunityId === opportunityId && m.UserId === userId).map((m) => ({ id: m.id, role: m.TeamMemberRole })),
    );
  createTeamMember = (fields: TeamMemberFields) =>
    this.call('createTeamMember', () => {
      const id = this.nextId('00q');
      this.teamMembers.push({ ...fields, id });
      return id;
    });
  updateTeamMemberRole = (id: string, role: string) =>
    this.call('updateTeamMemberRole', () => {
      const member = this.teamMembers.find((m) => m.id === id);
      if (!member) throw new WriteFault('not-found', 'gone', 'NOT_FOUND');
      member.TeamMemberRole = role;
    });
}

const transient = () => new WriteFault('transient', 'Service Unavailable', 'SERVER_UNAVAILABLE');
/** Fails `method` once, in `phase`, then behaves. */
function once(method: keyof SalesforceWrites, phase: 'before' | 'after', fault: Fault): Script {
  let used = false;
  return (m, p) => {
    if (m !== method || p !== phase || used) return undefined;
    used = true;
    return fault;
  };
}

const OPP = '006000000000001AAA';
const USER = '005000000000001AAA';
const OPP2 = '006000000000002AAA';
let db: Database;
let org: FakeOrg;
const dbName = () => `sender-${expect.getState().currentTestName}`;
afterEach(async () => {
  db?.close();
  await deleteDB(dbName());
});

async function setUp(): Promise<void> {
  db = await openDatabase(dbName());
  org = new FakeOrg();
}
const run = (now: number, random = () => 0.5) => sendDue({ db, writes: org, userId: USER, now: () => now, random });

const note = (id: string, recordKey = 'R1', capturedAt = 1): StoredNote & { recordKey: string } => ({
  id: `${id}-0000-4000-8000-000000000000`,
  text: `Note ${id}\nwith details`,
  pageTitle: 'Mail',
  url: 'https://mail.example/1',
  capturedAt,
  recordKey,
});
const capture = (id: string, recordKey = 'R1', opportunityId = OPP, capturedAt = 1) =>
  saveNoteWithOutbox(db, note(id, recordKey, capturedAt), opportunityId, `o-${id}`);
async function enqueue(change: OutboxChange): Promise<void> {
  const tx = writeTransaction(db, ['outbox']);
  await enqueueInTransaction(tx, change);
  await tx.done;
}
function onlyNote() {
  expect(org.notes.size).toBe(1);
  return [...org.notes][0] as [string, { title: string; html: string; modifiedAt: number }];
}
const entry = (id: string) => db.get('outbox', id);
const notesTitled = (prefix: string) => [...org.notes.values()].filter((n) => n.title.startsWith(prefix));

describe('sending notes', () => {
  it('writes a note as a ContentNote linked to the opportunity, and remembers its id', async () => {
    await setUp();
    await capture('a');
    expect(await run(10)).toEqual({ sent: 1, retrying: 0, parked: 0 });
    const [id, written] = onlyNote();
    expect(written.title).toBe('Note a [it:a00004000800]');
    expect(written.html).toContain('Note a<br>with details');
    expect(org.links).toEqual([{ ContentDocumentId: id, LinkedEntityId: OPP, ShareType: 'V', Visibility: 'AllUsers' }]);
    expect(await entry('o-a')).toMatchObject({ state: 'done', remoteId: id, attempts: 1 });
    // A first attempt does not search (nothing can have been written before it) and makes note and link in one call.
    expect(org.calls).toEqual(['createLinkedNote']);
    expect(await outboxSummary(db, 'R1')).toEqual({ sending: 0, sent: 1, parked: [] });
  });

  it('a transient failure is retried after a jittered backoff, then sent', async () => {
    await setUp();
    await capture('a');
    org.script = once('createLinkedNote', 'before', transient());
    expect(await run(10)).toEqual({ sent: 0, retrying: 1, parked: 0 });
    expect(await entry('o-a')).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: 10 + 15_000 });
    expect(await run(10 + 14_999)).toEqual({ sent: 0, retrying: 0, parked: 0 });
    expect(await run(10 + 15_000)).toEqual({ sent: 1, retrying: 0, parked: 0 });
    expect(org.notes.size).toBe(1);
  });

  it('a lost reply to the create does not make a second note', async () => {
    await setUp();
    await capture('a');
    org.script = once('createLinkedNote', 'after', new TypeError('Failed to fetch'));
    expect(await run(10)).toMatchObject({ retrying: 1 });
    await run(10 + RETRY_WAIT);
    expect(org.notes.size).toBe(1);
    expect(org.links).toHaveLength(1);
    // The resend finds the note by its marker; its link is there already (DUPLICATE_VALUE means done).
    expect(org.calls).toEqual(['createLinkedNote', 'findNotesByTitle', 'linkDocument']);
  });

  it('a worker stopped between create and remembering the id: the next worker finds the note, no duplicate', async () => {
    await setUp();
    await capture('a');
    org.script = once('createLinkedNote', 'after', 'hang');
    void run(10); // never settles: the worker is gone
    await waitFor(() => org.notes.size === 1);
    db.close();
    db = await openDatabase(dbName()); // a new worker: only IndexedDB survived
    expect(await run(10 + SENDING_TIMEOUT_MS - 1)).toEqual({ sent: 0, retrying: 0, parked: 0 });
    expect(await run(10 + SENDING_TIMEOUT_MS)).toEqual({ sent: 1, retrying: 0, parked: 0 });
    expect(org.notes.size).toBe(1);
    expect(org.links).toHaveLength(1);
  });

  it('a worker stopped between the link and done: the next one skips the create, the second link means done', async () => {
    await setUp();
    await capture('a');
    // The first attempt fails outright; the second makes note and link one at a time and stops after the link.
    org.script = once('createLinkedNote', 'before', transient());
    await run(10);
    org.script = once('linkDocument', 'after', 'hang');
    void run(10 + RETRY_WAIT);
    await waitFor(() => org.links.length === 1);
    await waitFor(async () => (await entry('o-a'))?.remoteId !== undefined);
    org.calls = [];
    expect(await run(10 + RETRY_WAIT + SENDING_TIMEOUT_MS)).toMatchObject({ sent: 1 });
    expect(org.calls).toEqual(['linkDocument']);
    expect(org.notes.size).toBe(1);
    expect(org.links).toHaveLength(1);
  });
});

describe('policy', () => {
  it('sends in order per record: a later entry waits for an earlier one that failed', async () => {
    await setUp();
    await capture('a1', 'R1', OPP, 1);
    await capture('a2', 'R1', OPP, 2);
    await capture('b1', 'R2', OPP2, 3);
    org.script = once('createLinkedNote', 'before', transient());
    expect(await run(10)).toEqual({ sent: 1, retrying: 1, parked: 0 });
    expect(notesTitled('Note').map((n) => n.title)).toEqual(['Note b1 [it:b10000400080]']);
    expect(await run(10 + RETRY_WAIT)).toEqual({ sent: 2, retrying: 0, parked: 0 });
    expect([...org.notes.values()].map((n) => n.title.split(' [')[0])).toEqual(['Note b1', 'Note a1', 'Note a2']);
  });

  it('a field or permission error parks the entry with its reason; it blocks its record until retried', async () => {
    await setUp();
    await capture('a1');
    await capture('a2');
    org.script = once('createLinkedNote', 'before', new WriteFault('field', 'Insufficient access rights on cross-reference id', 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY', ['LinkedEntityId']));
    expect(await run(10)).toEqual({ sent: 0, retrying: 0, parked: 1 });
    expect(await run(10 + RETRY_WAIT)).toEqual({ sent: 0, retrying: 0, parked: 0 });
    expect(await outboxSummary(db, 'R1')).toEqual({
      sending: 1,
      sent: 0,
      parked: [
        {
          id: 'o-a1',
          kind: 'note',
          reason: { errorCode: 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY', fields: ['LinkedEntityId'], message: 'Insufficient access rights on cross-reference id' },
        },
      ],
    });
    await retryParked(db, 'o-a1', 20);
    org.calls = [];
    expect(await run(20)).toEqual({ sent: 2, retrying: 0, parked: 0 });
    // The retried entry was tried before: it looks for an earlier write instead of writing at once.
    expect(org.calls.slice(0, 3)).toEqual(['findNotesByTitle', 'createNote', 'linkDocument']);
  });

  it('a deleted opportunity parks as "deleted in Salesforce"; a team member where teams are off is dropped and holds nothing back', async () => {
    await setUp();
    await capture('a1');
    org.script = (method) => (method === 'createLinkedNote' || method === 'createTeamMember' ? new WriteFault('not-found', 'NOT_FOUND', 'NOT_FOUND') : undefined);
    org.users.push({ id: '005000000000001', email: 'wei@example.com' });
    await enqueue({ id: 't1', recordKey: 'R2', kind: 'team-member', payload: { opportunityId: OPP2, userEmail: 'wei@example.com', roleId: 'sr' }, createdAt: 2 });
    org.contacts.push({ id: '003000000000001', email: 'ahmed@example.com' });
    await enqueue({ id: 'f1', recordKey: 'R2', kind: 'contact-role', payload: { opportunityId: OPP2, contactEmail: 'ahmed@example.com', roleId: 'coach' }, createdAt: 3 });
    const report = await run(10);
    expect(report).toMatchObject({ parked: 1, teamsOff: true });
    expect((await entry('o-a1'))?.parkedReason).toEqual({ errorCode: 'NOT_FOUND', fields: [], message: 'Deleted in Salesforce.' });
    expect(await entry('t1')).toBeUndefined();
    expect(await readTeamsOff(db)).toBe(true);
    expect(await entry('f1')).toMatchObject({ state: 'done' }); // the record's next entry went on
  });

  it('a team member removed in Salesforce between lookup and update is added afresh, and teams stay on', async () => {
    await setUp();
    org.users.push({ id: '005000000000001', email: 'wei@example.com' });
    org.teamMembers.push({ id: '00q000000000009', OpportunityId: OPP, UserId: '005000000000001', TeamMemberRole: 'Sales Rep', OpportunityAccessLevel: 'Read' });
    org.script = once('updateTeamMemberRole', 'before', new WriteFault('not-found', 'gone', 'NOT_FOUND'));
    await enqueue({ id: 't1', recordKey: 'R1', kind: 'team-member', payload: { opportunityId: OPP, userEmail: 'wei@example.com', roleId: 'sr' }, createdAt: 1 });
    expect(await run(10)).toEqual({ sent: 1, retrying: 0, parked: 0 });
    expect(await readTeamsOff(db)).toBe(false);
    expect(org.teamMembers.at(-1)).toMatchObject({ TeamMemberRole: 'Pre-Sales Consultant' });
  });

  it('REQUEST_LIMIT_EXCEEDED stops the run and holds every record until the limit window has passed', async () => {
    await setUp();
    await capture('a1', 'R1', OPP, 1);
    await capture('b1', 'R2', OPP2, 2);
    org.script = once('createLinkedNote', 'before', new WriteFault('limit-exceeded', 'TotalRequests Limit exceeded.', 'REQUEST_LIMIT_EXCEEDED'));
    expect(await run(10)).toEqual({ sent: 0, retrying: 0, parked: 0, stopped: { reason: 'limit', until: 10 + LIMIT_BACKOFF_MS } });
    expect(org.calls).toEqual(['createLinkedNote']);
    expect(await nextSendable(db, 10 + RETRY_CAP)).toEqual([]);
    expect(await run(10 + LIMIT_BACKOFF_MS)).toMatchObject({ sent: 2 });
  });

  it('an invalid session after the client’s refresh stops the run and asks to sign in; the entry stays pending', async () => {
    await setUp();
    await capture('a1', 'R1', OPP, 1);
    await capture('b1', 'R2', OPP2, 2);
    org.script = once('createLinkedNote', 'before', new WriteFault('invalid-session', 'Session expired or invalid', 'INVALID_SESSION_ID'));
    expect(await run(10)).toEqual({ sent: 0, retrying: 0, parked: 0, stopped: { reason: 'sign-in' } });
    expect(await entry('o-a1')).toMatchObject({ state: 'pending', nextAttemptAt: 10 });
    expect(org.calls).toEqual(['createLinkedNote']);
    expect(await run(11)).toMatchObject({ sent: 2 });
  });

  it('backoff grows with full jitter up to the cap', () => {
    expect(retryDelay(1, () => 0.999)).toBe(29_970);
    expect(retryDelay(3, () => 0.5)).toBe(60_000);
    expect(retryDelay(30, () => 0.999)).toBe(Math.floor(0.999 * RETRY_CAP));
    expect(retryDelay(5, () => 0)).toBe(0);
  });
});

describe('requirement facts', () => {
  const facts = (value: string): FactRow[] => [{ label: 'Site power', value, source: { kind: 'manual' }, confirmedByCustomer: true, setBy: 'Priya', setAt: 5 }];
  let n = 0;
  const enqueueFacts = (value: string) =>
    enqueue({ id: `f${++n}`, recordKey: 'R1', kind: 'requirement-facts', payload: { opportunityId: OPP, facts: facts(value) }, createdAt: n });
  /** An edit made in the panel: the value and its facts snapshot in one transaction (lib/store/outbox-mirror.ts). */
  const enqueueMirroredFacts = (value: string) =>
    addRequirementValue(
      db,
      'R1',
      { fieldId: 'site-power', value, source: { kind: 'manual' }, confirmedByCustomer: true, setBy: 'Priya', setAt: 25 },
      null,
      () => 'v-mirrored',
      { opportunityId: OPP, outboxId: 'f-mirrored', createdAt: 25, labelOf: () => 'Site power' },
    );

  it('creates one note per opportunity, then updates it based on the version written', async () => {
    await setUp();
    await enqueueFacts('off-grid');
    await enqueueFacts('off-grid, 2 sites');
    expect(await run(10)).toMatchObject({ sent: 2, parked: 0 });
    const written = notesTitled('Requirement facts');
    expect(written).toHaveLength(1);
    expect(written[0]?.html).toContain('off-grid, 2 sites');
    expect(written[0]?.title).toBe('Requirement facts [it:facts-006000000000001-005000000000001]'); // this user's own
    expect(org.links).toEqual([expect.objectContaining({ LinkedEntityId: OPP, ShareType: 'V' })]);
    expect(org.calls.filter((c) => c === 'updateNote')).toHaveLength(1);
  });

  it('a concurrent edit in Salesforce answers 412: parked as a conflict, never overwritten; the notes behind it go on', async () => {
    await setUp();
    await enqueueFacts('off-grid');
    await run(10);
    const [, stored] = onlyNote();
    stored.html = '<p>edited by the account owner</p>';
    stored.modifiedAt = org.clock += 1_250;
    await enqueueFacts('grid');
    await capture('later');
    expect(await run(20)).toEqual({ sent: 1, retrying: 0, parked: 1 });
    expect(stored.html).toBe('<p>edited by the account owner</p>');
    expect((await outboxSummary(db, 'R1')).parked).toEqual([expect.objectContaining({ kind: 'requirement-facts', reason: expect.objectContaining({ errorCode: 'CONFLICT' }) })]);
    expect(org.notes.size).toBe(2); // the note captured after it was not held back by the conflict
  });

  it('Retry on a conflict puts this browser’s facts over Salesforce’s, knowingly; a newer snapshot meanwhile replaces the refused one', async () => {
    await setUp();
    await enqueueFacts('off-grid');
    await run(10);
    const [id, stored] = onlyNote();
    stored.html = '<p>edited by the account owner</p>';
    stored.modifiedAt = org.clock += 1_250;
    const conflicted = `f${n + 1}`;
    await enqueueFacts('grid');
    await run(20);
    expect((await entry(conflicted))?.state).toBe('parked');
    // Another edit here while the conflict waits: one refused entry, carrying the newest facts.
    await enqueueMirroredFacts('grid, 3 sites');
    expect((await openOutboxEntries(db)).map((e) => e.id)).toEqual([conflicted]);
    await retryParked(db, conflicted, 30);
    expect(await run(30)).toMatchObject({ sent: 1, parked: 0 });
    expect(org.notes.get(id)?.html).toContain('grid, 3 sites');
  });

  it('our own update whose reply was lost is not taken for a conflict', async () => {
    await setUp();
    await enqueueFacts('off-grid');
    await run(10);
    await enqueueFacts('grid');
    org.script = once('updateNote', 'after', transient());
    expect(await run(20)).toMatchObject({ retrying: 1 });
    expect(await run(20 + RETRY_WAIT)).toEqual({ sent: 1, retrying: 0, parked: 0 });
    expect(notesTitled('Requirement facts')).toHaveLength(1);
  });

  it('a teammate’s facts note is theirs: this browser writes its own beside it', async () => {
    await setUp();
    org.notes.set('069000000000999', { title: 'Requirement facts [it:facts-006000000000001-005000000000002]', html: '<p>the SR’s table</p>', modifiedAt: 1 });
    await enqueueFacts('off-grid');
    expect(await run(10)).toMatchObject({ sent: 1, parked: 0 });
    expect(org.notes.get('069000000000999')?.html).toBe('<p>the SR’s table</p>');
    expect(notesTitled('Requirement facts')).toHaveLength(2);
  });

  it('this user’s facts note written from another browser, never seen here, is a conflict, not overwritten', async () => {
    await setUp();
    org.notes.set('069000000000999', { title: 'Requirement facts [it:facts-006000000000001-005000000000001]', html: '<p>from the laptop</p>', modifiedAt: 1 });
    await enqueueFacts('off-grid');
    expect(await run(10)).toMatchObject({ parked: 1 });
    expect(org.notes.get('069000000000999')?.html).toBe('<p>from the laptop</p>');
  });
});

describe('people', () => {
  it('adds a contact role by e-mail, reusing one that exists; an unknown contact parks', async () => {
    await setUp();
    org.contacts.push({ id: '003000000000001', email: 'amina@customer.example' });
    org.contactRoles.push({ id: '00K000000000077', OpportunityId: OPP, ContactId: '003000000000001', Role: 'Evaluator' });
    const role = (id: string, email: string, roleId: string): OutboxChange => ({
      id,
      recordKey: id,
      kind: 'contact-role',
      payload: { opportunityId: OPP, contactEmail: email, roleId },
      createdAt: 1,
    });
    await enqueue(role('c1', 'amina@customer.example', 'procurement'));
    await enqueue(role('c2', 'amina@customer.example', 'decision-maker'));
    await enqueue(role('c3', 'nobody@customer.example', 'influencer'));
    expect(await run(10)).toEqual({ sent: 2, retrying: 0, parked: 1 });
    expect(await entry('c1')).toMatchObject({ remoteId: '00K000000000077' });
    expect(org.contactRoles.map((r) => r.Role)).toEqual(['Evaluator', 'Economic Decision Maker']);
    expect((await entry('c3'))?.parkedReason).toMatchObject({ errorCode: 'NO_CONTACT', fields: ['ContactId'] });
  });

  it('adds a team member with the mapped role (org overrides first), updating a member already on the team', async () => {
    await setUp();
    org.users.push({ id: '005000000000001', email: 'wei@example.com' }, { id: '005000000000002', email: 'fr@example.com' });
    org.teamMembers.push({ id: '00q000000000001', OpportunityId: OPP, UserId: '005000000000001', TeamMemberRole: 'Sales Rep', OpportunityAccessLevel: 'Read' });
    const member = (id: string, email: string, roleId: string): OutboxChange => ({
      id,
      recordKey: 'R1',
      kind: 'team-member',
      payload: { opportunityId: OPP, userEmail: email, roleId },
      createdAt: 1,
    });
    await enqueue(member('t1', 'wei@example.com', 'sr'));
    await enqueue(member('t2', 'fr@example.com', 'fr'));
    const report = await sendDue({ db, writes: org, userId: USER, now: () => 10, random: () => 0.5, roles: { teamRoles: { fr: 'Fulfilment Responsible' } } });
    expect(report).toEqual({ sent: 2, retrying: 0, parked: 0 });
    expect(org.teamMembers.map((m) => [m.UserId, m.TeamMemberRole])).toEqual([
      ['005000000000001', 'Pre-Sales Consultant'],
      ['005000000000002', 'Fulfilment Responsible'],
    ]);
  });
});

describe('200 captures with faults and stopped workers', () => {
  it('writes every note exactly once, linked once, in capture order per record', async () => {
    await setUp();
    const random = mulberry32(15);
    const records = Array.from({ length: 8 }, (_, i) => ({ key: `R${i}`, opp: `0060000000000${String(i).padStart(2, '0')}AAA` }));
    for (let i = 0; i < 200; i++) {
      const record = records[i % records.length]!;
      await capture(String(i).padStart(3, '0'), record.key, record.opp, i);
    }
    const faults = mulberry32(7);
    let stopped = 0;
    let stop: () => void = () => {};
    org.script = (method, phase) => {
      const r = faults();
      if (r < 0.1) return transient();
      if (r < 0.15) return phase === 'after' ? new TypeError('Failed to fetch') : undefined;
      if (r < 0.17) {
        stopped++;
        stop();
        return 'hang';
      }
      if (r < 0.18 && (method === 'createNote' || method === 'createLinkedNote')) return new WriteFault('transient', 'UNABLE_TO_LOCK_ROW', 'UNABLE_TO_LOCK_ROW');
      return undefined;
    };
    let now = 1_000;
    for (let round = 0; round < 400 && (await db.countFromIndex('outbox', 'byState', 'done')) < 200; round++) {
      // A run either finishes or is stopped mid-send (then the next worker starts on the same database).
      const stoppedHere = new Promise<void>((resolve) => (stop = resolve));
      await Promise.race([sendDue({ db, writes: org, userId: USER, now: () => now, random }), stoppedHere]);
      now += RETRY_CAP + SENDING_TIMEOUT_MS;
    }
    expect(await db.countFromIndex('outbox', 'byState', 'done')).toBe(200);
    expect(stopped).toBeGreaterThan(0);
    const titles = [...org.notes.values()].map((n) => n.title);
    expect(titles).toHaveLength(200);
    expect(new Set(titles).size).toBe(200);
    expect(new Set(org.links.map((l) => l.ContentDocumentId)).size).toBe(200);
    expect(org.links).toHaveLength(200);
    // The org keeps notes in creation order: per opportunity, that is capture order.
    const linkedTo = new Map(org.links.map((l) => [l.ContentDocumentId, l.LinkedEntityId]));
    for (const record of records) {
      const inCreationOrder = [...org.notes].filter(([id]) => linkedTo.get(id) === record.opp).map(([, n]) => n.title);
      expect(inCreationOrder).toHaveLength(25);
      expect(inCreationOrder).toEqual([...inCreationOrder].sort());
    }
  });
});

const RETRY_CAP = 30 * 60_000;
/** Longer than any backoff after a first failure at random = 0.5. */
const RETRY_WAIT = 15_000;

async function waitFor(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not met');
}

/** A small seeded generator, so a failing run can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
