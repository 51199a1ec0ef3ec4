import { describe, expect, it } from 'vitest';
import { analyzeDeal } from '@/lib/engines/analyze';
import { dealInput, record } from '@/lib/engines/testing/fixtures';
import { migratePlaybook } from './migrate';
import { parsePlaybook } from './parse';
import { PLAYBOOK_SCHEMA_VERSION } from './schema';
import playbookV1 from './testing/default-playbook-v1.json';

// Old data: the default playbook as version 1 shipped it (and as admins
// exported, edited and imported it, or pushed it as a managed policy).
describe('playbook schema migration', () => {
  it('reads a version 1 playbook, keeping every id that stored data refers to', () => {
    const parsed = parsePlaybook(playbookV1);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    if (!parsed.ok) return;
    expect(parsed.value.schemaVersion).toBe(PLAYBOOK_SCHEMA_VERSION);
    const ids = (items: { id: string }[]) => items.map((item) => item.id);
    expect(ids(parsed.value.requirements)).toEqual(ids(playbookV1.requirements));
    expect(ids(parsed.value.teamRoles)).toEqual(ids(playbookV1.teamRoles));
    expect(ids(parsed.value.decisionRoles)).toEqual(ids(playbookV1.decisionRoles));
    expect(ids(parsed.value.stages)).toEqual(ids(playbookV1.stages));
  });

  it('keeps what a version 1 playbook meant: each mapped CRM field still satisfies its requirement', () => {
    const migrated = migratePlaybook(playbookV1) as typeof playbookV1 & { requirements: { crmFields: unknown[] }[] };
    expect(migrated.requirements[0]!.crmFields).toEqual([
      { field: 'Description', satisfies: true },
      { field: '描述', satisfies: true },
      { field: 'Business Pain', satisfies: true },
      { field: '业务痛点', satisfies: true },
    ]);
    const parsed = parsePlaybook(playbookV1);
    if (!parsed.ok) throw new Error('version 1 playbook did not parse');
    const analysis = analyzeDeal(
      dealInput({ playbook: parsed.value, record: record({ stage: 'Qualification', fields: [{ label: 'Description', value: 'Upgrade 40 sites' }] }) }),
    );
    expect(analysis.requirements.fields.find((field) => field.requirementId === 'business-pain')!.status).toBe('captured');
  });

  it('leaves the input untouched, and a current or unknown shape as it is', () => {
    const before = structuredClone(playbookV1);
    migratePlaybook(playbookV1);
    expect(playbookV1).toEqual(before);
    const current = { schemaVersion: PLAYBOOK_SCHEMA_VERSION, id: 'x' };
    expect(migratePlaybook(current)).toBe(current);
    expect(migratePlaybook('text')).toBe('text');
    expect(migratePlaybook([1])).toEqual([1]);
  });
});
