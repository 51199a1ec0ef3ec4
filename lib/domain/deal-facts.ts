import { NoteSchema } from './note';
import { RequirementValueSchema } from './requirement-value';
import { StakeholderSchema } from './stakeholder';
import { TeamAssignmentSchema } from './team';
import { z } from './zod';

/** Everything the team has stored about one record, beyond what the CRM page shows. */
export const DealFactsSchema = z.object({
  requirementValues: z.array(RequirementValueSchema),
  /** Notes attached to the record. */
  notes: z.array(NoteSchema),
  stakeholders: z.array(StakeholderSchema),
  assignments: z.array(TeamAssignmentSchema),
});
export type DealFacts = z.infer<typeof DealFactsSchema>;
