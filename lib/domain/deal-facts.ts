import { NoteSchema } from './note';
import { RequirementValueSchema } from './requirement-value';
import { StageOverrideSchema } from './stage-override';
import { StakeholderSchema } from './stakeholder';
import { TeamAssignmentSchema } from './team';
import { z } from '@/lib/zod/mini';

/** Everything the team has stored about one record, beyond what the CRM page shows. */
export const DealFactsSchema = z.object({
  requirementValues: z.array(RequirementValueSchema),
  /** Notes attached to the record. */
  notes: z.array(NoteSchema),
  stakeholders: z.array(StakeholderSchema),
  assignments: z.array(TeamAssignmentSchema),
  /** People's decisions on notes' proposals: a rejected one is not proposed again and makes nothing required. */
  decisions: z.optional(z.array(z.object({ noteId: z.string().check(z.minLength(1)), fieldId: z.string().check(z.minLength(1)), decision: z.enum(['accepted', 'rejected']) }))),
  /** Where the team moved the deal on past the CRM's stage; absent when it follows the CRM. */
  stageOverride: z.optional(StageOverrideSchema),
});
export type DealFacts = z.infer<typeof DealFactsSchema>;
