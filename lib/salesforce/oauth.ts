// The OAuth 2.0 web-server flow with PKCE and no client secret [Web Server Flow / PKCE]:
// the authorize URL, the redirect check, code exchange, refresh and revoke. Functions over an
// injected fetch and nothing stored here: where tokens live is the caller's choice. Call the
// token and revoke endpoints from the background, never from a page: they answer CORS only on
// My Domain hosts [Enable CORS for OAuth Endpoints], and a page must not see tokens anyway.
import { z } from '@/lib/zod/mini';
import { OAuthError, ProtocolError, TransientError } from './errors.ts';
import { instanceOrigin, loginOrigin } from './hosts.ts';

export interface OAuthConfig {
  /** Where the user signs in: a My Domain, login.salesforce.com or test.salesforce.com (checked by loginOrigin). */
  loginHost: string;
  /** The External Client App's consumer key. */
  clientId: string;
  /** The browser's identity redirect URL (chrome.identity / browser.identity getRedirectURL). */
  redirectUri: string;
}

export interface SalesforceTokens {
  accessToken: string;
  /** Absent when the refresh_token scope was not granted. */
  refreshToken: string | undefined;
  /** The org's My Domain origin, checked: every data call goes here. */
  instanceUrl: string;
  orgId: string;
  userId: string;
  scopes: string[];
  issuedAt: number;
}

/** Scopes the extension asks for: the data API, and a refresh token to stay signed in. */
export const SCOPES = 'api refresh_token';

/** The URL to open with launchWebAuthFlow. `challenge` from codeChallengeS256, `state` from createState. */
export function authorizeUrl(config: OAuthConfig, { challenge, state, loginHint }: { challenge: string; state: string; loginHint?: string }): string {
  const url = new URL('/services/oauth2/authorize', loginOrigin(config.loginHost));
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: SCOPES,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    ...(loginHint ? { login_hint: loginHint } : {}),
  }).toString();
  return url.href;
}

/**
 * The code from the URL launchWebAuthFlow resolved with. It must be our redirect URL and carry
 * the `state` this sign-in started with: anything else may be a forged redirect (CSRF).
 */
export function codeFromRedirect(redirectedTo: string, config: OAuthConfig, expectedState: string): string {
  const url = new URL(redirectedTo);
  const expected = new URL(config.redirectUri);
  if (url.origin !== expected.origin || url.pathname !== expected.pathname) throw new ProtocolError('The sign-in came back to an unexpected address');
  if (url.searchParams.get('state') !== expectedState) throw new ProtocolError('The sign-in came back with an unexpected state');
  const error = url.searchParams.get('error');
  if (error) throw new OAuthError(error, url.searchParams.get('error_description') ?? '', 400);
  const code = url.searchParams.get('code');
  if (!code) throw new ProtocolError('The sign-in came back without a code');
  return code;
}

const tokenResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  refresh_token: z.optional(z.string().check(z.minLength(1))),
  instance_url: z.string(),
  id: z.string(),
  scope: z._default(z.string(), ''),
  issued_at: z.string().check(z.regex(/^\d+$/)),
  token_type: z.optional(z.literal('Bearer')),
});

const oauthErrorSchema = z.object({ error: z.string(), error_description: z._default(z.string(), '') });

// The identity URL: https://login.salesforce.com/id/<org id>/<user id>.
const IDENTITY_PATH = /^\/id\/(00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)\/(005[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)$/;

function tokensFrom(body: unknown, previousRefreshToken: string | undefined): SalesforceTokens {
  const parsed = tokenResponseSchema.safeParse(body);
  if (!parsed.success) throw new ProtocolError('The token response is not what Salesforce sends');
  const data = parsed.data;
  const identity = IDENTITY_PATH.exec(URL.canParse(data.id) ? new URL(data.id).pathname : '');
  if (!identity) throw new ProtocolError('The token response has no identity URL');
  return {
    accessToken: data.access_token,
    // [Web Server Flow / PKCE] the refresh grant returns no new refresh token unless rotation is on.
    refreshToken: data.refresh_token ?? previousRefreshToken,
    instanceUrl: instanceOrigin(data.instance_url),
    orgId: identity[1]!,
    userId: identity[2]!,
    scopes: data.scope.split(/\s+/).filter(Boolean),
    issuedAt: Number(data.issued_at),
  };
}

async function postForm(fetchImpl: typeof fetch, url: string, form: Record<string, string>): Promise<Response> {
  try {
    return await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      // OAuth endpoints do not redirect; following one would send the code or token elsewhere.
      redirect: 'error',
      credentials: 'omit',
    });
  } catch (error) {
    throw new TransientError('Salesforce sign-in could not be reached', undefined, false, { cause: error });
  }
}

async function tokenRequest(fetchImpl: typeof fetch, config: OAuthConfig, form: Record<string, string>, previousRefreshToken?: string): Promise<SalesforceTokens> {
  const res = await postForm(fetchImpl, `${loginOrigin(config.loginHost)}/services/oauth2/token`, form);
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok) return tokensFrom(body, previousRefreshToken);
  if (res.status >= 500) throw new TransientError(`Salesforce sign-in answered ${res.status}`, res.status, false);
  const error = oauthErrorSchema.safeParse(body);
  if (error.success) throw new OAuthError(error.data.error, error.data.error_description, res.status);
  throw new ProtocolError(`Salesforce sign-in answered ${res.status}`);
}

/** Exchange the authorization code (with the PKCE verifier) for tokens. */
export function exchangeCode(fetchImpl: typeof fetch, config: OAuthConfig, { code, verifier }: { code: string; verifier: string }): Promise<SalesforceTokens> {
  return tokenRequest(fetchImpl, config, {
    grant_type: 'authorization_code',
    code,
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    code_verifier: verifier,
  });
}

/** New access token; keeps the refresh token unless Salesforce rotated it. `invalid_grant` → sign in again. */
export function refreshTokens(fetchImpl: typeof fetch, config: OAuthConfig, refreshToken: string): Promise<SalesforceTokens> {
  return tokenRequest(fetchImpl, config, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: config.clientId }, refreshToken);
}

/**
 * Revoke a token (the refresh token revokes its access tokens too). A 400 means the token is
 * already invalid, which is what disconnecting wants; network failures throw so the caller can
 * still remove the token locally and say the revocation did not reach Salesforce.
 */
export async function revokeToken(fetchImpl: typeof fetch, config: Pick<OAuthConfig, 'loginHost'>, token: string): Promise<void> {
  const res = await postForm(fetchImpl, `${loginOrigin(config.loginHost)}/services/oauth2/revoke`, { token });
  if (res.ok || res.status === 400) return;
  throw new TransientError(`Salesforce revoke answered ${res.status}`, res.status, false);
}
