// The Salesforce stand-in answers as the documented API does (crm-references, "Salesforce
// write-back"), so the client's tests against it mean something.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSalesforceServer, type SalesforceServer } from '@/test/support/salesforce-server.mjs';

const LOGIN = 'https://login.salesforce.com';
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/sf';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');
const V = '/services/data/v66.0';

let server: SalesforceServer;
let instance: string;
beforeEach(async () => {
  server = await startSalesforceServer();
  instance = server.state.instanceUrl;
});
afterEach(() => server.close());

async function authorize(extra: Record<string, string> = {}): Promise<URL> {
  const q = new URLSearchParams({
    response_type: 'code', client_id: 'key', redirect_uri: REDIRECT, code_challenge: CHALLENGE,
    code_challenge_method: 'S256', state: 'st4te', scope: 'api refresh_token', ...extra,
  });
  const res = await server.fetch(`${LOGIN}/services/oauth2/authorize?${q}`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

function tokenRequest(form: Record<string, string>) {
  return server.fetch(`${LOGIN}/services/oauth2/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form),
  });
}

async function signIn(): Promise<{ access_token: string; refresh_token: string }> {
  const code = (await authorize()).searchParams.get('code')!;
  const res = await tokenRequest({ grant_type: 'authorization_code', code, client_id: 'key', redirect_uri: REDIRECT, code_verifier: VERIFIER });
  return res.json();
}

function api(token: string, path: string, init: RequestInit = {}) {
  return server.fetch(instance + V + path, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
  });
}

describe('OAuth [Web Server Flow / PKCE]', () => {
  it('redirects with a code and the caller state, then exchanges it once for tokens', async () => {
    const back = await authorize();
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('st4te');
    const code = back.searchParams.get('code')!;
    const form = { grant_type: 'authorization_code', code, client_id: 'key', redirect_uri: REDIRECT, code_verifier: VERIFIER };
    const res = await tokenRequest(form);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ token_type: 'Bearer', instance_url: instance, scope: 'api refresh_token' });
    expect(body.refresh_token).toEqual(expect.any(String));
    expect(body.id).toMatch(/^https:\/\/login\.salesforce\.com\/id\/00D\w{15}\/005\w{15}$/);

    const again = await tokenRequest(form);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: 'invalid_grant', error_description: 'invalid authorization code' });
  });

  it('refuses a wrong verifier (invalid_request), a plain challenge method and a JSON token body', async () => {
    const code = (await authorize()).searchParams.get('code')!;
    const bad = await tokenRequest({ grant_type: 'authorization_code', code, client_id: 'key', redirect_uri: REDIRECT, code_verifier: 'x'.repeat(43) });
    expect(await bad.json()).toMatchObject({ error: 'invalid_request' });

    const plain = await authorize({ code_challenge_method: 'plain' });
    expect(plain.searchParams.get('error')).toBe('invalid_request');
    expect(plain.searchParams.get('state')).toBe('st4te');

    const json = await server.fetch(`${LOGIN}/services/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(await json.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('gives no refresh token without the refresh_token scope', async () => {
    const code = (await authorize({ scope: 'api' })).searchParams.get('code')!;
    const res = await tokenRequest({ grant_type: 'authorization_code', code, client_id: 'key', redirect_uri: REDIRECT, code_verifier: VERIFIER });
    expect((await res.json()).refresh_token).toBeUndefined();
  });

  it('refreshes without a new refresh token, and revoking ends both tokens', async () => {
    const tokens = await signIn();
    const res = await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: 'key' });
    const refreshed = await res.json();
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.refresh_token).toBeUndefined();

    const revoke = await server.fetch(`${LOGIN}/services/oauth2/revoke`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: tokens.refresh_token }),
    });
    expect(revoke.status).toBe(200);
    expect((await api(refreshed.access_token, '/sobjects/ContentNote/describe')).status).toBe(401);
    const after = await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: 'key' });
    expect(await after.json()).toEqual({ error: 'invalid_grant', error_description: 'expired access/refresh token' });
  });
});

