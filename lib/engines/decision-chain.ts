import { stakeholderIdForContact } from '@/lib/domain/stakeholder';
import type { DecisionRole, Weight } from '@/lib/playbook/schema';
import { compareText } from './compare';
import { evaluateCondition } from './conditions';
import type { DealContext } from './context';
import { leadRole } from './lead-role';
import { hasReached } from './stage';
import { indexDirectory } from './directory-index';
import { DistinctExplanations, explanation, type Explanation } from '@/lib/domain/explain';
import { INFLUENCE_LABELS, STANCE_LABELS } from './labels';
import { compareUrgency, raiseSeverity, urgency, type Severity, type Urgency } from './severity';
import { titleNamesRole, type ClassifiedStakeholder } from './stakeholders';

export interface Reason {
  because: Explanation;
  /** The fact of this deal behind the reason, when it comes from a playbook condition. */
  evidence?: Explanation;
}

export interface DecisionRoleCoverage {
  roleId: string;
  required: boolean;
  reasons: Reason[];
  /** How urgent covering the role is while nobody does; absent when not required. */
  urgency?: Urgency;
  /** Customer people holding the role, in stakeholder order. */
  stakeholderIds: string[];
}

export type GapKind =
  | 'role-uncovered'
  | 'no-owner'
  | 'stance-unknown'
  | 'opponent-without-plan'
  | 'stale-engagement'
  | 'single-threaded'
  | 'only-top-engaged';

export type { Severity } from './severity';

export interface DecisionChainGap {
  kind: GapKind;
  severity: Severity;
  urgency: Urgency;
  /** The team role whose job it is to close the gap. */
  owner: string | undefined;
  /** The decision-chain role the gap is about, if any. */
  roleId?: string;
  /** The customer person the gap is about, if any. */
  stakeholderId?: string;
  explanation: Explanation;
  nextAction: Explanation;
}

/** Customer roles (rows) against our team members (columns); each cell lists the stakeholders that member owns. */
export interface CoverageGrid {
  members: { personId: string; name: string | null }[];
  rows: { roleId: string; cells: string[][]; unowned: string[] }[];
}

export interface DecisionChainReport {
  stakeholders: readonly ClassifiedStakeholder[];
  /** Stakeholders engaged within the playbook's staleness window. */
  engagedStakeholderIds: string[];
  roles: DecisionRoleCoverage[];
  coverage: CoverageGrid;
  /** Most severe first. */
  gaps: DecisionChainGap[];
  /** Conditions that could not be evaluated (e.g. amount in a currency without threshold), each reason once with the roles it leaves open. */
  undetermined: { roleIds: string[]; evidence: Explanation }[];
  /**
   * Set when the CRM page's contacts say nothing about who holds which role
   * (`contactRolesUnread`): why a customer role nobody is known to hold is a
   * `check`, not an uncovered gap.
   */
  rolesNotRead: Explanation | null;
  /** People whose stance and influence fit a role they do not hold (a highly influential supporter as coach): suggestions to accept. */
  proposals: RoleProposal[];
}

