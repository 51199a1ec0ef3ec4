import { allKeywords } from '@/lib/domain/localized-text';
import { normalizeName } from '@/lib/domain/normalize';
import type { Condition, DecisionRole, Playbook, Requirement, Stage, TeamRole } from '@/lib/playbook/schema';
import { compileKeywordMatcher, type KeywordMatcher } from '@/lib/text/keyword-matcher';

type NoteCondition = Extract<Condition, { kind: 'note-mentions' }>;
/** What a note can be evidence for: a requirement (via its keywords) or a `note-mentions` condition. */
export type NoteTopic = Requirement | NoteCondition;
type TextCondition = Extract<Condition, { kind: 'record-field' | 'requirement-mentions' }>;

/**
 * A playbook turned into lookup tables and keyword matchers once, so the
 * engines do no per-call setup. Cached per playbook object: the panel keeps
 * one playbook while records change.
 */
export interface CompiledPlaybook {
  playbook: Playbook;
  /** Pipeline stages in order; a stage's index is its position. */
  pipeline: readonly Stage[];
  pipelinePosition: ReadonlyMap<string, number>;
  stagesById: ReadonlyMap<string, Stage>;
  /** crm -> normalised CRM stage name -> stage. */
  crmStageNames: ReadonlyMap<string, ReadonlyMap<string, Stage>>;
  requirementsById: ReadonlyMap<string, Requirement>;
  teamRolesById: ReadonlyMap<string, TeamRole>;
  decisionRolesById: ReadonlyMap<string, DecisionRole>;
  /** One matcher for every note rule (`note-mentions`), so each note is scanned once for all of them. */
  noteMatcher: KeywordMatcher<NoteTopic>;
  /** Per text condition, a matcher over its own keywords. */
  conditionMatchers: ReadonlyMap<TextCondition, KeywordMatcher<TextCondition>>;
  /** Decision-role title keywords; stakeholders.ts scans each post a title lists on its own. */
  titleMatcher: KeywordMatcher<DecisionRole>;
  /** The playbook's `titleExclusions`: in a post, they mean its holder works for the title rather than holds it. */
  titleExclusionMatcher: KeywordMatcher<'excluded'>;
  /** Normalised CRM contact-role name -> decision-chain roles it means. */
  contactRoles: ReadonlyMap<string, readonly DecisionRole[]>;
}

const cache = new WeakMap<Playbook, CompiledPlaybook>();

export function compilePlaybook(playbook: Playbook): CompiledPlaybook {
  let compiled = cache.get(playbook);
  if (compiled === undefined) {
    compiled = compile(playbook);
    cache.set(playbook, compiled);
  }
  return compiled;
}

function compile(playbook: Playbook): CompiledPlaybook {
  const pipeline = playbook.stages.filter((stage) => stage.kind === 'pipeline');
  const conditions = [
    ...playbook.roleRules.map((rule) => rule.when),
    ...playbook.decisionRoles.flatMap((role) => [...role.requiredWhen.map((reason) => reason.when), ...(role.appliesWhen ? [role.appliesWhen] : [])]),
    ...playbook.stageRules.map((rule) => rule.when),
  ].flatMap(withParts);
  // Requirements are read from notes statement by statement (lib/notes/propose.ts); note rules by this matcher.
  const noteTopics = conditions.filter((condition): condition is NoteCondition => condition.kind === 'note-mentions');
  const textConditions = conditions.filter(
    (condition): condition is TextCondition => condition.kind === 'record-field' || condition.kind === 'requirement-mentions',
  );

  return {
    playbook,
    pipeline,
    pipelinePosition: new Map(pipeline.map((stage, index) => [stage.id, index])),
    stagesById: byId(playbook.stages),
    crmStageNames: indexCrmStageNames(playbook.stages),
    requirementsById: byId(playbook.requirements),
    teamRolesById: byId(playbook.teamRoles),
    decisionRolesById: byId(playbook.decisionRoles),
    noteMatcher: compileKeywordMatcher(noteTopics.map((topic) => ({ key: topic, keywords: allKeywords(topic.keywords) }))),
    conditionMatchers: new Map(
      textConditions.map((condition) => [
        condition,
        compileKeywordMatcher([{ key: condition, keywords: allKeywords(condition.keywords) }]),
      ]),
    ),
    titleMatcher: compileKeywordMatcher(
      playbook.decisionRoles.map((role) => ({ key: role, keywords: allKeywords(role.titleKeywords) })),
    ),
    titleExclusionMatcher: compileKeywordMatcher([{ key: 'excluded', keywords: allKeywords(playbook.titleExclusions) }]),
    contactRoles: indexContactRoles(playbook.decisionRoles),
  };
}

/** A condition and every condition nested in it (`all` / `any` / `not`), so each nested text condition gets its matcher. */
function withParts(condition: Condition): Condition[] {
  switch (condition.kind) {
    case 'all':
    case 'any':
      return [condition, ...condition.conditions.flatMap(withParts)];
    case 'not':
      return [condition, ...withParts(condition.condition)];
    default:
      return [condition];
  }
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function indexCrmStageNames(stages: readonly Stage[]): Map<string, Map<string, Stage>> {
  const index = new Map<string, Map<string, Stage>>();
  for (const stage of stages) {
    for (const [crm, byLocale] of Object.entries(stage.crmNames)) {
      let names = index.get(crm);
      if (names === undefined) {
        names = new Map();
        index.set(crm, names);
      }
      for (const name of Object.values(byLocale).flat()) names.set(normalizeName(name), stage);
    }
  }
  return index;
}

function indexContactRoles(roles: readonly DecisionRole[]): Map<string, DecisionRole[]> {
  const index = new Map<string, DecisionRole[]>();
  for (const role of roles) {
    for (const name of role.crmContactRoles) {
      const key = normalizeName(name);
      const existing = index.get(key) ?? [];
      if (!existing.includes(role)) index.set(key, [...existing, role]);
    }
  }
  return index;
}
