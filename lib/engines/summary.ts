import type { DealAnalysis } from './analyze';

/** The deal at a glance: what the record header and the in-page launcher show. */
export interface DealSummary {
  /** Facts required at the deal's current stage and how many have a value; null when the stage is not known. */
  requirements: { required: number; captured: number } | null;
  decisionChainGaps: number;
  /** Roles a `required` rule calls for that nobody holds yet, in playbook order. */
  missingRoles: string[];
  /** Everything the deal still lacks: missing required facts, decision-chain gaps and missing roles. */
  gapCount: number;
}

/** Counts what the three analyses found missing. Pure, like the engines it reads. */
export function summarizeDeal(analysis: DealAnalysis): DealSummary {
  const { stage } = analysis.requirements;
  const current = stage.kind === 'mapped' ? analysis.requirements.completeness.find((entry) => entry.stageId === stage.stageId) : undefined;
  const requirements = current ? { required: current.required, captured: current.captured } : null;
  const missingRoles = analysis.team.roles.filter((role) => role.need === 'required' && role.status !== 'filled').map((role) => role.roleId);
  const decisionChainGaps = analysis.decisionChain.gaps.length;
  const missingFacts = requirements ? requirements.required - requirements.captured : 0;
  return { requirements, decisionChainGaps, missingRoles, gapCount: missingFacts + decisionChainGaps + missingRoles.length };
}