export interface RoleProposal {
  stakeholderId: string;
  roleId: string;
  because: Explanation;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A playbook role with what the deal shows for it. */
interface RoleState {
  role: DecisionRole;
  coverage: DecisionRoleCoverage;
}

/**
 * The customer's decision chain against the people we know: which roles are
 * covered, who owns each relationship, and what is missing, with a severity
 * and a next step for every gap.
 */
export function evaluateDecisionChain(context: DealContext): DecisionChainReport {
  const { playbook } = context.compiled;
  const { stakeholders } = context;
  const undetermined = new DistinctExplanations<string>();
  const roles = playbook.decisionRoles.map((role): RoleState => {
    const { reasons, undetermined: unknowns, urgency: roleUrgency } = requiredReasons(role, context);
    for (const evidence of unknowns) undetermined.add(evidence, role.id);
    const stakeholderIds = stakeholders.filter((person) => holds(person, role.id)).map((person) => person.id);
    return {
      role,
      coverage: { roleId: role.id, required: reasons.length > 0, reasons, stakeholderIds, ...(roleUrgency && { urgency: roleUrgency }) },
    };
  });

  const engaged = stakeholders.filter((person) => engagement(person, context) === 'engaged');
  const rolesNotRead = contactRolesUnread(context);

  return {
    stakeholders,
    engagedStakeholderIds: engaged.map((person) => person.id),
    roles: roles.map((state) => state.coverage),
    coverage: coverageGrid(context, roles),
    gaps: [...roleGaps(context, roles, rolesNotRead), ...personGaps(context), ...threadingGaps(context, roles, engaged)].sort(byUrgency),
    undetermined: undetermined.entries().map(({ evidence, subjects }) => ({ roleIds: subjects, evidence })),
    rolesNotRead: rolesNotRead ? explanation('chain.rolesNotRead') : null,
    proposals: proposals(context),
  };
}

function requiredReasons(role: DecisionRole, context: DealContext): { reasons: Reason[]; undetermined: Explanation[]; urgency?: Urgency } {
  const reasons: Reason[] = [];
  const undetermined: Explanation[] = [];
  const urgencies: Urgency[] = [];
  const stage = role.requiredFrom === undefined ? undefined : context.compiled.stagesById.get(role.requiredFrom);
  // Past its window (the decision maker after the contract) the role is asked no more, by stage or by condition.
  const until = role.requiredUntil === undefined ? undefined : context.compiled.pipelinePosition.get(role.requiredUntil);
  if (until !== undefined && context.position !== null && context.position > until) return { reasons, undetermined };
  if (stage !== undefined && hasReached(context, stage.id)) {
    const applies = role.appliesWhen === undefined ? undefined : evaluateCondition(role.appliesWhen, context);
    if (applies?.status === 'undetermined') undetermined.push(applies.evidence);
    if (applies === undefined || applies.status === 'met') {
      reasons.push({ because: explanation('decisionRole.requiredFromStage', { stage: stage.label }), ...(applies && { evidence: applies.evidence }) });
      urgencies.push(urgency(role.weight, context.compiled.pipelinePosition.get(stage.id) ?? null, context.position));
    }
  }
  for (const reason of role.requiredWhen) {
    const outcome = evaluateCondition(reason.when, context);
    if (outcome.status === 'met') {
      reasons.push({ because: explanation('playbook.text', { text: reason.because }), evidence: outcome.evidence });
      urgencies.push(urgency(role.weight, null, context.position));
    } else if (outcome.status === 'undetermined') undetermined.push(outcome.evidence);
  }
  return { reasons, undetermined, urgency: urgencies.sort(compareUrgency)[0] };
}

/** Whether we met the person within the playbook's window; `never` when no engagement is recorded. */
function engagement(person: ClassifiedStakeholder, context: DealContext): 'engaged' | 'stale' | 'never' {
  if (person.lastEngagedAt === undefined) return 'never';
  const staleAfterMs = context.compiled.playbook.thresholds.staleAfterDays * DAY_MS;
  return context.input.now - person.lastEngagedAt > staleAfterMs ? 'stale' : 'engaged';
}

function holds(person: ClassifiedStakeholder, roleId: string): boolean {
  return person.roles.some((role) => role.roleId === roleId);
}

/**
 * Whether the CRM page's contact list says nothing about who holds which
 * role: no contact carries a contact role the reader could read (the list
 * shows names, `unreadContactDetails`), and no contact on the page is placed
 * by a title either (titles unread too, or none names a role of the playbook).
 * Then an uncovered role may well be held by someone the page lists, so it is
 * only worth a check.
 *
 * Titles that place even one contact are read as for any CRM that shows titles
 * and no contact roles (HubSpot, Pipedrive): an uncovered role is then a
 * finding from what the page shows, and must stay one. The list that names
 * only the CEO's and the chairman's assistants is the case it keeps (labelled
 * deals gulfnet-assistants-bid and hengdian-assistants-bid: the decision maker
 * is missing). A title the team typed for a page contact counts like one the
 * page shows: it is the team's own reading of the person.
 */
function contactRolesUnread(context: DealContext): boolean {
  const { record } = context.input;
  if (!record.unreadContactDetails?.includes('role')) return false;
  const onPage = new Set(record.contacts.map(stakeholderIdForContact));
  return !context.stakeholders.some((person) => onPage.has(person.id) && titleNamesRole(context.compiled, person.title));
}

/**
 * Required roles nobody holds. When the page's contact roles were not read,
 * nobody "holds" a role only as far as the people the team recorded go: the
 * gap is lowered to `check` (look on the CRM page), keeping its timing and weight.
 */
function roleGaps(context: DealContext, roles: readonly RoleState[], rolesNotRead: boolean): DecisionChainGap[] {
  return roles
    .filter(({ coverage }) => coverage.required && coverage.stakeholderIds.length === 0)
    .map(({ role, coverage }) => {
      const subject = { roleId: role.id, owner: role.counterpart ?? leadRole(context.compiled) };
      const roleUrgency = coverage.urgency ?? fixedUrgency('high');
      if (rolesNotRead) {
        return gap(
          'role-uncovered',
          { ...roleUrgency, severity: 'check' },
          subject,
          explanation('gap.roleNotRead', { role: role.label }),
          explanation('action.checkRoleOnPage', { role: role.label }),
        );
      }
      return gap('role-uncovered', roleUrgency, subject, explanation('gap.roleUncovered', { role: role.label }), explanation('action.findContact', { role: role.label }));
    });
}

/** People whose stance and influence fit a role's `proposeFor` and who do not hold it yet. */
function proposals(context: DealContext): RoleProposal[] {
  const found: RoleProposal[] = [];
  for (const role of context.compiled.playbook.decisionRoles) {
    const fit = role.proposeFor;
    if (fit === undefined) continue;
    for (const person of context.stakeholders) {
      if (holds(person, role.id) || !fit.stances.includes(person.stance) || !fit.influences.includes(person.influence)) continue;
      found.push({
        stakeholderId: person.id,
        roleId: role.id,
        because: explanation('stakeholder.proposedFor', {
          name: person.name,
          stance: STANCE_LABELS[person.stance],
          influence: INFLUENCE_LABELS[person.influence],
          role: role.label,
        }),
      });
    }
  }
  return found;
}

/** An urgency for gaps the playbook gives no stage window or weight (about one person, or the threading). */
function fixedUrgency(severity: Severity, weight: Weight = 'normal'): Urgency {
  return { severity, timing: 'due', weight, stagesOverdue: 0 };
}

/** Gaps about one person. A highly influential person's gap weighs one level more. */
function personGaps(context: DealContext): DecisionChainGap[] {
  const topRoleIds = new Set(context.compiled.playbook.decisionRoles.filter((role) => role.top).map((role) => role.id));
  const owner = leadRole(context.compiled);
  const { now } = context.input;
  const { staleAfterDays } = context.compiled.playbook.thresholds;
  const gaps: DecisionChainGap[] = [];
  for (const person of context.stakeholders) {
    const subject = { stakeholderId: person.id, owner };
    // A person who carries the deal (high influence, or the top of the chain) weighs more, and ranks before facts of the same severity.
    const carries = person.influence === 'high' || person.roles.some((held) => topRoleIds.has(held.roleId));
    const weigh = (severity: Severity) => fixedUrgency(person.influence === 'high' ? raiseSeverity(severity) : severity, carries ? 'critical' : 'normal');
    const name = person.name;
    if (person.ourOwner === undefined) {
      gaps.push(gap('no-owner', weigh('medium'), subject, explanation('gap.noOwner', { name }), explanation('action.assignOwner', { name })));
    }
    if (person.stance === 'unknown') {
      gaps.push(gap('stance-unknown', weigh('low'), subject, explanation('gap.stanceUnknown', { name }), explanation('action.learnStance', { name })));
    }
    // Unknown influence counts as influential until someone says otherwise.
    if (person.stance === 'opponent' && person.influence !== 'low' && !person.plan?.trim()) {
      gaps.push(
        gap(
          'opponent-without-plan',
          fixedUrgency('high', 'critical'),
          subject,
          explanation('gap.opponentWithoutPlan', { name, influence: INFLUENCE_LABELS[person.influence] }),
          explanation('action.planForOpponent', { name }),
        ),
      );
    }
    if (person.lastEngagedAt !== undefined && engagement(person, context) === 'stale') {
      const days = Math.floor((now - person.lastEngagedAt) / DAY_MS);
      gaps.push(
        gap(
          'stale-engagement',
          weigh('medium'),
          subject,
          explanation('gap.staleEngagement', { name, days, limit: staleAfterDays }),
          explanation('action.reengage', { name }),
        ),
      );
    }
  }
  return gaps;
}

/**
 * The deal hangs on too few people. When everyone engaged sits at the top of
 * the chain (the IQC story) that more specific gap is reported instead of
 * "single-threaded", as it names the way out.
 */
function threadingGaps(context: DealContext, roles: readonly RoleState[], engaged: readonly ClassifiedStakeholder[]): DecisionChainGap[] {
  const topRoleIds = new Set(roles.filter(({ role }) => role.top).map(({ role }) => role.id));
  const engagedIds = new Set(engaged.map((person) => person.id));
  const requiredLabels = (include: (state: RoleState) => boolean) =>
    roles.filter((state) => state.coverage.required && include(state)).map(({ role }) => role.label);

  const onlyTop = engaged.length > 0 && engaged.every((person) => person.roles.some((held) => topRoleIds.has(held.roleId)));
  if (onlyTop) {
    const others = requiredLabels(({ role }) => !role.top);
    return [
      gap(
        'only-top-engaged',
        fixedUrgency('high', 'critical'),
        { owner: leadRole(context.compiled) },
        explanation('gap.onlyTopEngaged', { names: engaged.map((person) => person.name) }),
        others.length > 0 ? explanation('action.engageRoles', { roles: others }) : explanation('action.engageMorePeople'),
      ),
    ];
  }

  const minimum = context.compiled.playbook.thresholds.minEngagedContacts;
  if (engaged.length >= minimum) return [];
  const unengaged = requiredLabels(({ coverage }) => !coverage.stakeholderIds.some((id) => engagedIds.has(id)));
  return [
    gap(
      'single-threaded',
      engaged.length === 0 ? fixedUrgency('high', 'critical') : fixedUrgency('medium'),
      { owner: leadRole(context.compiled) },
      explanation('gap.singleThreaded', { engaged: engaged.length, minimum }),
      unengaged.length > 0 ? explanation('action.engageRoles', { roles: unengaged }) : explanation('action.engageMorePeople'),
    ),
  ];
}

function coverageGrid(context: DealContext, roles: readonly RoleState[]): CoverageGrid {
  const { facts } = context.input;
  const { namesById } = indexDirectory(context.input.directory);
  const memberIds = new Set([
    ...facts.assignments.map((assignment) => assignment.personId),
    ...context.stakeholders.map((person) => person.ourOwner).filter((owner) => owner !== undefined),
  ]);
  const members = [...memberIds]
    .map((personId) => ({ personId, name: namesById.get(personId) ?? null }))
    .sort((a, b) => compareText(a.name ?? a.personId, b.name ?? b.personId) || compareText(a.personId, b.personId));

  const ownerOf = new Map(context.stakeholders.map((person) => [person.id, person.ourOwner]));
  return {
    members,
    rows: roles.map(({ coverage }) => {
      const byOwner = new Map<string | undefined, string[]>();
      for (const id of coverage.stakeholderIds) {
        const owner = ownerOf.get(id);
        const owned = byOwner.get(owner);
        if (owned) owned.push(id);
        else byOwner.set(owner, [id]);
      }
      return {
        roleId: coverage.roleId,
        cells: members.map((member) => byOwner.get(member.personId) ?? []),
        unowned: byOwner.get(undefined) ?? [],
      };
    }),
  };
}

function gap(
  kind: GapKind,
  gapUrgency: Urgency,
  subject: { roleId?: string; stakeholderId?: string; owner: string | undefined },
  what: Explanation,
  nextAction: Explanation,
): DecisionChainGap {
  return {
    kind,
    severity: gapUrgency.severity,
    urgency: gapUrgency,
    owner: subject.owner,
    roleId: subject.roleId,
    stakeholderId: subject.stakeholderId,
    explanation: what,
    nextAction,
  };
}

/** Most urgent first; among equals the order gaps were found in (stable sort). */
function byUrgency(a: DecisionChainGap, b: DecisionChainGap): number {
  return compareUrgency(a.urgency, b.urgency);
}
