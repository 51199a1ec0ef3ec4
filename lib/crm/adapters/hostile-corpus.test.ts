// @vitest-environment happy-dom
// Every adapter reads a real fixture whose record name, field values and
// contacts carry the shared XSS corpus (docs/security.md, threat T1): the
// snapshot still validates, every text is capped at MAX_TEXT, and nothing on
// the page is parsed or run.
import { describe, expect, it } from 'vitest';
import { CANARY, POISON_ORDER, poisonValues } from '@/test/support/xss-corpus.mjs';
import type { CrmAdapter } from '@/lib/crm/adapter';
import { MAX_CONTACTS, MAX_FIELDS, MAX_TEXT } from '@/lib/crm/limits';
import { readPage } from '@/lib/crm/read-page';
import { RecordSnapshotSchema, type RecordSnapshot } from '@/lib/crm/snapshot';
import { dynamicsAdapter } from './dynamics';
import { createGenericAdapter } from './generic';
import { hubspotAdapter } from './hubspot';
import { odooAdapter } from './odoo';
import { pipedriveAdapter } from './pipedrive';
import { salesforceAdapter } from './salesforce';
import { fixturesOf } from './testing/fixtures';
import { zohoAdapter } from './zoho';

const CASES: { crm: string; file: string; adapter: CrmAdapter }[] = [
  { crm: 'salesforce', file: 'opportunity-en.html', adapter: salesforceAdapter },
  { crm: 'dynamics', file: 'opportunity-en.html', adapter: dynamicsAdapter },
  { crm: 'hubspot', file: 'deal-en.html', adapter: hubspotAdapter },
  { crm: 'pipedrive', file: 'deal-en.html', adapter: pipedriveAdapter },
  { crm: 'zoho', file: 'deal-en.html', adapter: zohoAdapter },
  { crm: 'odoo', file: 'lead-en.html', adapter: odooAdapter },
  { crm: 'generic', file: 'deal-dl.html', adapter: createGenericAdapter({ matches: ['https://crm.example.com/*'] }) },
];

/** The values a reader took from the page: the parts the corpus must reach. */
function valuesOf(snapshot: RecordSnapshot): string[] {
  return [snapshot.name, ...snapshot.fields.map((field) => field.value), ...snapshot.contacts.flatMap((c) => [c.name, c.title, c.role, c.email])].filter(
    (value): value is string => typeof value === 'string' && value !== '',
  );
}

const allStrings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(allStrings) : [];

const elementCount = (doc: Document) => doc.getElementsByTagName('*').length;

describe.each(CASES)('$crm adapter on a page full of hostile values', ({ crm, file, adapter }) => {
  const { load, urlOf } = fixturesOf(crm);

  it('reads them as capped, valid text and runs none of them', () => {
    const url = urlOf(file);
    const clean = readPage(adapter, url, load(file), 1).state;
    if (clean.kind !== 'record') throw new Error(`${crm}/${file} is no record`);

    const doc = load(file);
    const win = doc.defaultView as unknown as Record<string, unknown>;
    const title = doc.title;
    // The body only: the document's <title> repeats the record name but is not read.
    const poisoned = poisonValues(doc.body, { values: valuesOf(clean.snapshot), labels: clean.snapshot.fields.map((field) => field.label), texts: POISON_ORDER });
    expect(poisoned).toBeGreaterThan(5);
    const elements = elementCount(doc);

    const state = readPage(adapter, url, doc, 2).state;
    expect(state.kind).toBe('record');
    if (state.kind !== 'record') return;
    const { snapshot } = state;

    expect(RecordSnapshotSchema.safeParse(snapshot).success).toBe(true);
    for (const text of allStrings({ ...snapshot, url: '' })) expect(text.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(snapshot.fields.length).toBeLessThanOrEqual(MAX_FIELDS);
    expect(snapshot.contacts.length).toBeLessThanOrEqual(MAX_CONTACTS);

    // The corpus reached the record name, the field values and every contact.
    expect(snapshot.name).not.toBe(clean.snapshot.name);
    const changed = snapshot.fields.filter((field, i) => field.value !== clean.snapshot.fields[i]?.value);
    expect(changed.length).toBeGreaterThanOrEqual(Math.ceil(clean.snapshot.fields.length / 2));
    expect(snapshot.contacts).toHaveLength(clean.snapshot.contacts.length);
    snapshot.contacts.forEach((contact, i) => expect(contact.name).not.toBe(clean.snapshot.contacts[i]?.name));
    // At least one value was the 100 000-character string, cut and flagged.
    expect(allStrings(snapshot).some((text) => text.length === MAX_TEXT && text.endsWith('…'))).toBe(true);

    // Read as text: the page gained no element, nothing ran.
    expect(elementCount(doc)).toBe(elements);
    expect(win[CANARY.global]).toBeUndefined();
    expect(doc.title).toBe(title);
  });
});
