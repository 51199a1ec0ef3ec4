import { z } from '@/lib/zod/classic';

const terms = z.array(z.string().trim().min(1));

/** One colleague in the team directory. */
export const PersonSchema = z.object({
  id: z.string().trim().min(1),
  name: z.string().trim().min(1),
  email: z.string().trim().optional(),
  /** Playbook team-role ids this person can take, e.g. `sr`, `quality-engineer`. */
  roles: terms.min(1),
  skills: terms.default([]),
  industries: terms.default([]),
  regions: terms.default([]),
  languages: terms.default([]),
  /** How many open deals this person can support at once. */
  capacity: z.number().int().nonnegative(),
  /** Open deals this person supports now. */
  openDeals: z.number().int().nonnegative().default(0),
});
export type Person = z.output<typeof PersonSchema>;

/** A colleague assigned to a team role on the record. */
export const TeamAssignmentSchema = z.object({
  roleId: z.string().min(1),
  personId: z.string().min(1),
});
export type TeamAssignment = z.infer<typeof TeamAssignmentSchema>;
