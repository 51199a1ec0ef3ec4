import { createDealContext } from './context';
import { evaluateDecisionChain, type DecisionChainReport } from './decision-chain';
import type { DealInput } from './input';
import { evaluateRequirements, type RequirementsReport } from './requirements';
import type { StageResolution } from './stage';
import { evaluateTeam, type TeamReport } from './team';

export interface DealAnalysis {
  stage: StageResolution;
  requirements: RequirementsReport;
  team: TeamReport;
  decisionChain: DecisionChainReport;
}

/** The three engines over one record, sharing the work they have in common. Pure and deterministic. */
export function analyzeDeal(input: DealInput): DealAnalysis {
  const context = createDealContext(input);
  return {
    stage: context.stage,
    requirements: evaluateRequirements(context),
    team: evaluateTeam(context),
    decisionChain: evaluateDecisionChain(context),
  };
}
