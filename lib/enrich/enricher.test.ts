// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Extraction } from '@/lib/crm/adapter';
import { odooAdapter } from '@/lib/crm/adapters/odoo';
import { fixturesOf } from '@/lib/crm/adapters/testing/fixtures';
import { readPage } from '@/lib/crm/read-page';
import type { PageRule } from '@/lib/page-rules/schema';
import { createEnricher, installEnricher, validRules } from './enricher';
import { ENRICHER_GLOBAL, withEnrichment } from '@/lib/crm/enrich-registration';

const odoo = fixturesOf('odoo');
const FILE = 'lead-en.html';

const ownerRule: PageRule = {
  id: 'owner-1',
  crm: 'odoo',
  host: odoo.index.host,
  objectType: 'crm.lead',
  part: 'owner',
  locator: { kind: 'beside-label', label: 'Sales Team' },
  origin: 'user',
  createdAt: 1,
};

afterEach(() => Reflect.deleteProperty(globalThis, ENRICHER_GLOBAL));

describe("the content script's read with the injected enricher", () => {
  it('is the adapter’s read alone while no enricher is there', () => {
    const doc = odoo.load(FILE);
    doc.querySelector('[name="user_id"]')?.removeAttribute('name');
    const { state } = readPage(odooAdapter, odoo.urlOf(FILE), doc, 1);
    expect(state).toMatchObject({ kind: 'record', snapshot: { missing: ['owner'] } });
    expect(state.kind === 'record' && state.snapshot.sources).toBeUndefined();
  });

  it('is completed once the enricher is registered, by the rules of this page only', () => {
    const doc = odoo.load(FILE);
    doc.querySelector('[name="user_id"]')?.removeAttribute('name');
    installEnricher().setRules([ownerRule, { ...ownerRule, id: 'elsewhere', host: 'other.odoo.com', part: 'stage' }]);
    const { state } = readPage(odooAdapter, odoo.urlOf(FILE), doc, 1);
    expect(state).toMatchObject({ kind: 'record', snapshot: { missing: [], owner: 'Sales', sources: { owner: 'rule' } } });
    expect(state.kind === 'record' && state.snapshot.stage).not.toBe('Sales');
  });

  it("falls back to the adapter's read when the enricher throws or answers nothing", () => {
    const extraction: Extraction = { fields: [], contacts: [], missing: ['stage'] };
    const page = { crm: 'odoo', host: 'x', objectType: 'crm.lead' };
    const root = document.createElement('main');
    Object.assign(globalThis, { [ENRICHER_GLOBAL]: { enrich: () => { throw new Error('broken'); } } });
    expect(withEnrichment(page, root, extraction)).toBe(extraction);
    Object.assign(globalThis, { [ENRICHER_GLOBAL]: { enrich: () => undefined } });
    expect(withEnrichment(page, root, extraction)).toBe(extraction);
    Object.assign(globalThis, { [ENRICHER_GLOBAL]: 'not an enricher' });
    expect(withEnrichment(page, root, extraction)).toBe(extraction);
  });
});

describe('the enricher', () => {
  it('is installed once: injected again, the one there keeps its rules', () => {
    const first = installEnricher();
    first.setRules([ownerRule]);
    expect(installEnricher()).toBe(first);
  });

  it('keeps only rules that parse and whose locator is safe', () => {
    const rules = validRules([
      ownerRule,
      { ...ownerRule, id: 'Bad Id' },
      { ...ownerRule, id: 'has', locator: { kind: 'selector', selector: 'div:has(span:has(b))' } },
      { ...ownerRule, id: 'text', locator: { kind: 'selector', selector: 'span:contains("x")' } },
      'rule',
    ]);
    expect(rules.map((rule) => rule.id)).toEqual(['owner-1']);
    expect(validRules({ rules: [ownerRule] })).toEqual([]);
    expect(createEnricher().setRules(Array.from({ length: 500 }, (_, i) => ({ ...ownerRule, id: `r-${i}` })))).toBe(200);
  });
});
