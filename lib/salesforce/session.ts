// Where the Salesforce connection is kept, and the token source the REST client uses.
//
// Two parts, kept apart on purpose:
// - the org (login host, consumer key, instance, org and user ids): not secret, in the
//   extension's IndexedDB settings, so capture knows which records go to the outbox even
//   while a sign-in is pending;
// - the tokens: in the extension's IndexedDB by default (the user stays signed in across
//   browser restarts), or in `storage.session` when IT's policy asks for a sign-in every
//   browser session (gone when the browser closes). Never in `storage.local`, which
//   Chrome lets content scripts read, and never sent to a page or content script: only
//   this background reads them (docs/security.md, "Salesforce tokens").
import { browser } from 'wxt/browser';
import { z } from '@/lib/zod/mini';
import type { Database } from '@/lib/store/db';
import { readSetting, writeSetting } from '@/lib/store/settings';
import type { AccessGrant, TokenSource } from './client.ts';
import { InvalidSessionError, OAuthError } from './errors.ts';
import { instanceOrigin, loginOrigin } from './hosts.ts';
import { SALESFORCE_ID } from '@/lib/domain/salesforce-ids';
import { TEAMS_OFF_SETTING } from './teams.ts';
import { refreshTokens, type OAuthConfig, type SalesforceTokens } from './oauth.ts';

const ORG_SETTING = 'salesforce.org';
const TOKENS_KEY = 'salesforce.tokens';

const salesforceId = z.string().check(z.regex(SALESFORCE_ID));

/** Whether `origin(value)` is `expected`; a value the origin check refuses (it throws) is no match, so parsing never throws. */
function hasOrigin(origin: (value: string) => string, value: string, expected: string): boolean {
  try {
    return origin(value) === expected;
  } catch {
    return false;
  }
}

export const ConnectedOrgSchema = z.object({
  /** The host the user signs in at (checked by loginOrigin). */
  loginHost: z.string().check(z.refine((host) => URL.canParse(`https://${host}`) && hasOrigin(loginOrigin, host, `https://${host}`))),
  clientId: z.string().check(z.minLength(1), z.maxLength(256)),
  redirectUri: z.url(),
  /** The org's My Domain origin: every data call goes here. */
  instanceUrl: z.string().check(z.refine((url) => URL.canParse(url) && hasOrigin(instanceOrigin, url, url))),
  orgId: salesforceId,
  userId: salesforceId,
  connectedAt: z.int().check(z.nonnegative()),
  /** IT's policy: tokens live for this browser session only. */
  signInEverySession: z.boolean(),
});
export type ConnectedOrg = z.infer<typeof ConnectedOrgSchema>;

const StoredTokensSchema = z.object({
  /** Which org these tokens belong to: tokens of another org are never used. */
  orgId: salesforceId,
  accessToken: z.string().check(z.minLength(1), z.maxLength(4_000)),
  refreshToken: z.optional(z.string().check(z.minLength(1), z.maxLength(4_000))),
  issuedAt: z.int().check(z.nonnegative()),
});
type StoredTokens = z.infer<typeof StoredTokensSchema>;

/** The connected org, or null. Invalid stored data counts as not connected. */
export function readConnectedOrg(db: Database): Promise<ConnectedOrg | null> {
  return readSetting(db, ORG_SETTING, z.nullable(ConnectedOrgSchema), null);
}

export function oauthConfigOf(org: Pick<ConnectedOrg, 'loginHost' | 'clientId' | 'redirectUri'>): OAuthConfig {
  return { loginHost: org.loginHost, clientId: org.clientId, redirectUri: org.redirectUri };
}

async function readTokens(db: Database, org: ConnectedOrg): Promise<StoredTokens | null> {
  const raw = org.signInEverySession ? (await browser.storage.session.get(TOKENS_KEY))[TOKENS_KEY] : await db.get('settings', TOKENS_KEY);
  const parsed = StoredTokensSchema.safeParse(raw);
  return parsed.success && parsed.data.orgId === org.orgId ? parsed.data : null;
}

async function writeTokens(db: Database, org: ConnectedOrg, tokens: SalesforceTokens): Promise<void> {
  const stored: StoredTokens = StoredTokensSchema.parse({
    orgId: org.orgId,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    issuedAt: tokens.issuedAt,
  });
  if (org.signInEverySession) await browser.storage.session.set({ [TOKENS_KEY]: stored });
  else await writeSetting(db, TOKENS_KEY, StoredTokensSchema, stored);
}

