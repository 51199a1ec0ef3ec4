import type { DealAnalysis } from './analyze';
import type { Severity } from './severity';

/** The deal at a glance: what the record header and the in-page launcher show. */
export interface DealSummary {
  /** Facts required at the deal's current stage and how many have a value; null when the stage is not known. */
  requirements: { required: number; captured: number } | null;
  /** Roles a `required` rule calls for that nobody holds yet, in playbook order. */
  missingRoles: string[];
  /** Findings per severity (several people with the same gap count once, as the panel lists them). */
  counts: Record<Severity, number>;
  /** What the badge and the summary lead with: the high-severity findings only. */
  gapCount: number;
}

/** Counts what the three analyses found missing. Pure, like the engines it reads. */
export function summarizeDeal(analysis: DealAnalysis): DealSummary {
  const { stage } = analysis.requirements;
  const current = stage.kind === 'mapped' ? analysis.requirements.completeness.find((entry) => entry.stageId === stage.stageId) : undefined;
  const requirements = current ? { required: current.required, captured: current.captured } : null;
  const missingRoles = analysis.team.roles.filter((role) => role.need === 'required' && role.status !== 'filled').map((role) => role.roleId);
  const { counts } = analysis.findings;
  return { requirements, missingRoles, counts: { ...counts }, gapCount: counts.high };
}
