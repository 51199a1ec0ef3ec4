import { normalizeName } from '@/lib/domain/normalize';
import type { TeamAssignment } from '@/lib/domain/team';
import type { Condition, RoleRule, TeamRole } from '@/lib/playbook/schema';
import { createCandidateRanker, type Candidate } from './candidates';
import { evaluateCondition } from './conditions';
import type { DealContext } from './context';
import { dealProfile } from './deal-profile';
import { indexDirectory } from './directory-index';
import { DistinctExplanations, explanation, type Explanation } from '@/lib/domain/explain';
import { compareUrgency, urgency, type Urgency } from './severity';

/** A playbook rule that fired for the deal. */
export interface RuleTrigger {
  ruleId: string;
  level: RoleRule['level'];
  /** The rule's reason, in the playbook's words. */
  because: Explanation;
  /** The fact of this deal that made the rule fire. */
  evidence: Explanation;
  /** How urgent the role is by this rule while nobody holds it. */
  urgency: Urgency;
}

/**
 * Why rules could not be evaluated, e.g. an amount in a currency the rule has
 * no threshold for: one entry per reason, with every rule it stops.
 */
export interface UndeterminedRules {
  ruleIds: string[];
  /** The team roles those rules are about, each once. */
  roleIds: string[];
  evidence: Explanation;
}

export interface AssignedMember {
  /** Team-directory id; for a record owner the directory does not list, `crm-owner:` and the name. */
  personId: string;
  /** Null when the person is no longer in the team directory. */
  name: string | null;
  /** `crm-owner`: the CRM record's owner, taken for a role the record owner holds until the team assigns someone. */
  source: 'team' | 'crm-owner';
}

/**
 * - `filled`: someone is assigned;
 * - `open`: nobody assigned yet, the directory has candidates;
 * - `gap`: nobody assigned and nobody in the directory can take the role.
 */
export type RoleStatus = 'filled' | 'open' | 'gap';

export interface RoleNeed {
  roleId: string;
  /** `assigned-only`: no rule asks for the role, but someone holds it on this deal. */
  need: RoleRule['level'] | 'assigned-only';
  triggers: RuleTrigger[];
  assigned: AssignedMember[];
  candidates: Candidate[];
  status: RoleStatus;
  /** Why the role is a gap; absent otherwise. */
  gap?: Explanation;
  /** The most urgent of the triggers while nobody holds the role; absent when filled or only assigned. */
  urgency?: Urgency;
}

export interface TeamReport {
  /** Roles the deal needs or has, in playbook order. */
  roles: RoleNeed[];
  undetermined: UndeterminedRules[];
  /** Assignments to roles the playbook does not define (e.g. after a playbook change). */
  unknownRoleAssignments: TeamAssignment[];
}

/** The iron triangle and N-angle roles the playbook's rules call for, who holds them, and who could. */
export function evaluateTeam(context: DealContext): TeamReport {
  const { playbook, teamRolesById } = context.compiled;
  const triggers = new Map<string, RuleTrigger[]>();
  const undetermined = new DistinctExplanations<RoleRule>();
  for (const rule of playbook.roleRules) {
    const outcome = evaluateCondition(rule.when, context);
    if (outcome.status === 'met') {
      const trigger = {
        ruleId: rule.id,
        level: rule.level,
        because: explanation('playbook.text', { text: rule.because }),
        evidence: outcome.evidence,
        urgency: urgency(rule.weight ?? (rule.level === 'required' ? 'normal' : 'minor'), stageWindowOf(rule.when, context), context.position),
      };
      triggers.set(rule.role, [...(triggers.get(rule.role) ?? []), trigger]);
    } else if (outcome.status === 'undetermined') {
      undetermined.add(outcome.evidence, rule);
    }
  }

  const { facts } = context.input;
  const directory = indexDirectory(context.input.directory);
  const ranker = createCandidateRanker(directory, dealProfile(context.recordFields, playbook.matching), playbook.matching);

  const roles = playbook.teamRoles.flatMap((role): RoleNeed[] => {
    const roleTriggers = triggers.get(role.id) ?? [];
    const assigned = assignedTo(role, facts.assignments, directory.namesById, context.input.record.owner);
    if (roleTriggers.length === 0 && assigned.length === 0) return [];
    const candidates = ranker.rank(role, new Set(assigned.map((member) => member.personId)));
    const status: RoleStatus = assigned.length > 0 ? 'filled' : candidates.length > 0 ? 'open' : 'gap';
    return [
      {
        roleId: role.id,
        need: strongestNeed(roleTriggers),
        triggers: roleTriggers,
        assigned,
        candidates,
        status,
        ...(status === 'gap' && { gap: explanation('team.noCandidate', { role: role.label }) }),
        ...(status !== 'filled' && roleTriggers.length > 0 && { urgency: roleTriggers.map((trigger) => trigger.urgency).sort(compareUrgency)[0] }),
      },
    ];
  });

  return {
    roles,
    undetermined: undetermined.entries().map(({ evidence, subjects }) => ({
      ruleIds: subjects.map((rule) => rule.id),
      roleIds: [...new Set(subjects.map((rule) => rule.role))],
      evidence,
    })),
    unknownRoleAssignments: facts.assignments.filter((assignment) => !teamRolesById.has(assignment.roleId)),
  };
}

/** Who holds the role: the team's assignments, else (for a role the record owner holds) the CRM record's owner. */
function assignedTo(
  role: TeamRole,
  assignments: readonly TeamAssignment[],
  namesById: ReadonlyMap<string, string>,
  recordOwner: string | undefined,
): AssignedMember[] {
  const personIds = new Set(assignments.filter((assignment) => assignment.roleId === role.id).map((assignment) => assignment.personId));
  const assigned = [...personIds].map((personId): AssignedMember => ({ personId, name: namesById.get(personId) ?? null, source: 'team' }));
  const owner = recordOwner?.trim();
  if (assigned.length > 0 || !role.heldByRecordOwner || !owner) return assigned;
  const ownerKey = normalizeName(owner);
  const inDirectory = [...namesById].find(([, name]) => normalizeName(name) === ownerKey);
  return [{ personId: inDirectory?.[0] ?? `crm-owner:${owner}`, name: inDirectory?.[1] ?? owner, source: 'crm-owner' }];
}

/**
 * The pipeline position a rule's stage window opens at: its `stage-reached`
 * stage, the latest of those it requires together (`all`); null when no stage
 * bounds it (a note, an amount) and it is due as soon as it fires.
 */
function stageWindowOf(condition: Condition, context: DealContext): number | null {
  if (condition.kind === 'stage-reached') return context.compiled.pipelinePosition.get(condition.stage) ?? null;
  if (condition.kind !== 'all') return null;
  const positions = condition.conditions.map((part) => stageWindowOf(part, context)).filter((position) => position !== null);
  return positions.length > 0 ? Math.max(...positions) : null;
}

function strongestNeed(triggers: readonly RuleTrigger[]): RoleNeed['need'] {
  if (triggers.some((trigger) => trigger.level === 'required')) return 'required';
  return triggers.length > 0 ? 'suggested' : 'assigned-only';
}
