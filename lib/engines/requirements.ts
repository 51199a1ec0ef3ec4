import type { Requirement } from '@/lib/playbook/schema';
import type { DealContext } from './context';
import { hasReached } from './stage';
import { explanation, type Explanation } from '@/lib/domain/explain';
import type { NoteMention } from './note-mentions';
import type { CapturedValue, CrmHint } from './requirement-trail';
import { raiseSeverity, urgency, type Urgency } from './severity';
import type { StageResolution } from './stage';

/**
 * - `missing`: required now and nothing known;
 * - `captured`: a value is known but the customer has not confirmed it;
 * - `confirmed`: the customer confirmed a value;
 * - `not-yet-required`: nothing known and not needed at this stage;
 * - `no-longer-required`: nothing known, and the stage it mattered for is past (competitors after the decision).
 */
export type RequirementStatusKind = 'missing' | 'captured' | 'confirmed' | 'not-yet-required' | 'no-longer-required';

export interface RequirementStatus {
  requirementId: string;
  status: RequirementStatusKind;
  /** Why the field is required now: its stage was reached, or a note brought it up. Empty when not required. */
  requiredBecause: Explanation[];
  /** Team roles that need the fact. */
  neededBy: string[];
  /** Every value that counts as the fact, newest first; the first is the one to show. */
  trail: CapturedValue[];
  /** CRM values shown beside the fact that do not count as it ("from the CRM — not confirmed"). */
  hints: CrmHint[];
  /** How urgent the missing fact is, from its stage window and weight; absent unless `missing`. */
  urgency?: Urgency;
  /** The team role whose job it is to get the fact. */
  collectedBy: string;
  /** Notes that mention the field: suggestions a person may accept as its value. */
  noteSuggestions: NoteMention[];
  noteSuggestionCount: number;
}

export interface StageCompleteness {
  stageId: string;
  /** Fields required at this stage (by stage, or because a note brought them up). */
  required: number;
  /** Of those, fields with a value (confirmed ones included). */
  captured: number;
  confirmed: number;
}

export interface RequirementsReport {
  stage: StageResolution;
  fields: RequirementStatus[];
  /** One entry per pipeline stage, in order. */
  completeness: StageCompleteness[];
  /** Fields without a value that the next pipeline stage requires; null when there is no next stage or the stage is not known. */
  nextStage: { stageId: string; blockers: string[] } | null;
}

/** For each requirement field of the playbook: is it needed now, what is known, and where did it come from. */
export function evaluateRequirements(context: DealContext): RequirementsReport {
  const { pipeline } = context.compiled;
  const evaluated = context.compiled.playbook.requirements.map((requirement) => evaluateField(requirement, context));
  // A field a note brought up is required at every stage of its window up to its end; otherwise from its own stage on.
  const requiredAt = (position: number) =>
    evaluated
      .filter((field) => (field.mentioned || field.fromPosition <= position) && position <= field.untilPosition)
      .map((field) => field.report);

  const completeness = pipeline.map((stage, position): StageCompleteness => {
    const required = requiredAt(position);
    return {
      stageId: stage.id,
      required: required.length,
      captured: required.filter((field) => field.trail.length > 0).length,
      confirmed: required.filter((field) => field.status === 'confirmed').length,
    };
  });

  const nextStageAt = (position: number) => {
    const next = pipeline[position];
    if (next === undefined) return null;
    const blockers = requiredAt(position).filter((field) => field.trail.length === 0);
    return { stageId: next.id, blockers: blockers.map((field) => field.requirementId) };
  };
  const nextStage = context.position === null ? null : nextStageAt(context.position + 1);

  return { stage: context.stage, fields: evaluated.map((field) => field.report), completeness, nextStage };
}

interface EvaluatedField {
  report: RequirementStatus;
  /** Pipeline position of the stage the field is required from. */
  fromPosition: number;
  /** Pipeline position of the last stage the field is asked at. */
  untilPosition: number;
  mentioned: boolean;
}

function evaluateField(requirement: Requirement, context: DealContext): EvaluatedField {
  const trail = [...(context.trails.get(requirement.id) ?? [])];
  const mentions = context.noteMentions.get(requirement);
  const { pipelinePosition } = context.compiled;
  const fromPosition = pipelinePosition.get(requirement.requiredFrom) ?? Infinity;
  const untilPosition = requirement.requiredUntil === undefined ? Infinity : (pipelinePosition.get(requirement.requiredUntil) ?? Infinity);
  const past = context.position !== null && context.position > untilPosition;
  const requiredBecause: Explanation[] = [];

  const stage = context.compiled.stagesById.get(requirement.requiredFrom);
  const stageReached = stage !== undefined && hasReached(context, stage.id);
  if (stageReached && !past) requiredBecause.push(explanation('requirement.requiredFromStage', { stage: stage.label }));
  const firstMention = mentions?.mentions[0];
  if (firstMention !== undefined && !past) {
    requiredBecause.push(
      explanation('requirement.mentionedInNote', { keyword: firstMention.keyword, quote: firstMention.quote, pageTitle: firstMention.pageTitle }),
    );
  }
  const status = statusOf(trail, requiredBecause.length > 0, past);

  return {
    fromPosition,
    untilPosition,
    mentioned: firstMention !== undefined,
    report: {
      requirementId: requirement.id,
      status,
      requiredBecause,
      neededBy: [...requirement.neededBy],
      collectedBy: requirement.collectedBy ?? requirement.neededBy[0]!,
      trail,
      hints: [...(context.hints.get(requirement.id) ?? [])],
      // Before its stage (a note brought it up) it is early; at its stage due; after it overdue.
      ...(status === 'missing' && { urgency: factUrgency(requirement, fromPosition, context.position, firstMention !== undefined) }),
      noteSuggestions: mentions?.mentions ?? [],
      noteSuggestionCount: mentions?.count ?? 0,
    },
  };
}

/** Stage window and weight; a fact the customer brought up in a note weighs one level more, whatever its stage. */
function factUrgency(requirement: Requirement, fromPosition: number, position: number | null, mentioned: boolean): Urgency {
  const graded = urgency(requirement.weight, Number.isFinite(fromPosition) ? fromPosition : null, position);
  return mentioned ? { ...graded, severity: raiseSeverity(graded.severity) } : graded;
}

function statusOf(trail: readonly CapturedValue[], required: boolean, past: boolean): RequirementStatusKind {
  if (trail.some((value) => value.confirmedByCustomer)) return 'confirmed';
  if (trail.length > 0) return 'captured';
  if (past) return 'no-longer-required';
  return required ? 'missing' : 'not-yet-required';
}