/** Forgets the tokens but not the org: the user is asked to sign in again. */
export async function dropTokens(db: Database): Promise<void> {
  await browser.storage.session.remove(TOKENS_KEY);
  const tx = db.transaction('settings', 'readwrite');
  await tx.store.delete(TOKENS_KEY);
  await tx.done;
}

/** Keeps a fresh sign-in: the org first (so a crash in between leaves "sign in again", never orphan tokens), then its tokens. */
export async function saveSignIn(db: Database, org: ConnectedOrg, tokens: SalesforceTokens): Promise<void> {
  const valid = ConnectedOrgSchema.parse(org);
  await writeSetting(db, ORG_SETTING, z.nullable(ConnectedOrgSchema), valid);
  await writeTokens(db, valid, tokens);
}

/** Forgets the org and its tokens. The outbox is not touched: it waits for a reconnect or the user's discard. */
export async function forgetConnection(db: Database): Promise<void> {
  await dropTokens(db);
  const tx = db.transaction('settings', 'readwrite');
  // What Salesforce told us about the org goes with it: the next org may have teams on.
  await Promise.all([tx.store.delete(ORG_SETTING), tx.store.delete(TEAMS_OFF_SETTING)]);
  await tx.done;
}

export type ConnectionState =
  | { state: 'not-connected' }
  /** Connected once, but no usable tokens: the browser was restarted under the session policy, or Salesforce revoked them. */
  | { state: 'sign-in-needed'; org: ConnectedOrg }
  | { state: 'connected'; org: ConnectedOrg };

export async function connectionState(db: Database): Promise<ConnectionState> {
  const org = await readConnectedOrg(db);
  if (!org) return { state: 'not-connected' };
  return (await readTokens(db, org)) ? { state: 'connected', org } : { state: 'sign-in-needed', org };
}

/** The stored refresh (or else access) token, for revoking at disconnect. */
export async function tokenToRevoke(db: Database, org: ConnectedOrg): Promise<string | undefined> {
  const tokens = await readTokens(db, org);
  return tokens?.refreshToken ?? tokens?.accessToken;
}

/**
 * The REST client's token source over the stored tokens. Concurrent refreshes share one
 * request. A refresh Salesforce refuses (`invalid_grant`: revoked, expired by policy; or the
 * app's settings changed) drops the tokens, so the panel says "sign in again" instead of failing every call.
 * Missing tokens are an invalid session: the sender stops and waits for a sign-in.
 */
export function storedTokenSource(db: Database, org: ConnectedOrg, fetchImpl: typeof fetch): TokenSource {
  let refreshing: Promise<AccessGrant> | undefined;
  const grantOf = (tokens: Pick<StoredTokens, 'accessToken'>): AccessGrant => ({ accessToken: tokens.accessToken, instanceUrl: org.instanceUrl });
  const refresh = async (): Promise<AccessGrant> => {
    const stored = await readTokens(db, org);
    if (!stored?.refreshToken) throw new InvalidSessionError('Sign in to Salesforce again');
    try {
      const tokens = await refreshTokens(fetchImpl, oauthConfigOf(org), stored.refreshToken);
      // A token response for another org or instance is not ours to keep.
      if (tokens.orgId !== org.orgId || tokens.instanceUrl !== org.instanceUrl) throw new InvalidSessionError('Salesforce answered for another org');
      await writeTokens(db, org, tokens);
      return grantOf(tokens);
    } catch (error) {
      // Any refusal (invalid_grant: revoked or expired by policy; invalid_client_id,
      // unauthorized_client: the app changed, e.g. a secret now required) will not pass by waiting:
      // the user signs in again. A server error (5xx) is left to the sender's retries.
      if (error instanceof OAuthError && error.status < 500) {
        await dropTokens(db);
        throw new InvalidSessionError('Sign in to Salesforce again', { cause: error });
      }
      throw error;
    }
  };
  return {
    async current() {
      const stored = await readTokens(db, org);
      if (!stored) throw new InvalidSessionError('Sign in to Salesforce again');
      return grantOf(stored);
    },
    refresh() {
      refreshing ??= refresh().finally(() => (refreshing = undefined));
      return refreshing;
    },
  };
}
