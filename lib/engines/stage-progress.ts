import type { StageOverride } from '@/lib/domain/stage-override';
import { normalizeName } from '@/lib/domain/normalize';
import type { Stage } from '@/lib/playbook/schema';
import { evaluateCondition } from './conditions';
import type { DealContext } from './context';
import { explanation, inEveryLanguage } from '@/lib/domain/explain';
import type { StageResolution } from './stage';

/** What the team may do with the deal's stage in the panel. */
export interface StageControl {
  /** The pipeline stage the team may move the deal on to by hand; null when the CRM tracks what comes next. */
  next: string | null;
  /** The team's move in force; null when the deal follows the CRM (and the playbook's stage rules). */
  override: StageOverride | null;
}

export interface StageProgress {
  stage: StageResolution;
  control: StageControl;
}

/**
 * The deal's stage after signature, where most CRMs stop: a playbook stage
 * rule (e.g. delivery once the delivery start date has passed) or the team's
 * own move in the panel takes a mapped deal further, never back. The team's
 * move holds only while the CRM shows the stage it was made from, so a deal
 * the CRM moves (or reopens) is never overruled by an old click.
 */
export function progressStage(context: DealContext): StageProgress {
  const crmStage = context.stage;
  if (crmStage.kind !== 'mapped' || crmStage.position === null) return { stage: crmStage, control: { next: null, override: null } };
  const { pipelinePosition, stagesById, playbook } = context.compiled;
  const crmStageName = context.input.record.stage ?? '';
  let stage: StageResolution = crmStage;
  let position = crmStage.position;

  for (const rule of playbook.stageRules) {
    const target = pipelinePosition.get(rule.stage);
    if (target === undefined || target <= position) continue;
    const outcome = evaluateCondition(rule.when, context);
    if (outcome.status !== 'met') continue;
    position = target;
    stage = {
      kind: 'mapped',
      stageId: rule.stage,
      position,
      explanation: explanation('stage.derivedByRule', {
        crmStage: crmStageName,
        stage: stagesById.get(rule.stage)!.label,
        because: rule.because,
        evidence: inEveryLanguage(outcome.evidence),
      }),
    };
  }

  const override = context.input.facts.stageOverride;
  const target = override === undefined ? undefined : pipelinePosition.get(override.stageId);
  const inForce =
    override !== undefined && target !== undefined && target > position && normalizeName(override.fromCrmStage) === normalizeName(crmStageName);
  if (inForce) {
    position = target;
    stage = {
      kind: 'mapped',
      stageId: override.stageId,
      position,
      explanation: explanation('stage.movedByTeam', { crmStage: crmStageName, stage: stagesById.get(override.stageId)!.label }),
    };
  }

  return { stage, control: { next: nextByHand(context, position), override: inForce ? override : null } };
}

/**
 * The stage after `position` when the CRM cannot show it: the deal is at or
 * past the last stage the CRM has a name for (its "won" stage), so only the
 * team can say it moved on.
 */
function nextByHand(context: DealContext, position: number): string | null {
  const { pipeline } = context.compiled;
  const crm = context.input.record.crm;
  const named = (stage: Stage) => Object.values(stage.crmNames[crm] ?? {}).some((names) => names.length > 0);
  const lastNamed = pipeline.findLastIndex(named);
  const next = pipeline[position + 1];
  return next !== undefined && lastNamed !== -1 && position >= lastNamed && !named(next) ? next.id : null;
}
