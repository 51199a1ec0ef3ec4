// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CONTACTS, MAX_FIELDS, MAX_TEXT } from '@/lib/crm/limits';
import { EXPECTED_PARTS, RecordSnapshotSchema, type RecordField } from '@/lib/crm/snapshot';
import { ContactList, PART_ORDER, attempt, contactFromPairs, emptyExtraction, extractionOf, isCurrencyCode, mergeFields, partValue, type RecordRead } from './common';

const f = (label: string, value: string, apiName?: string): RecordField => (apiName ? { label, value, apiName } : { label, value });
const noParts = { name: '', stage: '', amount: '', closeDate: '', owner: '', account: '' };

describe('attempt', () => {
  it('returns what the read returns', () => {
    expect(attempt(() => 'Acme', '')).toBe('Acme');
  });

  it('returns the fallback when the read throws', () => {
    expect(
      attempt(() => {
        throw new Error('detached node');
      }, 'fallback'),
    ).toBe('fallback');
  });
});

describe('emptyExtraction', () => {
  it('lists every expected part as missing, in the schema order', () => {
    expect(PART_ORDER).toEqual(EXPECTED_PARTS);
    expect(emptyExtraction()).toEqual({ fields: [], contacts: [], missing: [...EXPECTED_PARTS] });
  });

  it('gives a new object each time, so a caller that fills one does not fill the next', () => {
    const first = emptyExtraction();
    first.missing.pop();
    first.fields.push(f('Stage', 'Won'));
    expect(emptyExtraction()).toEqual({ fields: [], contacts: [], missing: [...EXPECTED_PARTS] });
  });
});

describe('extractionOf', () => {
  const read = (over: Partial<RecordRead> = {}): RecordRead => ({ parts: noParts, fields: [], contacts: [], ...over });

  it('keeps the parts found and lists the others as missing, in the schema order', () => {
    const extraction = extractionOf(read({ parts: { ...noParts, account: 'Acme', name: 'Big deal', owner: 'Ana' } }));
    expect(extraction).toEqual({ name: 'Big deal', owner: 'Ana', account: 'Acme', fields: [], contacts: [], missing: ['stage', 'amount', 'closeDate'] });
  });

  it('parses the amount', () => {
    expect(extractionOf(read({ parts: { ...noParts, amount: 'EUR 1.250.000,00' } })).amount).toEqual({ text: 'EUR 1.250.000,00', value: 1250000, currency: 'EUR' });
  });

  it('takes the currency of a separate currency field when the amount shows a symbol several currencies use', () => {
    expect(extractionOf(read({ parts: { ...noParts, amount: '$1,000.00' }, currency: 'CAD' })).amount).toEqual({ text: '$1,000.00', value: 1000, currency: 'CAD' });
  });

  it('keeps the currency the amount names over the currency field, and ignores a currency field that is no ISO code', () => {
    expect(extractionOf(read({ parts: { ...noParts, amount: 'USD 5.00' }, currency: 'EUR' })).amount?.currency).toBe('USD');
    expect(extractionOf(read({ parts: { ...noParts, amount: '$5.00' }, currency: 'US Dollar' })).amount).toEqual({ text: '$5.00', value: 5, currency: 'USD', currencyAssumed: true });
    // Three capitals that are no ISO 4217 code (an org's own currency record, "Dollar (INT)").
    expect(extractionOf(read({ parts: { ...noParts, amount: '$5.00' }, currency: 'INT' })).amount).toEqual({ text: '$5.00', value: 5, currency: 'USD', currencyAssumed: true });
  });

  it('knows ISO 4217 codes from the browser', () => {
    expect(['USD', 'EUR', 'CNY', 'JPY', 'CHF'].every(isCurrencyCode)).toBe(true);
    expect(['INT', 'RMB', 'usd', 'US$', 'USDT', ''].some(isCurrencyCode)).toBe(false);
  });

  it('takes a bare "$" for USD, marked as assumed, and guesses nothing for a symbol several currencies share', () => {
    expect(extractionOf(read({ parts: { ...noParts, amount: '$2,350,000.00' } })).amount).toEqual({ text: '$2,350,000.00', value: 2_350_000, currency: 'USD', currencyAssumed: true });
    expect(extractionOf(read({ parts: { ...noParts, amount: '¥8,000,000' } })).amount).toEqual({ text: '¥8,000,000', value: 8_000_000 });
    expect(extractionOf(read({ parts: { ...noParts, amount: 'Ongoing' } })).amount?.currency).toBeUndefined();
  });

  it('says which contact details no contact carries, and nothing when there are no contacts', () => {
    const named = { name: 'Ana' };
    expect(extractionOf(read({ contacts: [] })).unreadContactDetails).toBeUndefined();
    expect(extractionOf(read({ contacts: [named, { name: 'Bo' }] })).unreadContactDetails).toEqual(['title', 'role', 'email']);
    expect(extractionOf(read({ contacts: [named, { name: 'Bo', role: 'Decision Maker', email: 'bo@acme.example' }] })).unreadContactDetails).toEqual(['title']);
    expect(extractionOf(read({ contacts: [{ name: 'Bo', title: 'CTO', role: 'Influencer' }] })).unreadContactDetails).toEqual(['email']);
    expect(extractionOf(read({ contacts: [{ name: 'Bo', title: 'CTO', role: 'Influencer', email: 'bo@acme.example' }] })).unreadContactDetails).toBeUndefined();
  });

  it('reports a part that is only whitespace as missing and collapses the whitespace of the others', () => {
    const extraction = extractionOf(read({ parts: { ...noParts, name: ' \n ', stage: '  Closed\u00a0 Won ' } }));
    expect(extraction.name).toBeUndefined();
    expect(extraction.stage).toBe('Closed Won');
    expect(extraction.missing).toContain('name');
  });

  it('cuts values at MAX_TEXT and the lists at their maximum, so a snapshot always passes the schema', () => {
    const fields = Array.from({ length: MAX_FIELDS + 3 }, (_, i) => f(`Field ${i}`, String(i)));
    const contacts = Array.from({ length: MAX_CONTACTS + 3 }, (_, i) => ({ name: `Person ${i}` }));
    const extraction = extractionOf(read({ parts: { ...noParts, name: 'x'.repeat(MAX_TEXT * 2) }, fields, contacts }));
    expect(extraction.name).toHaveLength(MAX_TEXT);
    expect(extraction.name?.endsWith('…')).toBe(true);
    expect(extraction.fields).toHaveLength(MAX_FIELDS);
    expect(extraction.contacts).toHaveLength(MAX_CONTACTS);
    const snapshot = { ...extraction, crm: 'test', adapter: 'test', host: 'crm.example.com', url: 'https://crm.example.com/1', objectType: 'deal', recordId: '1', readAt: 0 };
    expect(RecordSnapshotSchema.safeParse(snapshot).success).toBe(true);
  });
});

