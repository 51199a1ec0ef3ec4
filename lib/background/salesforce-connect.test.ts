import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startSalesforceServer, type SalesforceServer } from '@/test/support/salesforce-server.mjs';
import { validSnapshot } from '@/test/support/snapshots';
import { recordKey } from '@/lib/crm/snapshot';
import { getDatabase } from '@/lib/store/connection';
import type { Database } from '@/lib/store/db';
import { notesForRecord } from '@/lib/store/notes';
import { outboxSummary } from '@/lib/store/outbox';
import { connectionState, readConnectedOrg, storedTokenSource } from '@/lib/salesforce/session';
import { captureNote } from './capture';
import { connectSalesforce, disconnectSalesforce, type ConnectDeps } from './salesforce-connect';
import { salesforceStatus } from './salesforce-requests';
import { OUTBOX_ALARM, syncSoon } from './salesforce-sync';

// Connect, sign-in storage, capture to the outbox and the send, against the local
// Salesforce stand-in (test/support/salesforce-server.mjs) on its My Domain host.

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/salesforce';
const CONSUMER_KEY = '3MVG9test.consumer_key';
const OPPORTUNITY = { ...validSnapshot, crm: 'salesforce', host: 'acme.lightning.force.com', objectType: 'Opportunity', recordId: '0065g00000AbCdEAAV' };

let server: SalesforceServer;
let db: Database;

beforeEach(async () => {
  server = await startSalesforceServer({ instanceUrl: 'https://acme.my.salesforce.com' });
  server.state.seed('Opportunity', { Id: OPPORTUNITY.recordId, Name: OPPORTUNITY.name });
  fakeBrowser.reset();
  vi.stubGlobal('fetch', server.fetch);
  db = await getDatabase();
  await Promise.all(['settings', 'notes', 'outbox'].map((store) => db.clear(store as 'settings')));
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await server.close();
});

/** What launchWebAuthFlow does: load the authorize URL and hand back where it redirected, unloaded. */
const signInWindow = (rewrite: (location: string) => string = (location) => location) => async ({ url }: { url: string }) => {
  const res = await server.fetch(url, { redirect: 'manual' });
  return rewrite(res.headers.get('location') ?? '');
};

const deps = (overrides: Partial<ConnectDeps> = {}): ConnectDeps => ({
  fetch: server.fetch,
  launchWebAuthFlow: signInWindow(),
  redirectUri: REDIRECT,
  policy: { signInEverySession: false, roles: {} },
  now: () => 1_700_000_000_000,
  ...overrides,
});

const connect = (overrides: Partial<ConnectDeps> = {}) => connectSalesforce(db, { loginHost: 'acme.my.salesforce.com', clientId: CONSUMER_KEY }, deps(overrides));

