// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createCustomAdapter } from './adapters/generic';
import {
  CUSTOM_CRMS_FORMAT,
  MAX_CUSTOM_CRMS,
  exportCustomCrms,
  importCustomCrms,
  matchPatternForHost,
  parseCustomCrm,
  suggestCustomCrmId,
  type CustomCrm,
} from './custom-crm';

const ACME: CustomCrm = {
  id: 'acme-crm',
  name: 'Acme CRM',
  hostPattern: 'https://crm.acme.example/*',
  selectors: { name: 'h1.record-title', stage: '.field[data-name="stage"] .value', contacts: 'table.contacts tbody tr' },
  createdAt: 1_764_000_000_000,
};
const ESPO: CustomCrm = { id: 'espo', name: 'EspoCRM (self-hosted)', hostPattern: 'https://*.espo.example/*', createdAt: 1_764_000_100_000 };

const pathsOf = (input: unknown) => {
  const result = parseCustomCrm(input);
  return result.ok ? [] : result.errors.map((error) => error.path.join('.'));
};

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

describe('parseCustomCrm', () => {
  it('accepts a valid definition, with and without selectors, and trims the name', () => {
    expect(parseCustomCrm(ACME)).toEqual({ ok: true, value: ACME });
    expect(parseCustomCrm(ESPO)).toEqual({ ok: true, value: ESPO });
    expect(parseCustomCrm({ ...ESPO, name: '  EspoCRM  ' })).toEqual({ ok: true, value: { ...ESPO, name: 'EspoCRM' } });
  });

  it.each([
    ['a pattern that is not a match pattern', { hostPattern: 'crm.acme.example' }, ['hostPattern'], /Use the match pattern https:\/\/crm\.acme\.example\/\*/],
    ['<all_urls>', { hostPattern: '<all_urls>' }, ['hostPattern'], /all sites/],
    ['an http: pattern', { hostPattern: 'http://crm.acme.example/*' }, ['hostPattern'], /Only https/],
    ['a path other than /*', { hostPattern: 'https://crm.acme.example/deals/*' }, ['hostPattern'], /Use the match pattern https:\/\/crm\.acme\.example\/\*/],
    ['a bare * host', { hostPattern: 'https://*/*' }, ['hostPattern'], /only stand for subdomains|Type the address/],
    ['an invalid selector', { selectors: { stage: '.field[data-name=' } }, ['selectors', 'stage'], /Not a valid CSS selector/],
    ['an empty selector', { selectors: { owner: '' } }, ['selectors', 'owner'], /Not a valid CSS selector/],
    ['an oversized selector', { selectors: { contacts: `.x${' .y'.repeat(200)}` } }, ['selectors', 'contacts'], /at most 500/],
    ['an unknown selector key', { selectors: { stages: '.x' } }, ['selectors'], /stages/],
    ['an oversized name', { name: 'N'.repeat(81) }, ['name'], /at most 80/],
    ['an empty name', { name: '   ' }, ['name'], /Give the CRM a name/],
    ['an id that is no slug', { id: 'Acme CRM' }, ['id'], /lowercase letters/],
    ['an id too long for an adapter id', { id: 'a'.repeat(34) }, ['id'], /1 to 33/],
    ['an id ending with "-"', { id: 'acme-' }, ['id'], /lowercase letters/],
    ['a negative creation time', { createdAt: -1 }, ['createdAt'], /creation time/],
    ['a fractional creation time', { createdAt: 1.5 }, ['createdAt'], /./],
    ['an unknown key', { script: 'alert(1)' }, [], /script/],
  ])('rejects %s, at its path', (_, change, path, message) => {
    const result = parseCustomCrm({ ...ACME, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.path).toEqual(path);
    expect(result.errors[0]?.message).toMatch(message);
  });

  it('reports every problem at once', () => {
    expect(pathsOf({ id: 'X', name: '', hostPattern: 'http://x.example/*', selectors: { name: '[' }, createdAt: 'now' }).sort()).toEqual([
      'createdAt',
      'hostPattern',
      'id',
      'name',
      'selectors.name',
    ]);
  });

  it('never throws on garbage', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('hostile');
        },
        ownKeys() {
          throw new Error('hostile');
        },
      },
    );
    const cyclic: Record<string, unknown> = { ...ACME };
    cyclic.selectors = cyclic;
    for (const garbage of [null, undefined, 0, 'acme', [], [ACME], hostile, cyclic, JSON.parse('{"__proto__":{"polluted":true}}')]) {
      expect(() => parseCustomCrm(garbage)).not.toThrow();
      expect(parseCustomCrm(garbage).ok).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives what createCustomAdapter needs', () => {
    const parsed = parseCustomCrm(ACME);
    if (!parsed.ok) throw new Error('expected a valid definition');
    expect(createCustomAdapter(parsed.value)).toMatchObject({ id: 'custom-acme-crm', label: 'Acme CRM (best-effort reader)', matches: ['https://crm.acme.example/*'] });
  });
});