describe('mergeFields', () => {
  it('keeps one field per API name: the first label, the first non-empty value', () => {
    expect(mergeFields([f('Amount', '', 'amount'), f('Deal amount', '$5', 'amount'), f('Amount', '$6', 'amount')])).toEqual([f('Amount', '$5', 'amount')]);
  });

  it('keeps one field per label among fields without an API name, labels compared as labels', () => {
    expect(mergeFields([f('Stage:', ''), f('stage', 'Won'), f('STAGE', 'Lost')])).toEqual([f('Stage:', 'Won')]);
  });

  it('merges a label without an API name into the field with one, either way round', () => {
    expect(mergeFields([f('Amount', '$5', 'Amount'), f('Amount', '$5')])).toEqual([f('Amount', '$5', 'Amount')]);
    expect(mergeFields([f('Amount', '$5'), f('Amount', '', 'Amount')])).toEqual([f('Amount', '$5', 'Amount')]);
  });

  it('never merges two API names, whatever their labels', () => {
    expect(mergeFields([f('Owner', 'Ana', 'OwnerId'), f('Owner', 'Li', 'Owner__c')])).toEqual([f('Owner', 'Ana', 'OwnerId'), f('Owner', 'Li', 'Owner__c')]);
  });

  it('keeps page order and stops at MAX_FIELDS, where repeats may still fill a kept field', () => {
    const entries = [f('First', ''), ...Array.from({ length: MAX_FIELDS + 5 }, (_, i) => f(`Field ${i}`, String(i))), f('First', 'late')];
    const fields = mergeFields(entries);
    expect(fields).toHaveLength(MAX_FIELDS);
    expect(fields[0]).toEqual(f('First', 'late'));
    expect(fields[1]).toEqual(f('Field 0', '0'));
  });

  it('does not change the entries it is given', () => {
    const entries = [f('Stage', ''), f('Stage', 'Won', 'stage')];
    mergeFields(entries);
    expect(entries).toEqual([f('Stage', ''), f('Stage', 'Won', 'stage')]);
  });

  describe('with ambiguous labels (pages no adapter knows)', () => {
    const merge = (entries: RecordField[]) => mergeFields(entries, { ambiguousLabels: true });

    it('keeps a repeated label with another value as another field', () => {
      expect(merge([f('Name', 'Big deal'), f('Name', 'Priya Raman')])).toEqual([f('Name', 'Big deal'), f('Name', 'Priya Raman')]);
    });

    it('merges a repeat with the same value, or an empty one on either side', () => {
      expect(merge([f('Name', 'Big deal'), f('name:', 'Big deal'), f('Stage', ''), f('Stage', 'Won'), f('Stage', '')])).toEqual([f('Name', 'Big deal'), f('Stage', 'Won')]);
    });

    it('uses API names only to keep fields apart', () => {
      expect(merge([f('Sports', 'true', 'interests'), f('Music', 'false', 'interests')])).toEqual([f('Sports', 'true', 'interests'), f('Music', 'false', 'interests')]);
      expect(merge([f('Stage', 'Won', 'a'), f('Stage', 'Won', 'b'), f('Stage', 'Won')])).toEqual([f('Stage', 'Won', 'a'), f('Stage', 'Won', 'b')]);
    });
  });
});

