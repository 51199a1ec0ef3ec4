// Connecting and disconnecting a Salesforce org, run in the background only: the sign-in
// window (identity.launchWebAuthFlow), the code exchange and the tokens never touch a page.
import { browser } from 'wxt/browser';
import type { Database } from '@/lib/store/db';
import { authorizeUrl, codeFromRedirect, exchangeCode, revokeToken, type OAuthConfig } from '@/lib/salesforce/oauth';
import { codeChallengeS256, createCodeVerifier, createState } from '@/lib/salesforce/pkce';
import { readSalesforcePolicy, SalesforceSetupSchema, type SalesforcePolicy, type SalesforceSetup } from '@/lib/salesforce/policy';
import { connectionState, forgetConnection, readConnectedOrg, saveSignIn, tokenToRevoke, type ConnectionState } from '@/lib/salesforce/session';

export interface ConnectDeps {
  fetch: typeof fetch;
  /** identity.launchWebAuthFlow: resolves with the URL Salesforce redirected to. */
  launchWebAuthFlow: (details: { url: string; interactive: boolean }) => Promise<string>;
  redirectUri: string;
  policy: SalesforcePolicy;
  now: () => number;
}

/** The path of the redirect URL an admin enters as the External Client App's callback. */
const REDIRECT_PATH = 'salesforce';

export async function browserConnectDeps(): Promise<ConnectDeps> {
  return {
    fetch: globalThis.fetch.bind(globalThis),
    launchWebAuthFlow: async (details) => {
      const redirectedTo = await browser.identity.launchWebAuthFlow(details);
      if (!redirectedTo) throw new Error('The Salesforce sign-in window was closed');
      return redirectedTo;
    },
    redirectUri: browser.identity.getRedirectURL(REDIRECT_PATH),
    policy: await readSalesforcePolicy(),
    now: Date.now,
  };
}

/** The setup in force: IT's policy values over what the user typed. Throws (zod) when incomplete or invalid. */
export function setupInForce(typed: Partial<SalesforceSetup>, policy: SalesforcePolicy): SalesforceSetup {
  return SalesforceSetupSchema.parse({ loginHost: policy.loginHost ?? typed.loginHost, clientId: policy.clientId ?? typed.clientId });
}

/**
 * Signs in with the web-server flow and PKCE, then keeps the org and its tokens. Also the
 * "sign in again" of a connected org. A closed sign-in window, a forged redirect or a
 * refused code throws, and nothing stored changes.
 */
export async function connectSalesforce(db: Database, typed: Partial<SalesforceSetup>, deps: ConnectDeps): Promise<ConnectionState> {
  const setup = setupInForce(typed, deps.policy);
  const config: OAuthConfig = { ...setup, redirectUri: deps.redirectUri };
  const verifier = createCodeVerifier();
  const state = createState();
  const url = authorizeUrl(config, { challenge: await codeChallengeS256(verifier), state });
  const redirectedTo = await deps.launchWebAuthFlow({ url, interactive: true });
  const code = codeFromRedirect(redirectedTo, config, state);
  const tokens = await exchangeCode(deps.fetch, config, { code, verifier });
  const previous = await readConnectedOrg(db);
  // Another org's tokens are dropped first: no moment where they pair with this org's settings.
  if (previous && previous.orgId !== tokens.orgId) await forgetConnection(db);
  await saveSignIn(
    db,
    {
      ...config,
      instanceUrl: tokens.instanceUrl,
      orgId: tokens.orgId,
      userId: tokens.userId,
      connectedAt: deps.now(),
      signInEverySession: deps.policy.signInEverySession,
    },
    tokens,
  );
  return connectionState(db);
}

/**
 * Revokes the token at Salesforce and forgets the connection. The local removal happens
 * whatever the revocation's outcome; `revoked: false` tells the user it did not reach
 * Salesforce (the token then lapses under the org's session policy).
 */
export async function disconnectSalesforce(db: Database, deps: Pick<ConnectDeps, 'fetch'>): Promise<{ revoked: boolean }> {
  const org = await readConnectedOrg(db);
  if (!org) return { revoked: true };
  const token = await tokenToRevoke(db, org);
  let revoked = token === undefined;
  if (token !== undefined) {
    try {
      await revokeToken(deps.fetch, org, token);
      revoked = true;
    } catch {
      revoked = false;
    }
  }
  await forgetConnection(db);
  return { revoked };
}
