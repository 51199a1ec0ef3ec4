// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createGenericAdapter } from '@/lib/crm/adapters/generic';
import { f, load, read } from '@/lib/crm/adapters/generic/testing';
import { createCustomAdapter } from './adapter';
import type { CustomCrmDefinition } from './definition';

const generic = createGenericAdapter({ matches: ['https://crm.example.com/*'] });

describe('createCustomAdapter', () => {
  const definition: CustomCrmDefinition = {
    id: 'northwind',
    name: 'Northwind CRM',
    hostPattern: 'https://crm.example.com/*',
    selectors: { stage: '.props dd .pill', account: '.topbar .brand', owner: '#no-such-owner', contacts: '.activity li' },
    createdAt: 1_700_000_000_000,
  };

  it('is the generic reader with the user’s id, name and host, labelled best effort', () => {
    const adapter = createCustomAdapter(definition);
    expect(adapter).toMatchObject({ id: 'custom-northwind', label: 'Northwind CRM (best-effort reader)', matches: ['https://crm.example.com/*'] });
    expect(generic).toMatchObject({ id: 'generic', label: 'Best-effort reader' });
    expect(adapter.label).toMatch(/best-effort/);
  });

  it('reads a part from the user’s selector before inference, also outside the record root', () => {
    const adapter = createCustomAdapter(definition);
    const doc = load('deal-dl.html');
    doc.querySelector('.props dd .pill')!.textContent = 'Needs analysis (from selector)';
    const { extraction } = read(adapter, 'deal-dl.html', doc);
    expect(extraction?.stage).toBe('Needs analysis (from selector)');
    expect(extraction?.account).toBe('Northwind CRM'); // the top bar is outside <main>; the user said so
  });

  it('reports a part whose selector finds nothing as missing instead of guessing', () => {
    const { extraction } = read(createCustomAdapter(definition), 'deal-dl.html');
    expect(extraction?.owner).toBeUndefined();
    expect(extraction?.missing).toEqual(['owner']);
    expect(extraction?.fields.find((x) => x.label === 'Owner')?.value).toBe('Priya Raman'); // still a field
  });

  it('reads contacts from the contacts selector, each match one contact, and keeps them out of the fields', () => {
    const adapter = createCustomAdapter({ ...definition, selectors: { contacts: '.contact-card' } });
    const { extraction } = read(adapter, 'deal-messy.html');
    expect(extraction?.contacts).toStrictEqual([{ name: 'Grace Nakato' }]);
    expect(extraction?.fields.map((x) => x.label)).not.toContain('Contact');
    expect(extraction?.fields.filter((x) => x.label === 'Phone')).toHaveLength(1);
  });

  it('reads contact table rows by their column headers', () => {
    const adapter = createCustomAdapter({ ...definition, selectors: { contacts: 'table.contacts tbody tr' } });
    expect(read(adapter, 'deal-table.html').extraction?.contacts).toStrictEqual([
      { name: 'Sara Abdelrahman', role: 'Decision maker' },
      { name: 'Mohamed Taha', role: 'Business user' },
    ]);
  });

  it('reads the value of a form control a selector names', () => {
    const adapter = createCustomAdapter({ ...definition, selectors: { stage: '#opp-stage', amount: '[name=amount]' } });
    const { extraction } = read(adapter, 'deal-form.html');
    expect(extraction?.stage).toBe('Value proposition');
    expect(extraction?.amount).toEqual({ text: '€2,400,000.00', value: 2_400_000, currency: 'EUR' });
  });

  it('ignores invalid selectors and never throws on a garbage definition', () => {
    const adapter = createCustomAdapter({ ...definition, selectors: { stage: 'dd[', name: '' } });
    expect(read(adapter, 'deal-dl.html').extraction?.stage).toBe('Needs analysis');
    for (const garbage of [null, undefined, 42, 'x', [], { id: 'Bad Id!', hostPattern: '<all_urls>' }, { selectors: 'dd' }, { id: 'a'.repeat(40) }]) {
      const made = createCustomAdapter(garbage as unknown as CustomCrmDefinition);
      expect(made.matches).toEqual([]);
      expect(made.id).toBe('generic');
    }
    const noPattern = createCustomAdapter({ ...definition, hostPattern: 'http://crm.example.com/*' });
    expect(noPattern).toMatchObject({ id: 'custom-northwind', matches: [] });
  });
});

describe('hostile content', () => {
  const ref = { objectType: 'deals', recordId: '48213' };

  it('returns markup as literal text, runs nothing and never changes the page', () => {
    const doc = load('deal-messy.html');
    const before = doc.documentElement.outerHTML;
    const adapter = createCustomAdapter({ id: 'x', name: 'X', hostPattern: 'https://crm.example.com/*', selectors: { name: 'h1', contacts: '.contact-card' }, createdAt: 0 });
    const extraction = adapter.extract(adapter.findRecordRoot(doc, ref)!, ref);
    expect(extraction.fields.find((x) => x.label.startsWith('Notes'))).toEqual(f('Notes <b>internal</b>', '<script>alert("x")</script> stays text'));
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(doc.querySelectorAll('script, img')).toHaveLength(0);
  });
});
