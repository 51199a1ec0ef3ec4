import type { Influence, Stance } from '@/lib/domain/stakeholder';
import type { GapKind } from '@/lib/engines/decision-chain';
import type { Severity } from '@/lib/engines/severity';
import type { ClassifiedStakeholder } from '@/lib/engines/stakeholders';
import { t, type MessageKey } from '@/lib/i18n';
import type { BriefContext } from './context';

// "Decision chain": who is who at the customer, as a table (person, the
// customer roles they hold, stance, influence, our owner, last contact), and
// the chain's risks the table does not already show.

const STANCE: Record<Stance, MessageKey> = {
  supporter: 'stanceSupporter',
  neutral: 'stanceNeutral',
  opponent: 'stanceOpponent',
  unknown: 'stanceUnknown',
};

const INFLUENCE: Record<Influence, MessageKey> = {
  high: 'influenceHigh',
  medium: 'influenceMedium',
  low: 'influenceLow',
  unknown: 'influenceUnknown',
};

const SEVERITY: Record<Severity, MessageKey> = {
  high: 'severityHigh',
  medium: 'severityMedium',
  low: 'severityLow',
  check: 'severityCheck',
};

/** Gaps the brief shows elsewhere: uncovered roles are asks; owner, stance and last contact are columns of the table. */
const SHOWN_ELSEWHERE: readonly GapKind[] = ['role-uncovered', 'no-owner', 'stance-unknown', 'stale-engagement'];

function personCell(context: BriefContext, person: ClassifiedStakeholder): string {
  const name = context.format.text(person.name);
  const title = person.title?.trim() ?? '';
  return title === '' ? name : t('briefPersonWithTitle', name, context.format.text(title));
}

/** The decision-chain roles the person holds; without any, the contact role the CRM shows, if any. */
function rolesCell(context: BriefContext, person: ClassifiedStakeholder): string {
  const roles = [...new Set(person.roles.map((role) => role.roleId))].map((id) => context.label.decisionRole(id));
  if (roles.length > 0) return context.list(roles);
  return context.format.text(person.crmRole?.trim() ?? '');
}

export function stakeholderTable(context: BriefContext): string[] {
  const { stakeholders, coverage } = context.input.analysis.decisionChain;
  if (stakeholders.length === 0) return [t('briefNone')];
  const owners = new Map(coverage.members.map((member) => [member.personId, member.name ?? member.personId]));
  const header = ['briefColPerson', 'briefColRoles', 'briefColStance', 'briefColInfluence', 'briefColOwner', 'briefColLastContact'] as const;
  const rows = stakeholders.map((person) => [
    personCell(context, person),
    rolesCell(context, person),
    t(STANCE[person.stance]),
    t(INFLUENCE[person.influence]),
    person.ourOwner === undefined ? '' : context.format.text(owners.get(person.ourOwner) ?? person.ourOwner),
    person.lastEngagedAt === undefined ? '' : context.day(person.lastEngagedAt),
  ]);
  return context.format.table(
    header.map((key) => t(key)),
    rows,
  );
}

/** The chain's other gaps (an opponent without a plan, a single thread…), most severe first, each with its next step. */
export function chainRisks(context: BriefContext): string[] {
  const gaps = context.input.analysis.decisionChain.gaps.filter((gap) => !SHOWN_ELSEWHERE.includes(gap.kind));
  if (gaps.length === 0) return [];
  return [
    context.format.strong(t('briefChainRisks')),
    '',
    ...gaps.flatMap((gap) => [
      `- ${t('briefLabelValue', context.format.strong(t(SEVERITY[gap.severity])), context.say(gap.explanation))}`,
      `  - ${t('nextActionLabel', context.say(gap.nextAction))}`,
    ]),
  ];
}

/** The table, then the risks after a blank line (in Markdown a line right after a table is one more row). */
export function decisionChain(context: BriefContext): string[] {
  const risks = chainRisks(context);
  return [...stakeholderTable(context), ...(risks.length > 0 ? ['', ...risks] : [])];
}
