import { z } from '@/lib/zod/mini';

const terms = z.array(z.string().check(z.trim(), z.minLength(1)));

/** One colleague in the team directory. */
export const PersonSchema = z.object({
  id: z.string().check(z.trim(), z.minLength(1)),
  name: z.string().check(z.trim(), z.minLength(1)),
  email: z.optional(z.string().check(z.trim())),
  /** Playbook team-role ids this person can take, e.g. `sr`, `quality-engineer`. */
  roles: terms.check(z.minLength(1)),
  skills: z._default(terms, []),
  industries: z._default(terms, []),
  regions: z._default(terms, []),
  languages: z._default(terms, []),
  /** How many open deals this person can support at once. */
  capacity: z.int().check(z.nonnegative()),
  /** Open deals this person supports now. */
  openDeals: z._default(z.int().check(z.nonnegative()), 0),
});
export type Person = z.output<typeof PersonSchema>;

/** A colleague assigned to a team role on the record. */
export const TeamAssignmentSchema = z.object({
  roleId: z.string().check(z.minLength(1)),
  personId: z.string().check(z.minLength(1)),
});
export type TeamAssignment = z.infer<typeof TeamAssignmentSchema>;
