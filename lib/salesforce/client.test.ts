// The REST client against the local Salesforce stand-in over HTTP, signed in through the real
// OAuth flow; the stand-in's test fetch reaches only Salesforce host names.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSalesforceServer, type SalesforceServer } from '@/test/support/salesforce-server.mjs';
import { dataPath, SalesforceClient } from './client.ts';
import {
  FieldError,
  InvalidSessionError,
  NotFoundError,
  PreconditionFailedError,
  ProtocolError,
  RequestLimitExceededError,
  TransientError,
} from './errors.ts';
import { HostNotAllowedError } from './hosts.ts';
import { contactRolesQuery, notesOnRecordQuery, teamMembersQuery } from './queries.ts';
import { revokeToken } from './oauth.ts';
import { signIn, testConfig, tokenSource } from './testing/sign-in.ts';

let server: SalesforceServer;
let tokens: ReturnType<typeof tokenSource>;
let client: SalesforceClient;
let opportunityId: string;

beforeEach(async () => {
  server = await startSalesforceServer();
  tokens = tokenSource(server, await signIn(server));
  client = new SalesforceClient({ fetch: server.fetch, tokens });
  opportunityId = server.state.seed('Opportunity', { Name: 'Sudan grid' });
});
afterEach(() => server.close());

const base64 = (html: string) => Buffer.from(html).toString('base64');

