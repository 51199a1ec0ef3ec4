// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createCustomAdapter } from './adapter';
import { parseCustomCrm, suggestCustomCrmId } from './schema';
import { ACME, ESPO } from './testing';

const pathsOf = (input: unknown) => {
  const result = parseCustomCrm(input);
  return result.ok ? [] : result.errors.map((error) => error.path.join('.'));
};

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
