import { createDealContext } from './context';
import { evaluateDecisionChain, type DecisionChainReport } from './decision-chain';
import { collectFindings, type DealFindings } from './findings';
import type { DealInput } from './input';
import { evaluateRequirements, type RequirementsReport } from './requirements';
import type { StageResolution } from './stage';
import type { StageControl } from './stage-progress';
import { evaluateTeam, type TeamReport } from './team';

export interface DealAnalysis {
  stage: StageResolution;
  /** Whether the team may move the deal on by hand, and its move in force. */
  stageControl: StageControl;
  requirements: RequirementsReport;
  team: TeamReport;
  decisionChain: DecisionChainReport;
  /** What the three found missing, ranked, with the next actions. */
  findings: DealFindings;
}

/** The three engines over one record, sharing the work they have in common. Pure and deterministic. */
export function analyzeDeal(input: DealInput): DealAnalysis {
  const context = createDealContext(input);
  const reports = {
    requirements: evaluateRequirements(context),
    team: evaluateTeam(context),
    decisionChain: evaluateDecisionChain(context),
  };
  return { stage: context.stage, stageControl: context.stageControl, ...reports, findings: collectFindings(context, reports) };
}
