// Signing in against the local Salesforce stand-in, for the Salesforce tests (not shipped:
// only tests import it). It runs the real flow: authorize URL → the stand-in's redirect →
// state check → code exchange with the PKCE verifier.
import type { SalesforceServer } from '@/test/support/salesforce-server.mjs';
import { SalesforceClient, type AccessGrant, type TokenSource } from '@/lib/salesforce/client.ts';
import { authorizeUrl, codeFromRedirect, exchangeCode, refreshTokens, type OAuthConfig, type SalesforceTokens } from '@/lib/salesforce/oauth.ts';
import { codeChallengeS256, createCodeVerifier, createState } from '@/lib/salesforce/pkce.ts';

export function testConfig(server: SalesforceServer): OAuthConfig {
  return { loginHost: new URL(server.state.instanceUrl).host, clientId: 'test-consumer-key', redirectUri: 'https://abcdefghijklmnop.chromiumapp.org/sf' };
}

export async function signIn(server: SalesforceServer, config = testConfig(server), loginHint?: string): Promise<SalesforceTokens> {
  const verifier = createCodeVerifier();
  const state = createState();
  const url = authorizeUrl(config, { challenge: await codeChallengeS256(verifier), state, loginHint });
  // What launchWebAuthFlow does: follow to the redirect URL and hand it back without loading it.
  const res = await server.fetch(url, { redirect: 'manual' });
  const code = codeFromRedirect(res.headers.get('location') ?? '', config, state);
  return exchangeCode(server.fetch, config, { code, verifier });
}

/** A token source over the stand-in that counts refreshes. */
export function tokenSource(server: SalesforceServer, tokens: SalesforceTokens, config = testConfig(server)): TokenSource & { refreshes: number } {
  let current = tokens;
  const grant = (): AccessGrant => ({ accessToken: current.accessToken, instanceUrl: current.instanceUrl });
  return {
    refreshes: 0,
    async current() {
      return grant();
    },
    async refresh() {
      this.refreshes++;
      current = await refreshTokens(server.fetch, config, current.refreshToken ?? '');
      return grant();
    },
  };
}

/** A REST client signed in to the stand-in through the real flow, as the background's after Connect. */
export async function signedInClient(server: SalesforceServer): Promise<SalesforceClient> {
  return new SalesforceClient({ fetch: server.fetch, tokens: tokenSource(server, await signIn(server)) });
}
