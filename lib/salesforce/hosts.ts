// Which Salesforce hosts the extension may talk to. A token response names the org's
// `instance_url`, and every data call (with the access token and the deal's notes) goes there:
// a hostile or tampered token response must not be able to send that data to another host, so
// the instance URL is checked against Salesforce's own domains before it is used or stored.
// With enhanced domains (enforced since Winter '24) every org's instance URL is its My Domain.

/** The two shared login hosts (production and sandboxes). */
export const LOGIN_HOSTS = ['login.salesforce.com', 'test.salesforce.com'] as const;

// One or more DNS labels under my.salesforce.com (sandboxes are `name--sbx.sandbox.my.salesforce.com`).
const MY_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+my\.salesforce\.com$/;

export class HostNotAllowedError extends Error {
  override readonly name = 'HostNotAllowedError';
}

function parseHttps(input: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return undefined;
  }
  // No other scheme, port or credentials: each would send the token somewhere else than the host it names.
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return undefined;
  return url;
}

/** Whether the URL's host is a My Domain host or a login host. */
function isAllowedHost(hostname: string): boolean {
  return MY_DOMAIN.test(hostname) || (LOGIN_HOSTS as readonly string[]).includes(hostname);
}

/**
 * The origin to sign in at, from what an admin typed or IT pushed: a My Domain
 * (`acme.my.salesforce.com`, with or without `https://`), `login.salesforce.com` or `test.salesforce.com`.
 */
export function loginOrigin(input: string): string {
  const text = input.trim().toLowerCase();
  const url = parseHttps(/^[a-z][a-z0-9+.-]*:/.test(text) ? text : `https://${text}`);
  if (!url || !isAllowedHost(url.hostname) || (url.pathname !== '/' && url.pathname !== '')) {
    throw new HostNotAllowedError(`Not a Salesforce login host: ${input}`);
  }
  return url.origin;
}

/** The org's instance origin from a token response: My Domain hosts only (data never goes to a login host). */
export function instanceOrigin(instanceUrl: string): string {
  const url = parseHttps(instanceUrl);
  if (!url || !MY_DOMAIN.test(url.hostname)) throw new HostNotAllowedError(`Not a Salesforce My Domain instance: ${instanceUrl}`);
  return url.origin;
}
