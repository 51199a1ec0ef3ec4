// The engines' public API: what the panel and the background call. Everything
// here is pure; see README.md for inputs, outputs and explanations.
export { analyzeDeal, type DealAnalysis } from './analyze';
export type { DealInput } from './input';
export { createDealContext, type DealContext } from './context';
export type { StageResolution } from './stage';
export { evaluateRequirements, type RequirementsReport, type RequirementStatus, type RequirementStatusKind, type StageCompleteness } from './requirements';
export type { CapturedValue } from './requirement-trail';
export type { NoteMention } from './note-mentions';
export { evaluateTeam, type TeamReport, type RoleNeed, type RoleStatus, type RuleTrigger, type UndeterminedRules, type AssignedMember } from './team';
export type { Candidate, ScoreFactor, MatchFactor } from './candidates';
export {
  evaluateDecisionChain,
  type DecisionChainReport,
  type DecisionChainGap,
  type GapKind,
  type Severity,
  type CoverageGrid,
  type DecisionRoleCoverage,
  type Reason,
} from './decision-chain';
export type { ClassifiedStakeholder, RoleClassification } from './stakeholders';
export { explain, type Explanation, type ExplanationParam } from './explain';
export type { MessageKey } from './messages';
