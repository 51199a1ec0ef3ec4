import { describe, expect, it } from 'vitest';
import { formatPath } from '@/lib/domain/issues';
import { parsePlaybook } from './parse';
import type { PlaybookInput } from './schema';
import { minimalPlaybook } from './testing/minimal-playbook';

/** The paths of all problems of a playbook changed by `change`, as "a.b.0" strings. */
function problems(change: (playbook: PlaybookInput) => void): string[] {
  const playbook = minimalPlaybook();
  change(playbook);
  const parsed = parsePlaybook(playbook);
  return parsed.ok ? [] : parsed.issues.map((issue) => formatPath(issue.path));
}

describe('parsePlaybook', () => {
  it('accepts the minimal playbook and fills defaults', () => {
    const parsed = parsePlaybook(minimalPlaybook());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.stages[0]?.kind).toBe('pipeline');
    expect(parsed.value.teamRoles[0]?.skills).toEqual([]);
    expect(parsed.value.decisionRoles[0]?.requiredWhen).toEqual([]);
  });

  it('returns no playbook at all when anything is wrong, so nothing is half-applied', () => {
    const playbook = minimalPlaybook();
    playbook.requirements[0]!.category = 'nope';
    const parsed = parsePlaybook(playbook);
    expect(parsed).toEqual({ ok: false, issues: [expect.objectContaining({ path: ['requirements', 0, 'category'] })] });
    expect('value' in parsed).toBe(false);
  });

  it('names the path of a missing translation', () => {
    expect(problems((playbook) => delete (playbook.teamRoles[0]!.label as Partial<Record<string, string>>)['zh-CN'])).toEqual([
      'teamRoles.0.label.zh-CN',
    ]);
  });

  it('rejects unknown keys, so a typo does not silently drop a setting', () => {
    expect(problems((playbook) => Object.assign(playbook.thresholds, { staleAfterDay: 10 }))).toEqual(['thresholds']);
  });

  it('rejects a newer schema version with a message that says which one is read', () => {
    const playbook = { ...minimalPlaybook(), schemaVersion: 3 };
    const parsed = parsePlaybook(playbook);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([{ path: ['schemaVersion'], message: 'This extension reads playbook schema version 2.' }]);
  });

  it('checks references inside nested conditions, stage windows and stage rules, each at its path', () => {
    expect(
      problems((playbook) => {
        playbook.roleRules[0]!.when = { kind: 'all', conditions: [{ kind: 'not', condition: { kind: 'requirement-missing', requirement: 'nope' } }] };
        playbook.requirements[0]!.requiredUntil = 'open';
        (playbook as { stageRules?: unknown[] }).stageRules = [{ id: 'later', stage: 'gone', when: { kind: 'stage-reached', stage: 'bid' }, because: { en: 'x', 'zh-CN': 'x' } }];
      }),
    ).toEqual(['requirements.0.requiredUntil', 'roleRules.0.when.conditions.0.condition.requirement', 'stageRules.0.stage']);
  });

  it('rejects a currency that is not an ISO code, at the threshold key', () => {
    expect(
      problems((playbook) => {
        playbook.roleRules[0]!.when = { kind: 'amount-over', thresholds: { usd: 1_000_000 } };
      }),
    ).toEqual(['roleRules.0.when.thresholds.usd']);
  });

  it('rejects references to things the playbook does not define, each at its own path', () => {
    expect(
      problems((playbook) => {
        const [requirement] = playbook.requirements;
        requirement!.neededBy = ['ar', 'cfo'];
        requirement!.requiredFrom = 'lost';
        playbook.roleRules[0]!.role = 'sr';
        playbook.decisionRoles[0]!.requiredFrom = 'closing';
        playbook.decisionRoles[0]!.requiredWhen = [
          { when: { kind: 'requirement-mentions', requirement: 'tco', keywords: { en: ['fuel'] } }, because: { en: 'x', 'zh-CN': 'x' } },
          { when: { kind: 'decision-role-present', role: 'iqc' }, because: { en: 'x', 'zh-CN': 'x' } },
          { when: { kind: 'stage-reached', stage: 'won' }, because: { en: 'x', 'zh-CN': 'x' } },
        ];
      }).sort(),
    ).toEqual(
      [
        'requirements.0.neededBy.1',
        'requirements.0.requiredFrom',
        'roleRules.0.role',
        'decisionRoles.0.requiredFrom',
        'decisionRoles.0.requiredWhen.0.when.requirement',
        'decisionRoles.0.requiredWhen.1.when.role',
        'decisionRoles.0.requiredWhen.2.when.stage',
      ].sort(),
    );
  });

  it('rejects duplicate ids at the later entry', () => {
    expect(problems((playbook) => playbook.categories.push({ id: 'price', label: { en: 'Cost', 'zh-CN': '成本' } }))).toEqual([
      'categories.1.id',
    ]);
  });

  it('rejects a CRM stage name that would mean two stages, whatever its case or language list', () => {
    expect(
      problems((playbook) => {
        playbook.stages[1]!.crmNames = { salesforce: { en: ['Proposal/Price Quote'], 'zh-CN': ['  prospecting '] } };
      }),
    ).toEqual(['stages.1.crmNames.salesforce.zh-CN.0']);
  });

  it('allows the same stage name in different CRMs', () => {
    expect(problems((playbook) => (playbook.stages[1]!.crmNames = { zoho: { en: ['Prospecting'] } }))).toEqual([]);
  });

  it('rejects keyword conditions without a keyword, which could never fire', () => {
    expect(
      problems((playbook) => {
        playbook.roleRules[0]!.when = { kind: 'note-mentions', keywords: { en: [], 'zh-CN': [] } };
      }),
    ).toEqual(['roleRules.0.when.keywords']);
  });

  it('rejects a playbook whose stages are all "lost"', () => {
    expect(
      problems((playbook) => {
        playbook.stages = [{ id: 'lost', kind: 'lost', label: { en: 'Lost', 'zh-CN': '丢单' } }];
        playbook.requirements = [];
        playbook.roleRules = [];
        playbook.decisionRoles = [];
      }),
    ).toEqual(['stages']);
  });
});
