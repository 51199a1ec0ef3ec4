import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import { playbookJsonSchema } from '@/lib/playbook/json-schema';
import { parsePlaybook } from '@/lib/playbook/parse';
import { PageRuleSchema, type PageRule } from './schema';
import { parsePolicyRules, rulesForFile, rulesFromFile, withRules, type PageRuleInFile } from './file';

const inFile = (overrides: Partial<PageRuleInFile> = {}): PageRuleInFile => ({
  crm: 'pipedrive',
  host: 'acme.pipedrive.com',
  objectType: 'deal',
  part: 'stage',
  locator: { kind: 'selector', selector: '[data-testid="deal-stage"]' },
  ...overrides,
});
const stored = (id: string, overrides: Partial<PageRule> = {}): PageRule => ({ id, ...inFile(), origin: 'user', createdAt: 1, ...overrides });

describe('page rules in the playbook file', () => {
  it('an older playbook without page rules is still read', () => {
    const parsed = parsePlaybook(DEFAULT_PLAYBOOK);
    expect(parsed.ok && parsed.value.pageRules).toBeUndefined();
  });

  it('reads the rules a playbook carries', () => {
    const rules = [inFile(), inFile({ host: '*', part: 'amount', locator: { kind: 'beside-label', label: 'Deal value' } })];
    const parsed = parsePlaybook({ ...DEFAULT_PLAYBOOK, pageRules: rules });
    expect(parsed.ok && parsed.value.pageRules).toEqual(rules);
  });

  it.each([
    ['a class selector', inFile({ locator: { kind: 'selector', selector: '.cui5-stage' } }), ['pageRules', 0, 'locator']],
    ['a selector list', inFile({ locator: { kind: 'selector', selector: 'main, body' } }), ['pageRules', 0, 'locator']],
    ['nested :has()', inFile({ locator: { kind: 'selector', selector: 'div:has(p:has(b))' } }), ['pageRules', 0, 'locator']],
    ['a label of controls only', inFile({ locator: { kind: 'beside-label', label: '\u202e\u202e' } }), ['pageRules', 0, 'locator']],
    ['a part that is not one', { ...inFile(), part: 'contacts' }, ['pageRules', 0, 'part']],
    ['a host with a path', inFile({ host: 'acme.pipedrive.com/deal' }), ['pageRules', 0, 'host']],
    ['a rule naming its own origin', { ...inFile(), origin: 'policy' }, ['pageRules', 0]],
  ])('refuses the whole playbook for %s, saying where', (_, bad, path) => {
    const parsed = parsePlaybook({ ...DEFAULT_PLAYBOOK, pageRules: [inFile(), bad].reverse() });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((issue) => issue.path)).toContainEqual(path);
  });

  it('has the rules in the exported JSON Schema', () => {
    const schema = playbookJsonSchema() as { properties: Record<string, unknown> };
    expect(schema.properties.pageRules).toMatchObject({ type: 'array' });
  });

  it('writes rules without id, origin or date, and takes them in as imported rules', () => {
    const file = rulesForFile([stored('a'), stored('b', { origin: 'import', part: 'owner' })]);
    expect(file).toEqual([inFile(), inFile({ part: 'owner' })]);
    const taken = rulesFromFile(file, 'import', 5, (index) => `id-${index}`);
    expect(taken).toEqual([stored('id-0', { origin: 'import', createdAt: 5 }), stored('id-1', { origin: 'import', createdAt: 5, part: 'owner' })]);
    for (const rule of taken) expect(PageRuleSchema.safeParse(rule).success).toBe(true);
  });
});

describe('withRules', () => {
  it('puts each added rule in place of the earlier rule for the same CRM, host, record type and part', () => {
    const before = [stored('old'), stored('amount', { part: 'amount' }), stored('all-hosts', { host: '*' }), stored('account', { objectType: 'lead' })];
    const after = withRules(before, [stored('new'), stored('newer')]);
    expect(after.map((rule) => rule.id)).toEqual(['amount', 'all-hosts', 'account', 'newer']);
  });
});

describe('page rules in the managed policy', () => {
  it('reads them from JSON text or an array, as policy rules with stable ids', () => {
    const rules = [inFile(), inFile({ part: 'owner', locator: { kind: 'beside-label', label: '负责人' } })];
    const fromText = parsePolicyRules(JSON.stringify(rules));
    expect(fromText).toEqual({ ok: true, value: [stored('policy-1', { origin: 'policy', createdAt: 0 }), stored('policy-2', { origin: 'policy', createdAt: 0, part: 'owner', locator: { kind: 'beside-label', label: '负责人' } })] });
    expect(parsePolicyRules(rules)).toEqual(fromText);
  });

  it('uses none of them when one is invalid, and says why', () => {
    const parsed = parsePolicyRules([inFile(), inFile({ locator: { kind: 'selector', selector: 'a:hover' } })]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]?.path).toEqual([1, 'locator']);
    expect(parsePolicyRules('[{"crm":')).toMatchObject({ ok: false, issues: [{ path: [] }] });
    expect(parsePolicyRules({ not: 'a list' }).ok).toBe(false);
  });
});
