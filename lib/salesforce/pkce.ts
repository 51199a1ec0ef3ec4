// PKCE (RFC 7636) and the CSRF `state` for the OAuth web-server flow. The extension has no
// client secret (anything shipped in it is public); PKCE binds the code to this sign-in instead.

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomBase64url(byteCount: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** 64 random bytes → 86 characters of the unreserved set (RFC 7636 asks for 43–128). */
export function createCodeVerifier(): string {
  return randomBase64url(64);
}

/** The S256 challenge: base64url(SHA-256(verifier)). */
export async function codeChallengeS256(verifier: string): Promise<string> {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) throw new RangeError('A PKCE code verifier is 43–128 unreserved characters');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** An unguessable `state` to match the redirect against the sign-in that started it. */
export function createState(): string {
  return randomBase64url(32);
}