describe('data API', () => {
  let token: string;
  let opportunityId: string;
  beforeEach(async () => {
    token = (await signIn()).access_token;
    opportunityId = server.state.seed('Opportunity', { Name: 'Sudan grid' });
  });

  it('answers 401 INVALID_SESSION_ID for an expired token and off the instance host, with Sforce-Limit-Info', async () => {
    server.faults.expireTokens();
    const res = await api(token, '/sobjects/ContentNote/describe');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    expect(res.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/15000$/);

    const fresh = (await signIn()).access_token;
    const elsewhere = await server.fetch(`${LOGIN}${V}/sobjects/ContentNote/describe`, { headers: { authorization: `Bearer ${fresh}` } });
    expect(elsewhere.status).toBe(401);
    expect(server.state.requests.at(-1)?.host).toBe('login.salesforce.com');
  });

  it('creates a note with its owner link, serves its body, refuses &apos; [ContentNote]', async () => {
    const content = Buffer.from('<p>Need 40 MW &amp; backup</p>').toString('base64');
    const res = await api(token, '/sobjects/ContentNote', { method: 'POST', body: JSON.stringify({ Title: 'Site power', Content: content }) });
    expect(res.status).toBe(201);
    expect(res.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/15000$/);
    const { id, success } = await res.json();
    expect(success).toBe(true);
    expect(server.state.list('ContentDocumentLink')).toEqual([
      expect.objectContaining({ ContentDocumentId: id, LinkedEntityId: server.state.defaultUserId, ShareType: 'I' }),
    ]);
    const got = await (await api(token, `/sobjects/ContentNote/${id}`)).json();
    expect(got).toMatchObject({ Title: 'Site power', FileType: 'SNOTE', Content: `${V}/sobjects/ContentNote/${id}/Content` });
    expect(got.LastModifiedDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000\+0000$/);
    expect(await (await api(token, `/sobjects/ContentNote/${id}/Content`)).text()).toBe('<p>Need 40 MW &amp; backup</p>');

    const apos = await api(token, '/sobjects/ContentNote', { method: 'POST', body: JSON.stringify({ Title: 't', Content: Buffer.from('it&apos;s').toString('base64') }) });
    expect(apos.status).toBe(400);
    expect((await apos.json())[0]).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['Content'] });
  });

  it('answers field errors as [{message, errorCode, fields}]', async () => {
    const missing = await api(token, '/sobjects/OpportunityContactRole', { method: 'POST', body: JSON.stringify({ OpportunityId: opportunityId }) });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual([{ message: 'Required fields are missing: [ContactId]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['ContactId'] }]);

    const contactId = server.state.seed('Contact', { Name: 'Li Wei' });
    const role = await api(token, '/sobjects/OpportunityContactRole', { method: 'POST', body: JSON.stringify({ OpportunityId: opportunityId, ContactId: contactId, Role: 'Champion' }) });
    expect((await role.json())[0]).toMatchObject({ errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: ['Role'] });

    const unknown = await api(token, '/sobjects/OpportunityTeamMember', { method: 'POST', body: JSON.stringify({ OpportunityId: opportunityId, UserId: opportunityId }) });
    expect((await unknown.json())[0]).toMatchObject({ errorCode: 'INVALID_CROSS_REFERENCE_KEY', fields: ['UserId'] });
  });

  it('answers 412 when the record changed after the If-Unmodified-Since HTTP-date [Conditional Request Headers]', async () => {
    const { id } = await (await api(token, '/sobjects/ContentNote', { method: 'POST', body: JSON.stringify({ Title: 'Facts' }) })).json();
    const read = server.state.records.ContentNote![id]!;
    const since = new Date(Date.parse(String(read.LastModifiedDate).replace('+0000', 'Z'))).toUTCString();
    const ok = await api(token, `/sobjects/ContentNote/${id}`, { method: 'PATCH', headers: { 'if-unmodified-since': since }, body: JSON.stringify({ Title: 'Facts v2' }) });
    expect(ok.status).toBe(204);

    server.state.clockOffsetMs += 5000;
    server.state.touch('ContentNote', id, { Title: 'Edited in Salesforce' });
    const conflict = await api(token, `/sobjects/ContentNote/${id}`, { method: 'PATCH', headers: { 'if-unmodified-since': since }, body: JSON.stringify({ Title: 'Facts v3' }) });
    expect(conflict.status).toBe(412);
    expect((await conflict.json())[0].errorCode).toBe('PRECONDITION_FAILED');
    expect(server.state.records.ContentNote![id]!.Title).toBe('Edited in Salesforce');

    const iso = await api(token, `/sobjects/ContentNote/${id}`, { method: 'PATCH', headers: { 'if-unmodified-since': '2026-12-04T10:00:00.000Z' }, body: '{}' });
    expect(iso.status).toBe(400);
  });

  it('answers 404 for a deleted record: NOT_FOUND on read, ENTITY_IS_DELETED on write', async () => {
    const { id } = await (await api(token, '/sobjects/ContentNote', { method: 'POST', body: JSON.stringify({ Title: 'Gone' }) })).json();
    expect((await api(token, `/sobjects/ContentNote/${id}`, { method: 'DELETE' })).status).toBe(204);
    const read = await api(token, `/sobjects/ContentNote/${id}`);
    expect(read.status).toBe(404);
    expect((await read.json())[0].errorCode).toBe('NOT_FOUND');
    const write = await api(token, `/sobjects/ContentNote/${id}`, { method: 'PATCH', body: JSON.stringify({ Title: 'x' }) });
    expect((await write.json())[0].errorCode).toBe('ENTITY_IS_DELETED');
  });

  it('describes the role picklists, and hides OpportunityTeamMember when team selling is off', async () => {
    const ocr = await (await api(token, '/sobjects/OpportunityContactRole/describe')).json();
    const role = ocr.fields.find((f: { name: string }) => f.name === 'Role');
    expect(role.picklistValues.map((v: { value: string }) => v.value)).toContain('Economic Buyer');
    const otm = await (await api(token, '/sobjects/OpportunityTeamMember/describe')).json();
    expect(otm.fields.find((f: { name: string }) => f.name === 'TeamMemberRole').picklistValues.length).toBeGreaterThan(0);

    server.state.teamSelling = false;
    expect((await api(token, '/sobjects/OpportunityTeamMember/describe')).status).toBe(404);
    const q = await api(token, `/query?q=${encodeURIComponent(`SELECT Id FROM OpportunityTeamMember WHERE OpportunityId = '${opportunityId}'`)}`);
    expect((await q.json())[0].errorCode).toBe('INVALID_TYPE');
  });

  it('queries notes on a record with a LastModifiedDate bound, in pages [Query More Results]', async () => {
    for (let i = 0; i < 450; i++) {
      const { id } = await (await api(token, '/sobjects/ContentNote', { method: 'POST', body: JSON.stringify({ Title: `n${i}` }) })).json();
      await api(token, '/sobjects/ContentDocumentLink', { method: 'POST', body: JSON.stringify({ ContentDocumentId: id, LinkedEntityId: opportunityId }) });
    }
    const soql = `SELECT ContentDocumentId, ContentDocument.Title, ContentDocument.LastModifiedDate, ContentDocument.CreatedBy.Name FROM ContentDocumentLink WHERE LinkedEntityId = '${opportunityId}' AND ContentDocument.LastModifiedDate > 2000-01-01T00:00:00Z ORDER BY ContentDocument.LastModifiedDate`;
    let res = await api(token, `/query?q=${encodeURIComponent(soql)}`, { headers: { 'sforce-query-options': 'batchSize=200' } });
    let page = await res.json();
    const records = [...page.records];
    expect(page).toMatchObject({ totalSize: 450, done: false });
    while (!page.done) {
      res = await server.fetch(instance + page.nextRecordsUrl, { headers: { authorization: `Bearer ${token}` } });
      page = await res.json();
      records.push(...page.records);
    }
    expect(records).toHaveLength(450);
    expect(records[0].ContentDocument).toMatchObject({ Title: expect.any(String), CreatedBy: { Name: 'Ada Rep' } });

    const future = soql.replace('2000-01-01T00:00:00Z', '2999-01-01T00:00:00Z');
    expect((await (await api(token, `/query?q=${encodeURIComponent(future)}`)).json()).totalSize).toBe(0);
    const quoted = soql.replace('2000-01-01T00:00:00Z', "'2000-01-01T00:00:00Z'");
    expect((await (await api(token, `/query?q=${encodeURIComponent(quoted)}`)).json())[0].errorCode).toBe('INVALID_FIELD');
    const unfiltered = `SELECT Id FROM ContentDocumentLink WHERE ContentDocument.LastModifiedDate > 2000-01-01T00:00:00Z`;
    expect((await (await api(token, `/query?q=${encodeURIComponent(unfiltered)}`)).json())[0].errorCode).toBe('MALFORMED_QUERY');
  });

  it('runs composite with @{ref.id}, and rolls all back with allOrNone [Composite]', async () => {
    const contactId = server.state.seed('Contact', { Name: 'Li Wei' });
    const sub = (referenceId: string, url: string, body: unknown) => ({ method: 'POST', url: V + url, referenceId, body });
    const ok = await (await api(token, '/composite', {
      method: 'POST',
      body: JSON.stringify({
        allOrNone: true,
        compositeRequest: [
          sub('note', '/sobjects/ContentNote', { Title: 'Hello' }),
          sub('link', '/sobjects/ContentDocumentLink', { ContentDocumentId: '@{note.id}', LinkedEntityId: opportunityId }),
        ],
      }),
    })).json();
    expect(ok.compositeResponse.map((r: { httpStatusCode: number }) => r.httpStatusCode)).toEqual([201, 201]);

    const notes = server.state.list('ContentNote').length;
    const failed = await (await api(token, '/composite', {
      method: 'POST',
      body: JSON.stringify({
        allOrNone: true,
        compositeRequest: [
          sub('note', '/sobjects/ContentNote', { Title: 'Rolled back' }),
          sub('role', '/sobjects/OpportunityContactRole', { OpportunityId: opportunityId, ContactId: contactId, Role: 'Nope' }),
        ],
      }),
    })).json();
    expect(failed.compositeResponse.map((r: { body: { errorCode: string }[] }) => r.body[0]!.errorCode)).toEqual(['PROCESSING_HALTED', 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST']);
    expect(server.state.list('ContentNote')).toHaveLength(notes);
  });

  it('injects faults: limit exceeded, a given status, a dropped connection, a reply lost after commit', async () => {
    server.faults.limitExceeded(1);
    const limited = await api(token, '/sobjects/ContentNote/describe');
    expect(limited.status).toBe(403);
    expect((await limited.json())[0].errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
    expect(limited.headers.get('sforce-limit-info')).toBe('api-usage=15000/15000');

    server.faults.next({ kind: 'status', status: 503, body: [{ message: 'down', errorCode: 'SERVER_UNAVAILABLE' }] });
    expect((await api(token, '/sobjects/ContentNote/describe')).status).toBe(503);

    server.faults.next({ kind: 'drop' });
    await expect(api(token, '/sobjects/ContentNote/describe')).rejects.toThrow(TypeError);

    server.faults.next({ kind: 'dropAfterCommit', match: '/sobjects/ContentNote' });
    await expect(api(token, '/sobjects/ContentNote', { method: 'POST', body: JSON.stringify({ Title: 'Lost reply' }) })).rejects.toThrow(TypeError);
    expect(server.state.list('ContentNote').map((n) => n.Title)).toContain('Lost reply');
  });

  it('refuses hosts that are not Salesforce in its test fetch', async () => {
    await expect(server.fetch('https://evil.example/services/data')).rejects.toThrow(/ENOTFOUND/);
  });
});
