import { describe, expect, it } from 'vitest';
import { matchPatternForHost } from './host-pattern';

describe('matchPatternForHost', () => {
  it.each([
    ['crm.example.com', 'https://crm.example.com/*'],
    ['  CRM.Example.com  ', 'https://crm.example.com/*'],
    ['crm.example.com.', 'https://crm.example.com/*'],
    ['https://crm.example.com', 'https://crm.example.com/*'],
    ['https://crm.example.com/', 'https://crm.example.com/*'],
    ['https://crm.example.com/*', 'https://crm.example.com/*'],
    ['https://crm.example.com/deals/42?view=1#notes', 'https://crm.example.com/*'],
    ['HTTPS://crm.example.com/deals', 'https://crm.example.com/*'],
    ['crm.example.com/espo/#Opportunity', 'https://crm.example.com/*'],
    ['*.example.com', 'https://*.example.com/*'],
    ['https://*.example.com/*', 'https://*.example.com/*'],
    ['crm', 'https://crm/*'],
    ['10.0.4.17', 'https://10.0.4.17/*'],
    ['bücher.example', 'https://xn--bcher-kva.example/*'],
    ['销售.example.cn', 'https://xn--nyr189l.example.cn/*'],
  ])('%j -> %s', (input, pattern) => {
    expect(matchPatternForHost(input)).toEqual({ ok: true, value: pattern });
  });

  it.each([
    ['empty', '', /Type the address/],
    ['blank', '   ', /Type the address/],
    ['all URLs', '<all_urls>', /never enabled on all sites/],
    ['bare *', '*', /never enabled on all sites/],
    ['any scheme and host', '*://*/*', /never enabled on all sites/],
    ['any scheme', '*://crm.example.com/*', /never enabled on all sites/],
    ['http', 'http://crm.example.com', /Only https/],
    ['ftp', 'ftp://crm.example.com', /Only https:\/\/ pages can be read, not ftp:/],
    ['file', 'file:///home/me/crm.html', /Only https:\/\/ pages can be read, not file:/],
    ['javascript', 'javascript:alert(1)', /Not a web address/],
    ['data', 'data:text/html,<b>x</b>', /Not a web address/],
    ['port', 'crm.example.com:8443', /port/],
    ['port with scheme', 'https://crm.example.com:8443/deals', /port/],
    ['user name', 'https://me@crm.example.com/', /user name/],
    ['star in the middle', 'crm.*.example.com', /only stand for subdomains/],
    ['star without a dot', '*example.com', /only stand for subdomains/],
    ['star over a top-level domain', '*.com', /far too many sites/],
    ['star over an IP', '*.10.0.4.17', /IP address/],
    ['underscore', 'crm_host.example.com', /not a valid host name/],
    ['space', 'crm example.com', /not a valid host name/],
    ['IPv6', '[::1]', /not a valid host name/],
    ['too long', `${'a'.repeat(300)}.example.com`, /at most 300/],
  ])('rejects %s', (_, input, message) => {
    const result = matchPatternForHost(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('never throws on garbage', () => {
    for (const garbage of [null, undefined, 42, {}, [], Symbol('x'), '%%%', '\u0000', 'https://', 'https:///', '*.']) {
      expect(() => matchPatternForHost(garbage)).not.toThrow();
      expect(matchPatternForHost(garbage).ok).toBe(false);
    }
  });
});