describe('SalesforceClient', () => {
  it('creates a note linked to the opportunity, reads it and its body, and keeps the API usage', async () => {
    const noteId = await client.create('ContentNote', { Title: 'Site power', Content: base64('<p>40 MW &amp; backup</p>') });
    await client.create('ContentDocumentLink', { ContentDocumentId: noteId, LinkedEntityId: opportunityId, ShareType: 'V' });
    expect(await client.get('ContentNote', noteId, ['Title', 'FileType'])).toMatchObject({ Title: 'Site power', FileType: 'SNOTE' });
    expect(await client.contentNoteBody(noteId)).toBe('<p>40 MW &amp; backup</p>');
    expect(client.limits).toEqual({ used: server.state.apiUsage, max: 15000 });
    expect(new Set(server.state.requests.filter((r) => r.path.startsWith('/services/data')).map((r) => r.host))).toEqual(new Set(['iron-triangle-dev.my.salesforce.com']));
  });

  it('updates with If-Unmodified-Since, and a later edit in Salesforce gives PreconditionFailedError', async () => {
    const noteId = await client.create('ContentNote', { Title: 'Requirement facts' });
    const read = await client.get('ContentNote', noteId);
    await client.update('ContentNote', noteId, { Title: 'Requirement facts (2)' }, { ifUnmodifiedSince: String(read.LastModifiedDate) });
    expect(server.state.records.ContentNote![noteId]!.Title).toBe('Requirement facts (2)');

    server.state.clockOffsetMs += 3000;
    server.state.touch('ContentNote', noteId, { Title: 'Edited by the FR in Salesforce' });
    await expect(client.update('ContentNote', noteId, { Title: 'Requirement facts (3)' }, { ifUnmodifiedSince: String(read.LastModifiedDate) })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(server.state.records.ContentNote![noteId]!.Title).toBe('Edited by the FR in Salesforce');
  });

  it('reports a deleted record as NotFoundError, deleted on write', async () => {
    const noteId = await client.create('ContentNote', { Title: 'Gone' });
    await client.delete('ContentNote', noteId);
    await expect(client.get('ContentNote', noteId)).rejects.toMatchObject({ name: 'NotFoundError', deleted: false });
    await expect(client.update('ContentNote', noteId, { Title: 'x' })).rejects.toMatchObject({ deleted: true });
    await expect(client.get('ContentNote', noteId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refreshes once on INVALID_SESSION_ID and retries once, writing exactly once', async () => {
    server.faults.expireTokens();
    await client.create('ContentNote', { Title: 'After expiry' });
    expect(tokens.refreshes).toBe(1);
    expect(server.state.list('ContentNote').map((n) => n.Title)).toEqual(['After expiry']);
  });

  it('asks to sign in again when the retry is refused too or the refresh token is revoked', async () => {
    const invalid = { kind: 'status' as const, status: 401, match: '/services/data/', body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] };
    server.faults.next(invalid);
    server.faults.next(invalid);
    await expect(client.describe('ContentNote')).rejects.toBeInstanceOf(InvalidSessionError);
    expect(tokens.refreshes).toBe(1);


    const own = await signIn(server);
    const signedOut = new SalesforceClient({ fetch: server.fetch, tokens: tokenSource(server, own) });
    await revokeToken(server.fetch, testConfig(server), own.refreshToken!);
    const error = await signedOut.describe('ContentNote').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidSessionError);
    expect((error as Error).cause).toMatchObject({ error: 'invalid_grant' });
  });

  it('maps REQUEST_LIMIT_EXCEEDED with the limits, and field errors with code and fields', async () => {
    server.faults.limitExceeded(1);
    const limited = await client.describe('ContentNote').catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RequestLimitExceededError);
    expect((limited as RequestLimitExceededError).limits).toEqual({ used: 15000, max: 15000 });

    const contactId = server.state.seed('Contact', { Name: 'Li Wei' });
    const error = await client.create('OpportunityContactRole', { OpportunityId: opportunityId, ContactId: contactId, Role: 'Champion' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: ['Role'], status: 400 });
  });

  it('reads the role picklists from describe', async () => {
    const describe = await client.describe('OpportunityTeamMember');
    expect(describe.fields.find((f) => f.name === 'TeamMemberRole')?.picklistValues.map((v) => v.value)).toContain('Pre-Sales Consultant');
  });

  it('reads 450 notes on a record in pages of 200, with their authors, bounded by LastModifiedDate', async () => {
    for (let i = 0; i < 450; i++) {
      server.state.seed('ContentNote', { Title: `n${i}`, FileType: 'SNOTE', Content: '' });
    }
    for (const note of server.state.list('ContentNote')) server.state.seed('ContentDocumentLink', { ContentDocumentId: note.Id, LinkedEntityId: opportunityId });
    const before = server.state.apiUsage;
    const notes = await client.query(notesOnRecordQuery(opportunityId), { batchSize: 200 });
    expect(notes).toHaveLength(450);
    expect(server.state.apiUsage - before).toBe(3);
    expect(notes[0]).toMatchObject({ ContentDocument: { Title: expect.any(String), CreatedBy: { Name: 'Ada Rep' } } });
    expect(await client.query(notesOnRecordQuery(opportunityId, Date.now() + 60_000))).toEqual([]);
  });

  it('reads contact roles and team members, and reports team selling off as INVALID_TYPE', async () => {
    const contactId = server.state.seed('Contact', { Name: 'Li Wei' });
    await client.create('OpportunityContactRole', { OpportunityId: opportunityId, ContactId: contactId, Role: 'Economic Buyer', IsPrimary: true });
    await client.create('OpportunityTeamMember', { OpportunityId: opportunityId, UserId: server.state.defaultUserId, TeamMemberRole: 'Sales Rep' });
    expect(await client.query(contactRolesQuery(opportunityId))).toEqual([expect.objectContaining({ Role: 'Economic Buyer', Contact: expect.objectContaining({ Name: 'Li Wei' }) })]);
    expect(await client.query(teamMembersQuery(opportunityId, Date.now() - 60_000))).toEqual([expect.objectContaining({ TeamMemberRole: 'Sales Rep', User: expect.objectContaining({ Name: 'Ada Rep' }) })]);

    server.state.teamSelling = false;
    await expect(client.query(teamMembersQuery(opportunityId))).rejects.toMatchObject({ errorCode: 'INVALID_TYPE' });
  });

  it('creates a note and its link in one composite call, and reports a rolled-back batch per subrequest', async () => {
    const results = await client.composite(
      [
        { method: 'POST', url: `${dataPath}/sobjects/ContentNote`, referenceId: 'note', body: { Title: 'Together' } },
        { method: 'POST', url: `${dataPath}/sobjects/ContentDocumentLink`, referenceId: 'link', body: { ContentDocumentId: '@{note.id}', LinkedEntityId: opportunityId } },
      ],
      { allOrNone: true },
    );
    expect(results.map((r) => [r.referenceId, r.status, r.error])).toEqual([['note', 201, undefined], ['link', 201, undefined]]);

    const failed = await client.composite(
      [
        { method: 'POST', url: `${dataPath}/sobjects/ContentNote`, referenceId: 'note', body: { Title: 'Rolled back' } },
        { method: 'POST', url: `${dataPath}/sobjects/ContentDocumentLink`, referenceId: 'link', body: { ContentDocumentId: '@{note.id}', LinkedEntityId: opportunityId, Nope: 1 } },
      ],
      { allOrNone: true },
    );
    expect(failed.map((r) => (r.error as FieldError).errorCode)).toEqual(['PROCESSING_HALTED', 'INVALID_FIELD']);
    expect(server.state.list('ContentNote').map((n) => n.Title)).toEqual(['Together']);
    await expect(client.composite([{ method: 'GET', url: '/services/oauth2/revoke', referenceId: 'x' }], { allOrNone: false })).rejects.toThrow(RangeError);
  });

  it('reports a dropped write as transient and maybe committed, and a slow answer as transient', async () => {
    server.faults.next({ kind: 'dropAfterCommit', match: '/sobjects/ContentNote' });
    await expect(client.create('ContentNote', { Title: 'Reply lost' })).rejects.toMatchObject({ name: 'TransientError', maybeCommitted: true });
    expect(server.state.list('ContentNote').map((n) => n.Title)).toEqual(['Reply lost']);

    server.faults.next({ kind: 'drop' });
    await expect(client.describe('ContentNote')).rejects.toMatchObject({ maybeCommitted: false });

    server.faults.next({ kind: 'status', status: 503, body: [{ message: 'down', errorCode: 'SERVER_UNAVAILABLE' }] });
    await expect(client.describe('ContentNote')).rejects.toMatchObject({ status: 503, retryable: true });

    const impatient = new SalesforceClient({ fetch: server.fetch, tokens, timeoutMs: 100 });
    server.faults.next({ kind: 'delay', delayMs: 1000 });
    await expect(impatient.describe('ContentNote')).rejects.toBeInstanceOf(TransientError);
  });

  it('never sends the token off Salesforce: hostile instance URL, nextRecordsUrl, ids', async () => {
    const hostile = new SalesforceClient({ fetch: server.fetch, tokens: { current: async () => ({ accessToken: 't', instanceUrl: 'https://evil.example' }), refresh: async () => ({ accessToken: 't', instanceUrl: 'https://evil.example' }) } });
    const requests = server.state.requests.length;
    await expect(hostile.describe('ContentNote')).rejects.toBeInstanceOf(HostNotAllowedError);
    expect(server.state.requests.length).toBe(requests);

    server.faults.next({ kind: 'status', status: 200, body: { totalSize: 2, done: false, nextRecordsUrl: 'https://evil.example/services/data/v66.0/query/01g-1', records: [] } });
    await expect(client.query(contactRolesQuery(opportunityId))).rejects.toBeInstanceOf(ProtocolError);

    await expect(client.get('ContentNote', '../../../oauth2/revoke')).rejects.toThrow(RangeError);
    expect(() => contactRolesQuery("006' OR Name != '")).toThrow(RangeError);
  });
});
