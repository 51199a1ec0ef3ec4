import type { DecisionChainGap } from '@/lib/engines/decision-chain';
import type { RequirementStatus } from '@/lib/engines/requirements';
import { compareUrgency, type Timing, type Urgency } from '@/lib/engines/severity';
import { t } from '@/lib/i18n';
import { crmHintLine } from './captured';
import type { BriefContext } from './context';

// "Asks": what the team still has to get, each with the team role whose job
// it is and the stage it is due by: every missing fact, and every customer
// role nobody is known to hold. Most urgent first.

interface Ask {
  urgency: Urgency;
  lines: string[];
}

/** An item the engines give no urgency (none should be missing one): due now, of normal weight. */
const DUE_NOW: Urgency = { severity: 'medium', timing: 'due', weight: 'normal', stagesOverdue: 0 };

/** "by Solution / proposal", "overdue: was due by Opportunity / qualification", or "now" when no stage says when. */
function due(context: BriefContext, timing: Timing, stageId: string | undefined): string {
  const stage = context.label.stage(stageId);
  if (stage === undefined) return t('briefDueNow');
  return t(timing === 'overdue' ? 'briefDueOverdue' : 'briefDueBy', stage);
}

function factAsk(context: BriefContext, field: RequirementStatus): Ask {
  const { format, label } = context;
  const requirement = context.input.playbook.requirements.find((item) => item.id === field.requirementId);
  const urgency = field.urgency ?? DUE_NOW;
  const name = format.strong(label.requirement(field.requirementId));
  const neededBy = context.list([...new Set(field.neededBy)].map((role) => label.teamRole(role)));
  return {
    urgency,
    lines: [
      `- ${requirement ? t('briefLabelValue', name, context.say(requirement.help)) : name}`,
      `  - ${t('briefAskFactMeta', label.teamRole(field.collectedBy), due(context, urgency.timing, requirement?.requiredFrom), neededBy)}`,
      ...field.hints.map((hint) => crmHintLine(context, hint)),
    ],
  };
}

function roleAsk(context: BriefContext, gap: DecisionChainGap & { roleId: string }): Ask {
  const { analysis, playbook } = context.input;
  const reasons = analysis.decisionChain.roles.find((role) => role.roleId === gap.roleId)?.reasons ?? [];
  // Due by the role's stage when the stage is why it is needed; a condition of the deal (an amount, a topic) needs it now.
  const byStage = reasons.some((reason) => reason.because.key === 'decisionRole.requiredFromStage');
  const stageId = byStage ? playbook.decisionRoles.find((role) => role.id === gap.roleId)?.requiredFrom : undefined;
  const conditions = reasons.filter((reason) => reason.because.key !== 'decisionRole.requiredFromStage');
  return {
    urgency: gap.urgency,
    lines: [
      `- ${t('briefLabelValue', context.format.strong(context.label.decisionRole(gap.roleId)), context.say(gap.nextAction))}`,
      `  - ${t('briefAskRoleMeta', context.label.teamRole(gap.owner), due(context, gap.urgency.timing, stageId))}`,
      ...conditions.map((reason) => `  - ${context.say(reason.because)}`),
    ],
  };
}

const isUncoveredRole = (gap: DecisionChainGap): gap is DecisionChainGap & { roleId: string } => gap.kind === 'role-uncovered' && gap.roleId !== undefined;

/** Missing facts and uncovered customer roles, most urgent first (facts before roles among equals). */
export function asks(context: BriefContext): string[] {
  const { requirements, decisionChain } = context.input.analysis;
  const facts = requirements.fields.filter((field) => field.status === 'missing').map((field) => factAsk(context, field));
  const roles = decisionChain.gaps.filter(isUncoveredRole).map((gap) => roleAsk(context, gap));
  return [...facts, ...roles].sort((a, b) => compareUrgency(a.urgency, b.urgency)).flatMap((ask) => ask.lines);
}
