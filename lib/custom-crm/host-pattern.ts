// The host match pattern of a user-defined CRM, from what the user types.

export const MAX_HOST_PATTERN = 300;

export type MatchPatternResult = { ok: true; value: string } | { ok: false; error: string };

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

const fail = (error: string): MatchPatternResult => ({ ok: false, error });

/**
 * The match pattern for what a user types as their CRM's address:
 * "crm.example.com", "https://crm.example.com/deals?view=1" -> "https://crm.example.com/*",
 * "*.example.com" -> "https://*.example.com/*". Only https, one host (a "*" only
 * for subdomains of a domain with a dot), no port, no user name; a path is
 * dropped because the reader must see every page of the CRM. Unicode host
 * names become punycode, as browsers match them.
 */
export function matchPatternForHost(input: unknown): MatchPatternResult {
  if (typeof input !== 'string' || input.trim() === '') return fail('Type the address of your CRM, e.g. crm.example.com.');
  let rest = input.trim();
  if (rest.length > MAX_HOST_PATTERN) return fail(`An address has at most ${MAX_HOST_PATTERN} characters.`);
  if (rest === '<all_urls>' || /^\*(?::\/\/\*(?:\/.*)?)?$/.test(rest) || /^\*:\/\//.test(rest)) {
    return fail('Name your CRM’s host: the reader is never enabled on all sites.');
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
  if (scheme) {
    const name = (scheme[1] as string).toLowerCase();
    if (name === 'http') return fail('Only https:// pages can be read: a CRM served over plain http is not supported.');
    if (name !== 'https') return fail(`Only https:// pages can be read, not ${name}:.`);
    rest = rest.slice(scheme[0].length);
  } else if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(rest)) {
    return fail('Not a web address: type the host, e.g. crm.example.com.');
  }
  const host = rest.split(/[/?#]/, 1)[0] ?? '';
  if (host.includes('@')) return fail('Leave out the user name: type only the host, e.g. crm.example.com.');
  if (/:\d*$/.test(host)) return fail('Leave out the port: the pattern covers the host on any port.');
  const wildcard = host.startsWith('*.');
  const domain = (wildcard ? host.slice(2) : host).replace(/\.$/, '');
  if (domain.includes('*')) return fail('A "*" may only stand for subdomains, at the start: *.example.com.');
  if (!domain) return fail('Type the address of your CRM, e.g. crm.example.com.');
  let ascii: string;
  try {
    ascii = new URL(`https://${domain}/`).hostname;
  } catch {
    return fail(`"${domain}" is not a valid host name.`);
  }
  if (ascii.length > 253 || !HOST_NAME.test(ascii)) return fail(`"${domain}" is not a valid host name.`);
  if (wildcard && IPV4.test(ascii)) return fail('A "*" cannot stand in an IP address.');
  if (wildcard && !ascii.includes('.')) return fail(`"*.${ascii}" would cover far too many sites: name your company’s domain, e.g. *.example.com.`);
  return { ok: true, value: `https://${wildcard ? '*.' : ''}${ascii}/*` };
}
