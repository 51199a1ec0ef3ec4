// Host match patterns of the CRMs the extension reads out of the box.
// They are the manifest's host permissions and the content script's matches,
// so adding a CRM here is a reviewed permission change (see the manifest
// snapshot test).
export const SALESFORCE_MATCHES = [
  'https://*.lightning.force.com/*',
  'https://*.my.salesforce.com/*',
] as const;

export const SUPPORTED_CRM_MATCHES: readonly string[] = [...SALESFORCE_MATCHES];

const MATCH_PATTERN = /^https:\/\/(\*\.)?([^/*]+)\/\*$/;

/** True when `url` is on one of `patterns` (https only, host wildcard as in match patterns). */
export function urlMatchesPatterns(url: string, patterns: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  return patterns.some((pattern) => {
    const match = MATCH_PATTERN.exec(pattern);
    if (!match) return false;
    const [, wildcard, host] = match;
    return wildcard ? parsed.hostname.endsWith(`.${host}`) : parsed.hostname === host;
  });
}
