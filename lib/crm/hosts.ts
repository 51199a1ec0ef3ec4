// Host match patterns of the CRMs the extension reads out of the box.
// They are the manifest's host permissions and the content scripts' matches,
// so adding a CRM here is a reviewed permission change (see the manifest
// snapshot test). Sources: each CRM's documented URL scheme (see
// ../shared/crm-references.md and the adapters' fixtures).
export const SALESFORCE_MATCHES = [
  'https://*.lightning.force.com/*',
  'https://*.my.salesforce.com/*',
] as const;

/** Dynamics 365 online: `{org}.crm{N}.dynamics.com` per region (crm = North America, crm4 = EMEA, …) and 21Vianet China. */
export const DYNAMICS_MATCHES = [
  'https://*.crm.dynamics.com/*',
  ...[2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16, 17, 19, 20, 21].map((region) => `https://*.crm${region}.dynamics.com/*`),
  'https://*.crm.dynamics.cn/*',
] as const;

/** HubSpot app hosts: North America, EU and the newer NA2 data centre. */
export const HUBSPOT_MATCHES = ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*', 'https://app-na2.hubspot.com/*'] as const;

export const PIPEDRIVE_MATCHES = ['https://*.pipedrive.com/*'] as const;

/** Zoho CRM data centres. */
export const ZOHO_MATCHES = ['com', 'eu', 'in', 'com.au', 'com.cn', 'jp', 'ca'].map((tld) => `https://crm.zoho.${tld}/*`);

/** Odoo Online; self-hosted Odoo is added by the user as a custom CRM. */
export const ODOO_MATCHES = ['https://*.odoo.com/*'] as const;

export const SUPPORTED_CRM_MATCHES: readonly string[] = [
  ...SALESFORCE_MATCHES,
  ...DYNAMICS_MATCHES,
  ...HUBSPOT_MATCHES,
  ...PIPEDRIVE_MATCHES,
  ...ZOHO_MATCHES,
  ...ODOO_MATCHES,
];

const MATCH_PATTERN = /^https:\/\/(\*\.)?([^/*]+)\/\*$/;

/**
 * True when `url` is on one of `patterns` (https only). A host wildcard works
 * as in the browsers' match patterns: `*.example.com` covers example.com and
 * every subdomain, so this agrees with where the content scripts run.
 */
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
    return parsed.hostname === host || (wildcard !== undefined && parsed.hostname.endsWith(`.${host}`));
  });
}
