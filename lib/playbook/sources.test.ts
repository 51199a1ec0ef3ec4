import { describe, expect, it } from 'vitest';
import { explain } from '@/lib/domain/explain';
import { DEFAULT_PLAYBOOK } from './default-playbook';
import { resolvePlaybook } from './sources';
import { minimalPlaybook } from './testing/minimal-playbook';

const managed = { ...minimalPlaybook(), id: 'managed' };
const imported = { ...minimalPlaybook(), id: 'imported' };
const broken = { ...minimalPlaybook(), id: 'Broken Id', thresholds: { staleAfterDays: 0, minEngagedContacts: 2 } };

describe('resolvePlaybook', () => {
  it('uses the default when nothing else is set', () => {
    expect(resolvePlaybook({ default: DEFAULT_PLAYBOOK })).toEqual({ playbook: DEFAULT_PLAYBOOK, source: 'default', warnings: [] });
  });

  it('prefers the managed policy over an import, as IT decides for the organisation', () => {
    const resolved = resolvePlaybook({ default: DEFAULT_PLAYBOOK, imported, managed });
    expect([resolved.source, resolved.playbook.id, resolved.warnings]).toEqual(['managed', 'managed', []]);
  });

  it('reads a policy given as JSON text', () => {
    const resolved = resolvePlaybook({ default: DEFAULT_PLAYBOOK, managed: JSON.stringify(managed) });
    expect([resolved.source, resolved.playbook.id]).toEqual(['managed', 'managed']);
  });

  it('uses an import when no policy is set', () => {
    expect(resolvePlaybook({ default: DEFAULT_PLAYBOOK, imported, managed: undefined }).source).toBe('imported');
  });

  it('falls back from an invalid policy to the import, with a warning that carries every error path', () => {
    const resolved = resolvePlaybook({ default: DEFAULT_PLAYBOOK, imported, managed: broken });
    expect(resolved.source).toBe('imported');
    expect(resolved.warnings).toHaveLength(1);
    expect(resolved.warnings[0]!.source).toBe('managed');
    expect(resolved.warnings[0]!.issues.map((issue) => issue.path)).toEqual([['id'], ['thresholds', 'staleAfterDays']]);
    expect(explain(resolved.warnings[0]!.explanation, 'en')).toMatch(/^The managed \(IT policy\) playbook has 2 problems \(first: id: .+\); using the imported playbook\.$/);
  });

  it('falls back to the default when both are invalid, and warns about both', () => {
    const resolved = resolvePlaybook({ default: DEFAULT_PLAYBOOK, imported: broken, managed: '{"schemaVersion": 1,' });
    expect(resolved.playbook).toBe(DEFAULT_PLAYBOOK);
    expect(resolved.warnings.map((warning) => warning.source)).toEqual(['managed', 'imported']);
    expect(resolved.warnings[0]!.explanation.key).toBe('playbookSource.invalidJson');
    expect(explain(resolved.warnings[0]!.explanation, 'zh-CN')).toMatch(/^托管（IT 策略）打法不是有效的 JSON（.+），改用默认打法。$/);
    expect(explain(resolved.warnings[1]!.explanation, 'en')).toContain('using the default playbook');
  });

  it('gives the same playbook object for the same text, so what the engines derive from it is kept between analyses', () => {
    const text = JSON.stringify({ ...DEFAULT_PLAYBOOK, id: 'same-text' });
    const first = resolvePlaybook({ default: DEFAULT_PLAYBOOK, imported: text });
    const again = resolvePlaybook({ default: DEFAULT_PLAYBOOK, imported: text });
    expect(again.playbook).toBe(first.playbook);
    expect(resolvePlaybook({ default: DEFAULT_PLAYBOOK, imported: JSON.stringify({ ...DEFAULT_PLAYBOOK, id: 'other-text' }) }).playbook).not.toBe(first.playbook);
  });
});