describe('partValue', () => {
  const spec = { apiNames: ['salesstage', 'stepname'], labels: ['Sales Stage', '销售阶段'] };

  it('reads the part by its API names in their order, not in page order', () => {
    expect(partValue([f('Pipeline Phase', '2-Develop', 'stepname'), f('Sales Stage', 'Develop', 'salesstage')], spec)).toBe('Develop');
  });

  it('passes over empty values', () => {
    expect(partValue([f('Sales Stage', '', 'salesstage'), f('Pipeline Phase', '2-Develop', 'stepname')], spec)).toBe('2-Develop');
  });

  it('falls back to the labels, in another spelling', () => {
    expect(partValue([f('Topic', 'Big deal', 'name'), f('sales stage:', 'Propose')], spec)).toBe('Propose');
    expect(partValue([f('销售阶段', '提议')], { labels: ['Sales Stage', '销售阶段'] })).toBe('提议');
  });

  it('can leave named fields to their names, so a label finds only unnamed fields', () => {
    const entries = [f('Sales Stage', 'Qualify', 'new_reviewstage'), f('Sales Stage', 'Develop')];
    expect(partValue(entries, spec)).toBe('Qualify');
    expect(partValue(entries, spec, { labelsFindUnnamedOnly: true })).toBe('Develop');
    expect(partValue([f('Sales Stage', 'Qualify', 'new_reviewstage')], spec, { labelsFindUnnamedOnly: true })).toBe('');
  });

  it('is "" when nothing matches', () => {
    expect(partValue([f('Topic', 'Big deal', 'name'), f('Sales Stage', '')], spec)).toBe('');
    expect(partValue([], spec)).toBe('');
  });
});

describe('contactFromPairs', () => {
  const columns = { name: ['Contact Name', '姓名'], title: ['Title'], role: ['Role'], email: ['Email'] };

  it('reads each part from its column, labels in another spelling', () => {
    expect(contactFromPairs([['contact name:', 'Priya Raman'], ['Title', 'CFO'], ['ROLE', 'Decision Maker'], ['Email', 'priya@example.com'], ['Phone', '555']], columns)).toEqual({
      name: 'Priya Raman',
      title: 'CFO',
      role: 'Decision Maker',
      email: 'priya@example.com',
    });
  });

  it('keeps the first value of a column and passes over empty ones', () => {
    expect(contactFromPairs([['姓名', ''], ['姓名', '王芳'], ['Title', 'CTO'], ['Title', 'CEO']], columns)).toEqual({ name: '王芳', title: 'CTO' });
  });

  it('prefers a name the caller gives over the name column', () => {
    expect(contactFromPairs([['Contact Name', 'P. Raman'], ['Title', 'CFO']], columns, 'Priya Raman')).toEqual({ name: 'Priya Raman', title: 'CFO' });
    expect(contactFromPairs([['Contact Name', 'P. Raman']], columns, '')).toEqual({ name: 'P. Raman' });
  });

  it('is null without a name', () => {
    expect(contactFromPairs([['Title', 'CFO'], ['Email', 'cfo@example.com']], columns)).toBeNull();
  });

  it('leaves roles out when the columns name none', () => {
    expect(contactFromPairs([['Contact Name', 'Ana'], ['Role', 'Champion']], { name: ['Contact Name'], title: ['Title'], email: ['Email'] })).toEqual({ name: 'Ana' });
  });
});

