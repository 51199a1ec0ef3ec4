import type { DealContext } from './context';
import { leadRole } from './lead-role';
import type { DecisionChainGap, DecisionChainReport, GapKind } from './decision-chain';
import { explanation, type Explanation } from '@/lib/domain/explain';
import type { RequirementsReport } from './requirements';
import { compareUrgency, type Severity, type Urgency } from './severity';
import type { TeamReport } from './team';

/**
 * One thing the deal lacks, from any of the three engines, ranked by one
 * measure of urgency so the panel can open with what matters most.
 */
export interface Finding {
  kind: 'requirement-missing' | 'role-missing' | 'chain-gap';
  /** The requirement id, team role id, decision-chain role id (uncovered role) or gap kind it is about. */
  subject: string;
  urgency: Urgency;
  /** What to do, as an imperative. */
  what: Explanation;
  /** Why, in one line. */
  why: Explanation;
  /** The team role whose job it is; undefined when the playbook has no team roles. */
  owner: string | undefined;
  action: FindingAction;
}

/** What the one button of a finding starts in the panel. */
export type FindingAction =
  | { kind: 'add-value'; requirementId: string }
  | { kind: 'assign-member'; roleId: string }
  | { kind: 'add-person'; decisionRoleId: string }
  | { kind: 'edit-person'; stakeholderId: string }
  /** Several people, or the chain as a whole: open the decision chain. */
  | { kind: 'review-people'; stakeholderIds: string[] };

export interface DealFindings {
  /** Every finding, most urgent first. */
  all: Finding[];
  /** At most `MAX_NEXT_ACTIONS`, highest first, spread over facts, team and decision chain where severities tie. */
  next: Finding[];
  counts: Record<Severity, number>;
}

export const MAX_NEXT_ACTIONS = 3;

/** Person gaps that, several of one kind, read as one line ("3 people: stance unknown"). */
const COLLAPSIBLE = ['no-owner', 'stance-unknown', 'stale-engagement'] as const satisfies readonly GapKind[];
export type CollapsibleGapKind = (typeof COLLAPSIBLE)[number];

// Among equally urgent findings: the customer's chain first (a missing link can kill the deal), then the team, then facts.
const KIND_ORDER: Record<Finding['kind'], number> = { 'chain-gap': 0, 'role-missing': 1, 'requirement-missing': 2 };

export function collectFindings(
  context: DealContext,
  reports: { requirements: RequirementsReport; team: TeamReport; decisionChain: DecisionChainReport },
): DealFindings {
  const { requirementsById, teamRolesById } = context.compiled;
  const facts = reports.requirements.fields.flatMap((field): Finding[] => {
    const requirement = requirementsById.get(field.requirementId);
    if (field.status !== 'missing' || field.urgency === undefined || requirement === undefined) return [];
    return [
      {
        kind: 'requirement-missing',
        subject: field.requirementId,
        urgency: field.urgency,
        what: explanation('finding.getFact', { requirement: requirement.label }),
        why: field.requiredBecause[0] ?? explanation('finding.factNeeded'),
        owner: field.collectedBy,
        action: { kind: 'add-value', requirementId: field.requirementId },
      },
    ];
  });

  const lead = leadRole(context.compiled);
  const roles = reports.team.roles.flatMap((role): Finding[] => {
    const teamRole = teamRolesById.get(role.roleId);
    const trigger = role.triggers[0];
    if (role.status === 'filled' || role.urgency === undefined || teamRole === undefined || trigger === undefined) return [];
    return [
      {
        kind: 'role-missing',
        subject: role.roleId,
        urgency: role.urgency,
        what: explanation(role.status === 'gap' ? 'finding.findRole' : 'finding.assignRole', { role: teamRole.label }),
        why: trigger.because,
        owner: lead,
        action: { kind: 'assign-member', roleId: role.roleId },
      },
    ];
  });

  const chain = chainFindings(reports.decisionChain.gaps);
  const all = [...chain, ...roles, ...facts].sort(byUrgency);
  const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0, check: 0 };
  for (const finding of all) counts[finding.urgency.severity]++;
  return { all, next: pickNext(all), counts };
}

/**
 * The gaps as a reader takes them in: one entry per gap, except several
 * people with the same gap and severity, who share one entry (in the place of
 * the first of them), so trivia does not bury what matters.
 */
export function groupPersonGaps(gaps: readonly DecisionChainGap[]): DecisionChainGap[][] {
  const groups: DecisionChainGap[][] = [];
  const byKind = new Map<string, DecisionChainGap[]>();
  for (const gap of gaps) {
    if (gap.stakeholderId === undefined || !isCollapsible(gap.kind)) {
      groups.push([gap]);
      continue;
    }
    const key = `${gap.kind}|${gap.severity}`;
    const group = byKind.get(key);
    if (group) group.push(gap);
    else {
      const fresh = [gap];
      byKind.set(key, fresh);
      groups.push(fresh);
    }
  }
  return groups;
}

export function isCollapsible(kind: GapKind): kind is CollapsibleGapKind {
  return (COLLAPSIBLE as readonly GapKind[]).includes(kind);
}

function chainFindings(gaps: readonly DecisionChainGap[]): Finding[] {
  return groupPersonGaps(gaps).map((group) => {
    const first = group[0]!;
    if (group.length === 1 || !isCollapsible(first.kind)) return single(first);
    return {
      kind: 'chain-gap',
      subject: first.kind,
      urgency: first.urgency,
      what: peopleWithGap(first.kind, group.length),
      why: first.explanation,
      owner: first.owner,
      action: { kind: 'review-people', stakeholderIds: group.map((gap) => gap.stakeholderId!) },
    };
  });
}

/** "3 people: stance unknown." */
export function peopleWithGap(kind: CollapsibleGapKind, count: number): Explanation {
  return explanation(`finding.people.${kind}`, { count });
}

function single(gap: DecisionChainGap): Finding {
  const action: FindingAction =
    gap.kind === 'role-uncovered' && gap.roleId !== undefined
      ? { kind: 'add-person', decisionRoleId: gap.roleId }
      : gap.stakeholderId !== undefined
        ? { kind: 'edit-person', stakeholderId: gap.stakeholderId }
        : { kind: 'review-people', stakeholderIds: [] };
  return {
    kind: 'chain-gap',
    subject: gap.kind === 'role-uncovered' && gap.roleId !== undefined ? gap.roleId : gap.kind,
    urgency: gap.urgency,
    what: gap.nextAction,
    why: gap.explanation,
    owner: gap.owner,
    action,
  };
}

function byUrgency(a: Finding, b: Finding): number {
  return compareUrgency(a.urgency, b.urgency) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

/**
 * The few findings to act on first. The most urgent leads; where the next
 * ones tie on severity, one from an area not yet shown goes first, so one
 * overdue area does not hide the others (a missing fact, a missing team
 * member and an uncovered customer role, rather than three facts).
 */
function pickNext(sorted: readonly Finding[]): Finding[] {
  const remaining = [...sorted];
  const picked: Finding[] = [];
  while (picked.length < MAX_NEXT_ACTIONS && remaining.length > 0) {
    const severity = remaining[0]!.urgency.severity;
    const shownKinds = new Set(picked.map((finding) => finding.kind));
    const index = remaining.findIndex((finding) => finding.urgency.severity === severity && !shownKinds.has(finding.kind));
    picked.push(...remaining.splice(index === -1 ? 0 : index, 1));
  }
  return picked;
}