describe('suggestCustomCrmId', () => {
  it.each([
    ['Acme CRM', [], 'acme-crm'],
    ['Acme CRM (EU)', [], 'acme-crm-eu'],
    ['Société Générale – CRM', [], 'societe-generale-crm'],
    ['自建 CRM', [], 'crm'],
    ['销售系统', [], 'crm'],
    ['Acme CRM', ['acme-crm', 'acme-crm-2'], 'acme-crm-3'],
    ['A'.repeat(60), [], 'a'.repeat(28)],
  ])('%s -> %s', (name, taken, id) => {
    const suggested = suggestCustomCrmId(name, taken);
    expect(suggested).toBe(id);
    expect(parseCustomCrm({ ...ACME, id: suggested }).ok).toBe(true);
  });
});

describe('export and import', () => {
  it('round-trips definitions through the versioned file', () => {
    const text = exportCustomCrms([ACME, ESPO]);
    expect(JSON.parse(text)).toEqual({ format: 'iron-triangle/custom-crms', version: 1, crms: [ACME, ESPO] });
    expect(importCustomCrms(text)).toEqual({ ok: true, value: [ACME, ESPO] });
    expect(importCustomCrms(JSON.parse(text))).toEqual({ ok: true, value: [ACME, ESPO] });
    expect(importCustomCrms(exportCustomCrms([]))).toEqual({ ok: true, value: [] });
  });

  const file = (crms: unknown[], extra: Record<string, unknown> = {}) => ({ format: CUSTOM_CRMS_FORMAT, version: 1, crms, ...extra });
  const errorsOf = (input: unknown) => {
    const result = importCustomCrms(input);
    return result.ok ? [] : result.errors.map((error) => ({ path: error.path.join('.'), message: error.message }));
  };

  it.each([
    ['not JSON', '{"format": ', [{ path: '', message: 'The file is not JSON.' }]],
    ['another format', file([], { format: 'something-else' }), [{ path: 'format', message: expect.stringMatching(/Not an Iron Triangle custom CRM file/) }]],
    ['a newer version', file([], { version: 2 }), [{ path: 'version', message: expect.stringMatching(/Only version 1 files/) }]],
    ['no crms', { format: CUSTOM_CRMS_FORMAT, version: 1 }, [{ path: 'crms', message: expect.any(String) }]],
    ['an unknown top-level key', file([], { extra: true }), [{ path: '', message: expect.stringMatching(/extra/) }]],
    ['an invalid CRM, at its index', file([ACME, { ...ESPO, hostPattern: 'http://x.example/*' }]), [{ path: 'crms.1.hostPattern', message: expect.stringMatching(/Only https/) }]],
    ['a duplicate id', file([ACME, { ...ESPO, id: 'acme-crm' }]), [{ path: 'crms.1.id', message: 'Duplicate id "acme-crm" (also CRM 1).' }]],
    ['a duplicate host pattern', file([ACME, { ...ESPO, hostPattern: ACME.hostPattern }]), [{ path: 'crms.1.hostPattern', message: 'CRM 1 already reads https://crm.acme.example/*.' }]],
  ])('rejects %s', (_, input, errors) => {
    expect(errorsOf(input)).toEqual(errors);
  });

  it('rejects too many CRMs and too large a file', () => {
    const many = Array.from({ length: MAX_CUSTOM_CRMS + 1 }, (_, i) => ({ ...ESPO, id: `crm-${i}`, hostPattern: `https://crm${i}.example/*` }));
    expect(errorsOf(file(many))).toEqual([{ path: 'crms', message: `A file holds at most ${MAX_CUSTOM_CRMS} CRMs.` }]);
    expect(errorsOf(' '.repeat(1_000_001))).toEqual([{ path: '', message: expect.stringMatching(/too large/) }]);
  });

  it('is all or nothing', () => {
    const result = importCustomCrms(file([ACME, { ...ESPO, selectors: { stage: ':::' } }]));
    expect(result.ok).toBe(false);
    expect('value' in result).toBe(false);
  });

  it('never throws on garbage', () => {
    for (const garbage of [null, undefined, 0, '', 'null', '[]', '"x"', '{}', [], { crms: 'x' }, file([null, 1, 'x']), '{"__proto__":{"polluted":1},"format":"iron-triangle/custom-crms","version":1,"crms":[]}']) {
      expect(() => importCustomCrms(garbage)).not.toThrow();
      expect(importCustomCrms(garbage).ok).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
