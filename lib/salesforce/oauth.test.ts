// The OAuth functions against the local Salesforce stand-in over HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSalesforceServer, type SalesforceServer } from '@/test/support/salesforce-server.mjs';
import { HostNotAllowedError } from './hosts.ts';
import { OAuthError, ProtocolError, TransientError } from './errors.ts';
import { authorizeUrl, codeFromRedirect, exchangeCode, refreshTokens, revokeToken } from './oauth.ts';
import { codeChallengeS256, createCodeVerifier } from './pkce.ts';
import { signIn, testConfig } from './testing/sign-in.ts';

let server: SalesforceServer;
beforeEach(async () => {
  server = await startSalesforceServer();
});
afterEach(() => server.close());

describe('OAuth web-server flow with PKCE', () => {
  it('builds the authorize URL on the sign-in host with S256, state and the two scopes', () => {
    const url = new URL(authorizeUrl({ ...testConfig(server), loginHost: 'login.salesforce.com' }, { challenge: 'c'.repeat(43), state: 's1' }));
    expect(url.origin + url.pathname).toBe('https://login.salesforce.com/services/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code', client_id: 'test-consumer-key', redirect_uri: 'https://abcdefghijklmnop.chromiumapp.org/sf',
      scope: 'api refresh_token', code_challenge: 'c'.repeat(43), code_challenge_method: 'S256', state: 's1',
    });
    expect(() => authorizeUrl({ ...testConfig(server), loginHost: 'evil.example' }, { challenge: 'c', state: 's' })).toThrow(HostNotAllowedError);
  });

  it('signs in through the stand-in and gets typed tokens for the checked instance', async () => {
    const tokens = await signIn(server);
    expect(tokens).toMatchObject({
      instanceUrl: server.state.instanceUrl,
      orgId: server.state.orgId,
      userId: server.state.defaultUserId,
      scopes: ['api', 'refresh_token'],
      refreshToken: expect.any(String),
    });
    expect(server.state.requests.map((r) => `${r.host} ${r.path.split('?')[0]}`)).toEqual([
      'iron-triangle-dev.my.salesforce.com /services/oauth2/authorize',
      'iron-triangle-dev.my.salesforce.com /services/oauth2/token',
    ]);
  });

  it('signs in at login.salesforce.com too, as the user the login hint names', async () => {
    const userId = server.state.seed('User', { Name: 'Sam Solution', Username: 'sam@example.com' });
    const tokens = await signIn(server, { ...testConfig(server), loginHost: 'login.salesforce.com' }, 'sam@example.com');
    expect(tokens.userId).toBe(userId);
    expect(server.state.requests.every((r) => r.host === 'login.salesforce.com')).toBe(true);
  });

  it('refuses a redirect with another state (CSRF) or to another address, and reports an OAuth error', () => {
    const config = testConfig(server);
    expect(() => codeFromRedirect(`${config.redirectUri}?code=abc&state=other`, config, 'mine')).toThrow(ProtocolError);
    expect(() => codeFromRedirect('https://evil.example/sf?code=abc&state=mine', config, 'mine')).toThrow(ProtocolError);
    expect(() => codeFromRedirect(`${config.redirectUri}?error=access_denied&error_description=no&state=mine`, config, 'mine')).toThrow(OAuthError);
    expect(codeFromRedirect(`${config.redirectUri}?code=abc&state=mine`, config, 'mine')).toBe('abc');
  });

  it('answers a wrong verifier with invalid_request and a reused code with invalid_grant', async () => {
    const config = testConfig(server);
    const verifier = createCodeVerifier();
    const url = authorizeUrl(config, { challenge: await codeChallengeS256(verifier), state: 's' });
    const code = codeFromRedirect((await server.fetch(url, { redirect: 'manual' })).headers.get('location')!, config, 's');
    await expect(exchangeCode(server.fetch, config, { code, verifier: createCodeVerifier() })).rejects.toMatchObject({ error: 'invalid_request' });
    await exchangeCode(server.fetch, config, { code, verifier });
    await expect(exchangeCode(server.fetch, config, { code, verifier })).rejects.toMatchObject({ error: 'invalid_grant', status: 400 });
  });

  it('refreshes keeping the refresh token, or taking the rotated one', async () => {
    const config = testConfig(server);
    const tokens = await signIn(server);
    const refreshed = await refreshTokens(server.fetch, config, tokens.refreshToken!);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).toBe(tokens.refreshToken);

    server.state.rotateRefreshTokens = true;
    const rotated = await refreshTokens(server.fetch, config, tokens.refreshToken!);
    expect(rotated.refreshToken).not.toBe(tokens.refreshToken);
    await expect(refreshTokens(server.fetch, config, tokens.refreshToken!)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('revokes, after which refresh is invalid_grant; revoking again is not an error', async () => {
    const config = testConfig(server);
    const tokens = await signIn(server);
    await revokeToken(server.fetch, config, tokens.refreshToken!);
    await expect(refreshTokens(server.fetch, config, tokens.refreshToken!)).rejects.toBeInstanceOf(OAuthError);
    await expect(revokeToken(server.fetch, config, tokens.refreshToken!)).resolves.toBeUndefined();
  });

  it('refuses a token response that names another instance host (it would receive the data)', async () => {
    server.faults.next({
      kind: 'status', status: 200, match: '/services/oauth2/token',
      body: { access_token: 'x', instance_url: 'https://evil.example', id: `https://login.salesforce.com/id/${server.state.orgId}/${server.state.defaultUserId}`, issued_at: '1', token_type: 'Bearer' },
    });
    await expect(signIn(server)).rejects.toBeInstanceOf(HostNotAllowedError);
  });

  it('reports a dropped connection or a 5xx as transient', async () => {
    const config = testConfig(server);
    const tokens = await signIn(server);
    server.faults.next({ kind: 'drop', match: '/services/oauth2/token' });
    await expect(refreshTokens(server.fetch, config, tokens.refreshToken!)).rejects.toBeInstanceOf(TransientError);
    server.faults.next({ kind: 'status', status: 503, body: 'down', match: '/services/oauth2/token' });
    await expect(refreshTokens(server.fetch, config, tokens.refreshToken!)).rejects.toMatchObject({ status: 503, retryable: true });
  });
});
