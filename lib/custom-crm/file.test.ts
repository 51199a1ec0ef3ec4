// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CUSTOM_CRMS_FORMAT, MAX_CUSTOM_CRMS, exportCustomCrms, importCustomCrms } from './file';
import { ACME, ESPO } from './testing';

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
