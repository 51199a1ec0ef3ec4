import type { RecordSnapshot } from '@/lib/crm/snapshot';
import { normalizeName } from '@/lib/domain/normalize';
import type { CompiledPlaybook } from './compiled-playbook';
import { explanation, type Explanation } from '@/lib/domain/explain';

/**
 * The playbook stage of a record. A CRM stage name the playbook does not list
 * is reported as unknown, never matched by similarity: a wrong stage would
 * make wrong fields required.
 */
export type StageResolution =
  | {
      kind: 'mapped';
      stageId: string;
      /** Index in the pipeline; null for a lost stage, which is outside the order. */
      position: number | null;
      explanation: Explanation;
    }
  | { kind: 'unknown'; crmStageName: string; explanation: Explanation }
  | { kind: 'missing'; explanation: Explanation };

export function resolveStage(compiled: CompiledPlaybook, record: Pick<RecordSnapshot, 'crm' | 'stage'>): StageResolution {
  const crmStageName = record.stage?.trim();
  if (!crmStageName) return { kind: 'missing', explanation: explanation('stage.missing') };

  const names = compiled.crmStageNames.get(record.crm);
  if (names === undefined) {
    return { kind: 'unknown', crmStageName, explanation: explanation('stage.crmNotMapped', { crm: record.crm, crmStage: crmStageName }) };
  }
  const stage = names.get(normalizeName(crmStageName));
  if (stage === undefined) {
    return { kind: 'unknown', crmStageName, explanation: explanation('stage.unknown', { crm: record.crm, crmStage: crmStageName }) };
  }
  return {
    kind: 'mapped',
    stageId: stage.id,
    position: compiled.pipelinePosition.get(stage.id) ?? null,
    explanation: explanation('stage.mapped', { crmStage: crmStageName, stage: stage.label }),
  };
}

/** Pipeline position of the record's stage, or null when it is lost, unknown or missing. */
export function stagePosition(resolution: StageResolution): number | null {
  return resolution.kind === 'mapped' ? resolution.position : null;
}

/** True once the deal has reached `stageId` in the pipeline. */
export function hasReached(context: { compiled: CompiledPlaybook; position: number | null }, stageId: string): boolean {
  const target = context.compiled.pipelinePosition.get(stageId);
  return context.position !== null && target !== undefined && context.position >= target;
}