describe('ContactList', () => {
  it('keeps each person once, by name compared as labels are, the first one completed by repeats', () => {
    const list = new ContactList();
    list.add({ name: 'Priya Raman', title: 'CFO' });
    list.add({ name: 'Wang Fang' });
    list.add({ name: 'priya  raman', title: 'CEO', email: 'priya@example.com' });
    expect(list.contacts).toEqual([{ name: 'Priya Raman', title: 'CFO', email: 'priya@example.com' }, { name: 'Wang Fang' }]);
  });

  it('keys people by what the caller gives, so two people of one name stay apart', () => {
    const list = new ContactList();
    list.add({ name: 'Ana Silva' }, 'person:1');
    list.add({ name: 'Ana Silva', role: 'Champion' }, 'person:2');
    list.add({ name: 'A. Silva', email: 'ana@example.com' }, 'person:1');
    expect(list.contacts).toEqual([{ name: 'Ana Silva', email: 'ana@example.com' }, { name: 'Ana Silva', role: 'Champion' }]);
  });

  it('stops at MAX_CONTACTS and says so, while repeats still complete the kept ones', () => {
    const list = new ContactList();
    for (let i = 0; i < MAX_CONTACTS; i += 1) expect(list.add({ name: `Person ${i}` })).toBe(true);
    expect(list.add({ name: 'One too many' })).toBe(false);
    expect(list.add({ name: 'Person 0', email: 'p0@example.com' })).toBe(true);
    expect(list.contacts).toHaveLength(MAX_CONTACTS);
    expect(list.contacts[0]).toEqual({ name: 'Person 0', email: 'p0@example.com' });
  });
});

// --- What the content scripts bundle -------------------------------------------------------------

describe('adapters run in the page without zod or app code', () => {
  const repo = resolve(__dirname, '..', '..', '..');

  /** Files reached from `file` through imports and re-exports that are not `import type` / `export type`. */
  function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
      const specifier = match[1] as string;
      const inRepo = specifier.startsWith('@/');
      if (!specifier.startsWith('.') && !inRepo) {
        seen.add(specifier);
        continue;
      }
      const target = inRepo ? join(repo, specifier.slice(2)) : resolve(dirname(file), specifier);
      runtimeImports(existsSync(`${target}.ts`) ? `${target}.ts` : join(target, 'index.ts'), seen);
    }
    return seen;
  }

  const reachedFrom = (file: string) => [...runtimeImports(join(__dirname, file))].map((x) => x.replace(`${repo}/`, '')).sort();

  it('common.ts reaches only the text helpers and the limits', () => {
    expect(reachedFrom('common.ts')).toEqual(['lib/crm/adapters/common.ts', 'lib/crm/limits.ts', 'lib/crm/parse.ts']);
  });

  it('generic/ reaches only its own files and the shared helpers', () => {
    const reached = reachedFrom('generic/index.ts');
    expect(reached.filter((file) => !file.startsWith('lib/crm/adapters/generic/'))).toEqual(['lib/crm/adapters/common.ts', 'lib/crm/dom.ts', 'lib/crm/limits.ts', 'lib/crm/parse.ts']);
    expect(reached).toContain('lib/crm/adapters/generic/adapter.ts');
    expect(reached).not.toContain('lib/crm/adapters/generic/testing.ts');
  });

  it('the user-defined CRMs\' adapter reaches only its definition, generic/ and the shared helpers (no schema, no store)', () => {
    const reached = reachedFrom('../../custom-crm/adapter.ts');
    const shared = ['lib/crm/adapters/common.ts', 'lib/crm/dom.ts', 'lib/crm/limits.ts', 'lib/crm/parse.ts', 'lib/custom-crm/adapter.ts', 'lib/custom-crm/definition.ts'];
    expect(reached.filter((file) => !file.startsWith('lib/crm/adapters/generic/'))).toEqual(shared);
    expect(reached).toContain('lib/crm/adapters/generic/adapter.ts');
  });

  it.each(['salesforce', 'dynamics', 'hubspot', 'pipedrive', 'zoho', 'odoo'])('%s.ts reaches only its selectors, the shared helpers and the host patterns', (crm) => {
    const shared = ['lib/crm/adapters/common.ts', 'lib/crm/dom.ts', 'lib/crm/hosts.ts', 'lib/crm/limits.ts', 'lib/crm/parse.ts'];
    const own = [`lib/crm/adapters/${crm}.ts`, `lib/crm/adapters/${crm}.selectors.ts`];
    const reached = reachedFrom(`${crm}.ts`);
    expect(reached.filter((file) => !shared.includes(file) && !own.includes(file))).toEqual([]);
    expect(reached).toContain('lib/crm/adapters/common.ts');
  });
});
