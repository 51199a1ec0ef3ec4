import { compilePlaybook, type CompiledPlaybook, type NoteTopic } from './compiled-playbook';
import type { DealInput } from './input';
import { findNoteMentions, type TopicMentions } from './note-mentions';
import { indexRecordFields, type RecordFieldIndex } from './record-fields';
import { groupValuesByField, requirementTrail, type CapturedValue, type CrmHint } from './requirement-trail';
import { resolveStage, stagePosition, type StageResolution } from './stage';
import { progressStage, type StageControl } from './stage-progress';
import { classifyStakeholders, type ClassifiedStakeholder } from './stakeholders';

/**
 * What all three engines derive from the input, computed once per analysis:
 * the stage, every requirement's value trail, what the notes mention and who
 * the customer's people are.
 */
export interface DealContext {
  input: DealInput;
  compiled: CompiledPlaybook;
  /** The deal's stage: the CRM's, moved on by a playbook stage rule or the team where the CRM stops. */
  stage: StageResolution;
  /** Pipeline position of the deal's stage; null when lost, unknown or missing. */
  position: number | null;
  stageControl: StageControl;
  recordFields: RecordFieldIndex;
  /** Requirement id -> values that count as the fact, newest first. */
  trails: ReadonlyMap<string, readonly CapturedValue[]>;
  /** Requirement id -> CRM values shown beside it that do not count as the fact. */
  hints: ReadonlyMap<string, readonly CrmHint[]>;
  noteMentions: ReadonlyMap<NoteTopic, TopicMentions>;
  stakeholders: readonly ClassifiedStakeholder[];
}

export function createDealContext(input: DealInput): DealContext {
  const compiled = compilePlaybook(input.playbook);
  const crmStage = resolveStage(compiled, input.record);
  const recordFields = indexRecordFields(input.record);
  const storedValues = groupValuesByField(input.facts.requirementValues);
  const evidence = input.playbook.requirements.map(
    (requirement) => [requirement.id, requirementTrail(requirement, storedValues.get(requirement.id) ?? [], recordFields)] as const,
  );
  const context: DealContext = {
    input,
    compiled,
    stage: crmStage,
    position: stagePosition(crmStage),
    stageControl: { next: null, override: null },
    recordFields,
    trails: new Map(evidence.map(([id, { trail }]) => [id, trail])),
    hints: new Map(evidence.map(([id, { hints }]) => [id, hints])),
    noteMentions: findNoteMentions(compiled, input.facts.notes, input.facts.decisions?.filter((decision) => decision.decision === 'rejected')),
    stakeholders: classifyStakeholders(compiled, input.record.contacts, input.facts.stakeholders),
  };
  // Stage rules read the rest of the context (fields, captured facts) at the CRM's stage.
  const { stage, control } = progressStage(context);
  context.stage = stage;
  context.position = stagePosition(stage);
  context.stageControl = control;
  return context;
}
