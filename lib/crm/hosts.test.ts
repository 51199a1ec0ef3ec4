import { describe, expect, it } from 'vitest';
import { SUPPORTED_CRM_MATCHES, urlMatchesPatterns } from './hosts';

// urlMatchesPatterns must agree with the browser's match patterns: the sender
// checks use it to accept a content script's messages, and the browser runs
// the content scripts wherever the manifest's patterns match.
describe('urlMatchesPatterns', () => {
  it('matches the exact host of a pattern without a wildcard, on any path', () => {
    expect(urlMatchesPatterns('https://app.hubspot.com/contacts/123/record/0-3/456', SUPPORTED_CRM_MATCHES)).toBe(true);
    expect(urlMatchesPatterns('https://api.hubspot.com/contacts', SUPPORTED_CRM_MATCHES)).toBe(false);
  });

  it('matches a wildcard pattern on subdomains at any depth and on the domain itself, as Chrome and Firefox do', () => {
    const patterns = ['https://*.example.com/*'];
    expect(urlMatchesPatterns('https://crm.example.com/deal/1', patterns)).toBe(true);
    expect(urlMatchesPatterns('https://a.b.example.com/', patterns)).toBe(true);
    expect(urlMatchesPatterns('https://example.com/', patterns)).toBe(true);
  });

  it('does not match a host that merely ends with the same letters, or the domain under another parent', () => {
    const patterns = ['https://*.example.com/*'];
    expect(urlMatchesPatterns('https://evilexample.com/', patterns)).toBe(false);
    expect(urlMatchesPatterns('https://example.com.attacker.net/', patterns)).toBe(false);
  });

  it('matches https only, and nothing for a malformed URL or pattern', () => {
    expect(urlMatchesPatterns('http://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view', SUPPORTED_CRM_MATCHES)).toBe(false);
    expect(urlMatchesPatterns('not a url', SUPPORTED_CRM_MATCHES)).toBe(false);
    expect(urlMatchesPatterns('https://example.com/', ['<all_urls>', 'https://*/*', 'https://example.com/deal'])).toBe(false);
  });
});