describe('connecting an org', () => {
  it('signs in with PKCE and keeps the org and its tokens in the extension’s database, never in storage.local', async () => {
    const connection = await connect();
    expect(connection).toMatchObject({ state: 'connected', org: { instanceUrl: 'https://acme.my.salesforce.com', loginHost: 'acme.my.salesforce.com', orgId: server.state.orgId } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    const stored = await db.get('settings', 'salesforce.tokens');
    expect(stored).toMatchObject({ orgId: server.state.orgId, accessToken: expect.any(String), refreshToken: expect.any(String) });
  });

  it('keeps the tokens for this browser session only when IT’s policy says so', async () => {
    await connect({ policy: { signInEverySession: true, roles: {} } });
    expect(await db.get('settings', 'salesforce.tokens')).toBeUndefined();
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['salesforce.tokens']);
    expect((await connectionState(db)).state).toBe('connected');
    // A browser restart empties storage.session: the org is remembered, the user signs in again.
    await fakeBrowser.storage.session.clear();
    expect((await connectionState(db)).state).toBe('sign-in-needed');
  });

  it('takes IT’s login host and consumer key over what the user typed', async () => {
    const seen: string[] = [];
    await connectSalesforce(db, { loginHost: 'login.salesforce.com', clientId: 'typed.by.the.user' }, deps({
      policy: { loginHost: 'acme.my.salesforce.com', clientId: CONSUMER_KEY, signInEverySession: false, roles: {} },
      launchWebAuthFlow: async (details) => (seen.push(details.url), signInWindow()(details)),
    }));
    const url = new URL(seen[0]!);
    expect(url.host).toBe('acme.my.salesforce.com');
    expect(url.searchParams.get('client_id')).toBe(CONSUMER_KEY);
    expect(url.searchParams.get('scope')).toBe('api refresh_token');
  });

  it('stores nothing when the sign-in comes back forged, refused or not at all', async () => {
    await expect(connect({ launchWebAuthFlow: signInWindow((location) => location.replace(/state=[^&]+/, 'state=forged')) })).rejects.toThrow(/unexpected state/);
    await expect(connect({ launchWebAuthFlow: signInWindow((location) => location.replace(REDIRECT, 'https://evil.example/salesforce')) })).rejects.toThrow(/unexpected address/);
    await expect(connect({ launchWebAuthFlow: async () => Promise.reject(new Error('The user did not approve access.')) })).rejects.toThrow(/approve/);
    await expect(connectSalesforce(db, { loginHost: 'salesforce.evil.example', clientId: CONSUMER_KEY }, deps())).rejects.toThrow();
    expect(await readConnectedOrg(db)).toBeNull();
    expect(await db.getAll('settings')).toEqual([]);
  });

  it('tells pages where and since when, never a token', async () => {
    await connect();
    const status = await salesforceStatus({ redirectUri: REDIRECT, policy: { signInEverySession: false, roles: {} } });
    expect(status).toMatchObject({ state: 'connected', instanceUrl: 'https://acme.my.salesforce.com', redirectUri: REDIRECT });
    const tokens = (await db.get('settings', 'salesforce.tokens')) as { accessToken: string; refreshToken: string };
    expect(JSON.stringify(status)).not.toContain(tokens.accessToken);
    expect(JSON.stringify(status)).not.toContain(tokens.refreshToken);
  });
});

describe('the stored token source', () => {
  it('refreshes an expired session once for concurrent calls and keeps the new token', async () => {
    const { org } = (await connect()) as { org: NonNullable<Awaited<ReturnType<typeof readConnectedOrg>>> };
    const source = storedTokenSource(db, org, server.fetch);
    const before = await source.current();
    const [a, b] = await Promise.all([source.refresh(), source.refresh()]);
    expect(a.accessToken).toBe(b.accessToken);
    expect(a.accessToken).not.toBe(before.accessToken);
    expect((await source.current()).accessToken).toBe(a.accessToken);
    expect(server.state.requests.filter((r) => r.path === '/services/oauth2/token')).toHaveLength(2); // the sign-in and one refresh
  });

  it('drops the tokens when Salesforce refuses the refresh, so the panel asks for a sign-in', async () => {
    const { org } = (await connect()) as { org: NonNullable<Awaited<ReturnType<typeof readConnectedOrg>>> };
    for (const grant of server.state.refreshTokens.values()) grant.revoked = true;
    await expect(storedTokenSource(db, org, server.fetch).refresh()).rejects.toThrow(/Sign in to Salesforce again/);
    expect((await connectionState(db)).state).toBe('sign-in-needed');
  });

  it('asks for a sign-in too when the app refuses the refresh (e.g. now requires a secret), and not on a server error', async () => {
    const { org } = (await connect()) as { org: NonNullable<Awaited<ReturnType<typeof readConnectedOrg>>> };
    server.faults.next({ kind: 'status', status: 503, match: '/services/oauth2/token', body: '' });
    await expect(storedTokenSource(db, org, server.fetch).refresh()).rejects.not.toThrow(/Sign in to Salesforce again/);
    expect((await connectionState(db)).state).toBe('connected');
    server.faults.next({ kind: 'status', status: 400, match: '/services/oauth2/token', body: { error: 'invalid_client', error_description: 'invalid client credentials' } });
    await expect(storedTokenSource(db, org, server.fetch).refresh()).rejects.toThrow(/Sign in to Salesforce again/);
    expect((await connectionState(db)).state).toBe('sign-in-needed');
  });
});

describe('disconnecting', () => {
  it('revokes the refresh token at Salesforce and forgets the connection; the outbox stays', async () => {
    await connect();
    const refreshToken = ((await db.get('settings', 'salesforce.tokens')) as { refreshToken: string }).refreshToken;
    await captureNote(db, { text: 'Budget approved', pageTitle: 'Mail', pageUrl: 'https://mail.example.com/1', tabState: { kind: 'record', snapshot: OPPORTUNITY }, now: 1, newId: () => crypto.randomUUID(), salesforceOpportunityId: OPPORTUNITY.recordId });
    expect(await disconnectSalesforce(db, { fetch: server.fetch })).toEqual({ revoked: true });
    expect(server.state.refreshTokens.get(refreshToken)?.revoked).toBe(true);
    expect((await connectionState(db)).state).toBe('not-connected');
    expect(await db.get('settings', 'salesforce.tokens')).toBeUndefined();
    expect((await outboxSummary(db, recordKey(OPPORTUNITY))).sending).toBe(1);
  });

  it('forgets the connection even when Salesforce cannot be reached, and says the token was not revoked', async () => {
    await connect();
    server.faults.next({ kind: 'drop', match: '/services/oauth2/revoke' });
    expect(await disconnectSalesforce(db, { fetch: server.fetch })).toEqual({ revoked: false });
    expect((await connectionState(db)).state).toBe('not-connected');
  });
});

describe('a capture on a connected opportunity', () => {
  const capture = (text: string, salesforceOpportunityId?: string, snapshot = OPPORTUNITY) =>
    captureNote(db, { text, pageTitle: 'Re: survey', pageUrl: 'https://mail.example.com/7', tabState: { kind: 'record', snapshot }, now: Date.now(), newId: () => crypto.randomUUID(), ...(salesforceOpportunityId ? { salesforceOpportunityId } : {}) });

  it('is stored with its outbox entry, then sent once as a ContentNote linked to the opportunity', async () => {
    await connect();
    const outcome = await capture('Diesel costs them a fortune.\nThey want a pilot in Q1.', OPPORTUNITY.recordId);
    expect(outcome).toMatchObject({ outcome: 'saved', toSalesforce: true });
    expect(await notesForRecord(db, recordKey(OPPORTUNITY))).toHaveLength(1);
    await syncSoon();
    expect(await outboxSummary(db, recordKey(OPPORTUNITY))).toMatchObject({ sending: 0, sent: 1, parked: [] });
    const [note] = server.state.list('ContentNote');
    expect(note?.Title).toMatch(/^Diesel costs them a fortune\./);
    expect(server.state.noteBody(note!.Id as string)).toContain('They want a pilot in Q1.');
    // (Salesforce also links a new note to its owner: only the opportunity's link is ours.)
    expect(server.state.list('ContentDocumentLink').filter((link) => link.LinkedEntityId === OPPORTUNITY.recordId)).toEqual([expect.objectContaining({ ContentDocumentId: note!.Id })]);
    expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeUndefined(); // nothing left to wake up for
  });

  it('waits in the outbox while no org is signed in, and goes once one is', async () => {
    await connect();
    await disconnectSalesforce(db, { fetch: server.fetch });
    await capture('Procurement wants three quotes.', OPPORTUNITY.recordId);
    await syncSoon();
    expect(server.state.list('ContentNote')).toHaveLength(0);
    await connect();
    await syncSoon();
    expect(server.state.list('ContentNote').map((n) => n.Title)).toEqual([expect.stringMatching(/^Procurement wants three quotes\./)]);
  });

  it('sets an alarm for a retry after a dropped connection, and the retry sends the note exactly once', async () => {
    await connect();
    await capture('The CFO signs above 1 M.', OPPORTUNITY.recordId);
    server.faults.next({ kind: 'dropAfterCommit', match: '/composite' });
    await syncSoon();
    const alarm = await fakeBrowser.alarms.get(OUTBOX_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now());
    // The backoff passes: make the entry due now, as the alarm would find it.
    const [entry] = await db.getAll('outbox');
    await db.put('outbox', { ...entry!, nextAttemptAt: 0 });
    await syncSoon();
    expect(server.state.list('ContentNote')).toHaveLength(1);
    expect(await outboxSummary(db, recordKey(OPPORTUNITY))).toMatchObject({ sending: 0, sent: 1 });
  });

  it('never sends a record of another org to the connected one', async () => {
    await connect();
    await capture('Another org’s deal.', OPPORTUNITY.recordId, { ...OPPORTUNITY, host: 'globex.lightning.force.com' });
    await syncSoon();
    expect(server.state.list('ContentNote')).toHaveLength(0);
    expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeUndefined();
  });
});
