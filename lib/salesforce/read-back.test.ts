import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { startSalesforceServer, type SalesforceServer } from '@/test/support/salesforce-server.mjs';
import { openDatabase, writeTransaction, type Database } from '@/lib/store/db';
import { notesForRecord } from '@/lib/store/notes';
import { enqueueInTransaction, markDone, markSending, recordRemoteId } from '@/lib/store/outbox';
import type { SalesforceClient } from './client';
import { base64Utf8, contentNoteForNote } from './mapping';
import { pullRecordNotes, readPullState } from './read-back';
import { signedInClient } from './testing/sign-in';

// Read-back against the local Salesforce stand-in: a colleague's notes arrive with their
// author, an edit replaces the earlier text, this browser's own notes are not read back,
// and an opportunity deleted in Salesforce is reported as gone.

const OPPORTUNITY = '0065g00000AbCdEAAV';
const RECORD = `salesforce|acme.lightning.force.com|Opportunity|${OPPORTUNITY}`;
const target = { recordKey: RECORD, recordName: 'Nile Telecom', opportunityId: OPPORTUNITY, userId: '005000000000000AAA' };

let server: SalesforceServer;
let client: SalesforceClient;
let db: Database;
let colleague: string;
const dbName = () => `read-back-${expect.getState().currentTestName}`;

beforeEach(async () => {
  server = await startSalesforceServer();
  server.state.seed('Opportunity', { Id: OPPORTUNITY, Name: 'Nile Telecom' });
  colleague = server.state.seed('User', { Name: 'Amira Hassan', Username: 'amira@example.com' });
  client = await signedInClient(server);
  db = await openDatabase(dbName());
});
afterEach(async () => {
  db.close();
  await deleteDB(dbName());
  await server.close();
});

/** A note a colleague wrote on the opportunity (in Salesforce, or through their own extension). */
function colleagueWrites(title: string, html: string): string {
  const id = server.state.seed('ContentNote', { Title: title, Content: base64Utf8(html), FileType: 'SNOTE', CreatedById: colleague, LastModifiedById: colleague, OwnerId: colleague });
  server.state.seed('ContentDocumentLink', { ContentDocumentId: id, LinkedEntityId: OPPORTUNITY, ShareType: 'V', Visibility: 'AllUsers' });
  return id;
}

describe('pullRecordNotes', () => {
  it('brings a colleague’s note with who wrote it, its text intact and without the resend marker', async () => {
    const fields = contentNoteForNote({ id: 'ab12cd34-ef56', text: 'Their CFO signs above USD 1 M.\nThree quotes needed.', pageTitle: 'Call notes', url: '', capturedAt: Date.UTC(2026, 11, 4) });
    const id = colleagueWrites(fields.Title, Buffer.from(fields.Content, 'base64').toString('utf8'));
    expect(await pullRecordNotes(db, client, target, 1_000)).toEqual({ outcome: 'pulled', changed: 1 });
    const [note] = await notesForRecord(db, RECORD);
    expect(note).toMatchObject({
      id: `salesforce:${id}`,
      pageTitle: 'Their CFO signs above USD 1 M.',
      recordName: 'Nile Telecom',
      author: { name: 'Amira Hassan', source: 'salesforce', remoteId: id },
    });
    expect(note?.text).toMatch(/^Their CFO signs above USD 1 M\.\nThree quotes needed\.\nSource: Call notes/);
  });

  it('reads only what changed since the last read, and replaces an edited note', async () => {
    const id = colleagueWrites('Budget', '<p>Budget not approved yet</p>');
    await pullRecordNotes(db, client, target, 1_000);
    const since = (await readPullState(db, RECORD))?.since;
    expect(since).toBeGreaterThan(0);
    server.state.clockOffsetMs += 5_000;
    server.state.touch('ContentNote', id, { Content: base64Utf8('<p>Budget approved: USD 1.2 M</p>') });
    const requests = server.state.requests.length;
    expect(await pullRecordNotes(db, client, target, 2_000)).toEqual({ outcome: 'pulled', changed: 1 });
    const query = decodeURIComponent(server.state.requests[requests]!.path);
    expect(query).toContain('ContentDocument.LastModifiedDate >= ');
    expect((await notesForRecord(db, RECORD)).map((note) => note.text)).toEqual(['Budget approved: USD 1.2 M']);
    // Nothing new: nothing changes, and the note of the last second seen, which the bound brings back, is not read again.
    const before = server.state.requests.length;
    expect(await pullRecordNotes(db, client, target, 3_000)).toEqual({ outcome: 'pulled', changed: 0 });
    expect(server.state.requests.slice(before).filter((request) => request.path.endsWith('/Content'))).toEqual([]);
  });

  it('does not read back the notes this browser wrote itself', async () => {
    const own = colleagueWrites('Mine [it:abc]', '<p>mine</p>');
    const tx = writeTransaction(db, ['outbox']);
    await enqueueInTransaction(tx, { id: 'o1', recordKey: RECORD, kind: 'note', payload: { opportunityId: OPPORTUNITY, note: { id: 'n1', text: 'mine', pageTitle: '', url: '', capturedAt: 1 } }, createdAt: 1 });
    await tx.done;
    await markSending(db, 'o1', 2);
    await recordRemoteId(db, 'o1', own);
    await markDone(db, 'o1');
    colleagueWrites('Theirs', '<p>theirs</p>');
    await pullRecordNotes(db, client, target, 1_000);
    expect((await notesForRecord(db, RECORD)).map((note) => note.text)).toEqual(['theirs']);
  });

  it('reads every page of a long history', async () => {
    for (let i = 0; i < 450; i++) colleagueWrites(`Note ${i}`, `<p>Note ${i}</p>`);
    expect(await pullRecordNotes(db, client, target, 1_000)).toEqual({ outcome: 'pulled', changed: 450 });
    expect(await notesForRecord(db, RECORD)).toHaveLength(450);
    expect(server.state.requests.filter((request) => /\/query\/[\w-]+$/.test(request.path))).toHaveLength(2); // pages two and three
  });

  it('says an opportunity deleted in Salesforce is gone, and keeps the notes read before', async () => {
    colleagueWrites('Before', '<p>before</p>');
    await pullRecordNotes(db, client, target, 1_000);
    server.state.records.Opportunity![OPPORTUNITY]!.IsDeleted = true;
    for (const link of server.state.list('ContentDocumentLink')) if (link.LinkedEntityId === OPPORTUNITY) link.IsDeleted = true;
    expect(await pullRecordNotes(db, client, target, 2_000)).toEqual({ outcome: 'gone' });
    expect(await readPullState(db, RECORD)).toMatchObject({ gone: true });
    expect(await notesForRecord(db, RECORD)).toHaveLength(1);
  });
});
