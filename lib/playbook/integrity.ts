import type { z } from '@/lib/zod/mini';
import { allKeywords, type LocalizedKeywords } from '@/lib/domain/localized-text';
import { normalizeName } from '@/lib/domain/normalize';
import type { Condition, Playbook } from './schema';

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/**
 * Checks what the shape alone cannot: unique ids, references between parts,
 * and CRM stage names that point at one stage only. Every problem is reported
 * at its own path so an admin can find it in the file.
 */
export function checkPlaybookIntegrity(playbook: Playbook, ctx: z.core.$RefinementCtx): void {
  const report: Report = (path, message) => ctx.addIssue({ code: 'custom', path, message });

  checkUniqueIds(playbook, report);

  const pipelineStages = new Set(playbook.stages.filter((stage) => stage.kind === 'pipeline').map((stage) => stage.id));
  if (pipelineStages.size === 0) report(['stages'], 'At least one stage must be a pipeline stage.');

  const known = {
    pipelineStage: pipelineStages,
    category: new Set(playbook.categories.map((category) => category.id)),
    teamRole: new Set(playbook.teamRoles.map((role) => role.id)),
    requirement: new Set(playbook.requirements.map((requirement) => requirement.id)),
    decisionRole: new Set(playbook.decisionRoles.map((role) => role.id)),
  };
  const expect = (kind: keyof typeof known, id: string, path: Path) => {
    if (!known[kind].has(id)) report(path, `Unknown ${DESCRIPTIONS[kind]} "${id}".`);
  };
  const checkCondition = (condition: Condition, path: Path) => {
    switch (condition.kind) {
      case 'stage-reached':
        return expect('pipelineStage', condition.stage, [...path, 'stage']);
      case 'amount-over':
        if (Object.keys(condition.thresholds).length === 0) report([...path, 'thresholds'], 'Give a threshold for at least one currency.');
        return;
      case 'requirement-mentions':
        expect('requirement', condition.requirement, [...path, 'requirement']);
        return expectKeywords(condition.keywords, [...path, 'keywords'], report);
      case 'record-field':
      case 'note-mentions':
        return expectKeywords(condition.keywords, [...path, 'keywords'], report);
      case 'decision-role-present':
        return expect('decisionRole', condition.role, [...path, 'role']);
      case 'requirement-missing':
        return expect('requirement', condition.requirement, [...path, 'requirement']);
      case 'field':
        if (condition.op === 'equals' && condition.values === undefined) report([...path, 'values'], 'Give the values to compare with.');
        if ((condition.op === 'greater-than' || condition.op === 'less-than') && condition.value === undefined) {
          report([...path, 'value'], 'Give the number to compare with.');
        }
        return;
      case 'all':
      case 'any':
        return condition.conditions.forEach((part, index) => checkCondition(part, [...path, 'conditions', index]));
      case 'not':
        return checkCondition(condition.condition, [...path, 'condition']);
    }
  };
  /** A stage window must not end before it starts. */
  const expectWindow = (from: string | undefined, until: string | undefined, path: Path) => {
    if (until === undefined) return;
    expect('pipelineStage', until, path);
    const order = [...pipelineStages];
    if (from !== undefined && order.includes(from) && order.includes(until) && order.indexOf(until) < order.indexOf(from)) {
      report(path, `"${until}" comes before "${from}": the window would be empty.`);
    }
  };

  playbook.requirements.forEach((requirement, index) => {
    const path = ['requirements', index];
    expect('category', requirement.category, [...path, 'category']);
    expect('pipelineStage', requirement.requiredFrom, [...path, 'requiredFrom']);
    expectWindow(requirement.requiredFrom, requirement.requiredUntil, [...path, 'requiredUntil']);
    if (requirement.collectedBy !== undefined) expect('teamRole', requirement.collectedBy, [...path, 'collectedBy']);
    requirement.neededBy.forEach((role, roleIndex) => expect('teamRole', role, [...path, 'neededBy', roleIndex]));
    requirement.notWith.forEach((other, otherIndex) => expect('requirement', other, [...path, 'notWith', otherIndex]));
  });
  playbook.roleRules.forEach((rule, index) => {
    expect('teamRole', rule.role, ['roleRules', index, 'role']);
    checkCondition(rule.when, ['roleRules', index, 'when']);
  });
  playbook.decisionRoles.forEach((role, index) => {
    if (role.requiredFrom !== undefined) expect('pipelineStage', role.requiredFrom, ['decisionRoles', index, 'requiredFrom']);
    expectWindow(role.requiredFrom, role.requiredUntil, ['decisionRoles', index, 'requiredUntil']);
    if (role.appliesWhen !== undefined) checkCondition(role.appliesWhen, ['decisionRoles', index, 'appliesWhen']);
    if (role.counterpart !== undefined) expect('teamRole', role.counterpart, ['decisionRoles', index, 'counterpart']);
    role.requiredWhen.forEach((reason, reasonIndex) =>
      checkCondition(reason.when, ['decisionRoles', index, 'requiredWhen', reasonIndex, 'when']),
    );
  });

  playbook.stageRules.forEach((rule, index) => {
    expect('pipelineStage', rule.stage, ['stageRules', index, 'stage']);
    checkCondition(rule.when, ['stageRules', index, 'when']);
  });

  playbook.examples.forEach((example, index) => {
    example.proposes.forEach((expected, expectedIndex) => expect('requirement', expected.requirement, ['examples', index, 'proposes', expectedIndex, 'requirement']));
    example.mustNotPropose.forEach((id, idIndex) => expect('requirement', id, ['examples', index, 'mustNotPropose', idIndex]));
  });

  checkCrmStageNames(playbook, report);
}

const DESCRIPTIONS = {
  pipelineStage: 'pipeline stage',
  category: 'category',
  teamRole: 'team role',
  requirement: 'requirement',
  decisionRole: 'decision-chain role',
} as const;

const COLLECTIONS = ['stages', 'categories', 'requirements', 'teamRoles', 'roleRules', 'decisionRoles', 'stageRules'] as const;

function checkUniqueIds(playbook: Playbook, report: Report): void {
  for (const collection of COLLECTIONS) {
    const seen = new Set<string>();
    playbook[collection].forEach((item, index) => {
      if (seen.has(item.id)) report([collection, index, 'id'], `Duplicate id "${item.id}".`);
      seen.add(item.id);
    });
  }
}

function expectKeywords(keywords: LocalizedKeywords, path: Path, report: Report): void {
  if (allKeywords(keywords).length === 0) report(path, 'Give at least one keyword (en or zh-CN).');
}

/** Within one CRM a stage name must mean one stage, whatever the org language, or the mapping would be a guess. */
function checkCrmStageNames(playbook: Playbook, report: Report): void {
  const owners = new Map<string, string>(); // `${crm}\u0000${name}` -> stage id
  playbook.stages.forEach((stage, stageIndex) => {
    for (const [crm, byLocale] of Object.entries(stage.crmNames)) {
      for (const [locale, names] of Object.entries(byLocale)) {
        names.forEach((name, nameIndex) => {
          const key = `${crm}\u0000${normalizeName(name)}`;
          const owner = owners.get(key);
          if (owner !== undefined && owner !== stage.id) {
            report(
              ['stages', stageIndex, 'crmNames', crm, locale, nameIndex],
              `"${name}" already maps to stage "${owner}" for ${crm}.`,
            );
          }
          owners.set(key, owner ?? stage.id);
        });
      }
    }
  });
}
