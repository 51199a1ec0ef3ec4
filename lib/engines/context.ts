import { compilePlaybook, type CompiledPlaybook, type NoteTopic } from './compiled-playbook';
import type { DealInput } from './input';
import { findNoteMentions, type TopicMentions } from './note-mentions';
import { indexRecordFields, type RecordFieldIndex } from './record-fields';
import { groupValuesByField, requirementTrail, type CapturedValue } from './requirement-trail';
import { resolveStage, stagePosition, type StageResolution } from './stage';
import { classifyStakeholders, type ClassifiedStakeholder } from './stakeholders';

/**
 * What all three engines derive from the input, computed once per analysis:
 * the stage, every requirement's value trail, what the notes mention and who
 * the customer's people are.
 */
export interface DealContext {
  input: DealInput;
  compiled: CompiledPlaybook;
  stage: StageResolution;
  /** Pipeline position of the record's stage; null when lost, unknown or missing. */
  position: number | null;
  recordFields: RecordFieldIndex;
  /** Requirement id -> known values, newest first. */
  trails: ReadonlyMap<string, readonly CapturedValue[]>;
  noteMentions: ReadonlyMap<NoteTopic, TopicMentions>;
  stakeholders: readonly ClassifiedStakeholder[];
}

export function createDealContext(input: DealInput): DealContext {
  const compiled = compilePlaybook(input.playbook);
  const stage = resolveStage(compiled, input.record);
  const recordFields = indexRecordFields(input.record);
  const storedValues = groupValuesByField(input.facts.requirementValues);
  return {
    input,
    compiled,
    stage,
    position: stagePosition(stage),
    recordFields,
    trails: new Map(
      input.playbook.requirements.map((requirement) => [
        requirement.id,
        requirementTrail(requirement, storedValues.get(requirement.id) ?? [], recordFields),
      ]),
    ),
    noteMentions: findNoteMentions(compiled, input.facts.notes),
    stakeholders: classifyStakeholders(compiled, input.record.contacts, input.facts.stakeholders),
  };
}

/** True once the deal has reached `stageId` in the pipeline. */
export function hasReached(context: DealContext, stageId: string): boolean {
  const target = context.compiled.pipelinePosition.get(stageId);
  return context.position !== null && target !== undefined && context.position >= target;
}
