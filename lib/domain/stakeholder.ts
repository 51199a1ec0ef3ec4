import { z } from './zod';

export const STANCES = ['supporter', 'neutral', 'opponent', 'unknown'] as const;
export const INFLUENCE_LEVELS = ['high', 'medium', 'low', 'unknown'] as const;

export const StanceSchema = z.enum(STANCES);
export const InfluenceSchema = z.enum(INFLUENCE_LEVELS);
export type Stance = z.infer<typeof StanceSchema>;
export type Influence = z.infer<typeof InfluenceSchema>;

/**
 * A person on the customer's side, as our team knows them. For a CRM contact
 * this holds what the CRM does not (stance, influence, owner…), keyed by
 * `stakeholderIdForContact`; a manual entry stands on its own.
 */
export const StakeholderSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  title: z.string().optional(),
  /** Decision-chain role ids set by a person; when empty the engines classify from CRM role and title. */
  roles: z.array(z.string().min(1)),
  stance: StanceSchema,
  influence: InfluenceSchema,
  /** Team-directory person id of the colleague who owns the relationship. */
  ourOwner: z.string().min(1).optional(),
  /** Epoch milliseconds of the last meeting, call or mail. */
  lastEngagedAt: z.number().int().nonnegative().optional(),
  /** How we intend to win over or neutralise this person. */
  plan: z.string().optional(),
  source: z.enum(['crm', 'manual']),
});
export type Stakeholder = z.infer<typeof StakeholderSchema>;

/**
 * Stable id of a CRM contact, so annotations survive re-reads of the page:
 * the e-mail address when the CRM shows one, else the name.
 */
export function stakeholderIdForContact(contact: { name: string; email?: string }): string {
  const email = contact.email?.trim().toLowerCase();
  if (email) return `crm:email:${email}`;
  return `crm:name:${contact.name.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}
