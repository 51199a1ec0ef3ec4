import { z } from '@/lib/zod/mini';

export const STANCES = ['supporter', 'neutral', 'opponent', 'unknown'] as const;
export const INFLUENCE_LEVELS = ['high', 'medium', 'low', 'unknown'] as const;

/** The longest stakeholder id a reports-to line keeps (an id is at most a page's contact name or e-mail, with its prefix). */
export const MAX_REPORTS_TO_CHARS = 4_096;

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
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  title: z.optional(z.string()),
  /** Decision-chain role ids set by a person; when empty the engines classify from CRM role and title. */
  roles: z.array(z.string().check(z.minLength(1))),
  stance: StanceSchema,
  influence: InfluenceSchema,
  /** Team-directory person id of the colleague who owns the relationship. */
  ourOwner: z.optional(z.string().check(z.minLength(1))),
  /** Id of the person at the customer this one reports to (absent: nobody known). */
  reportsTo: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_REPORTS_TO_CHARS))),
  /** Epoch milliseconds of the last meeting, call or mail. */
  lastEngagedAt: z.optional(z.int().check(z.nonnegative())),
  /** How we intend to win over or neutralise this person. */
  plan: z.optional(z.string()),
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
  return `crm:name:${contactNameKey(contact.name)}`;
}

/** A person's name as ids compare it: blanks collapsed, lower case. */
export function contactNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** What the team may set about any person at the customer, whether the CRM lists them or the team added them. */
export type StakeholderAnnotations = Pick<Stakeholder, 'stance' | 'influence' | 'ourOwner' | 'lastEngagedAt' | 'reportsTo'>;

/**
 * The stored fact for a person after the team set `annotations` on them.
 * `person` is who they are (for a CRM contact: as the page shows them now);
 * what else was stored before (roles set by hand, the plan) is kept. An
 * annotation left empty is cleared, not kept from before, and so is a
 * reports-to line to the person themself.
 */
export function annotateStakeholder(
  person: Pick<Stakeholder, 'id' | 'name' | 'title' | 'source'>,
  stored: Stakeholder | undefined,
  annotations: StakeholderAnnotations,
): Stakeholder {
  const title = person.title ?? stored?.title;
  return {
    id: person.id,
    name: person.name,
    ...(title !== undefined ? { title } : {}),
    roles: stored?.roles ?? [],
    stance: annotations.stance,
    influence: annotations.influence,
    ...(annotations.ourOwner !== undefined ? { ourOwner: annotations.ourOwner } : {}),
    ...(annotations.lastEngagedAt !== undefined ? { lastEngagedAt: annotations.lastEngagedAt } : {}),
    ...reportsTo(person.id, annotations.reportsTo),
    ...(stored?.plan !== undefined ? { plan: stored.plan } : {}),
    source: person.source,
  };
}

/** The reports-to line worth storing: to someone else, by an id the schema accepts. */
function reportsTo(id: string, to: string | undefined): Pick<Stakeholder, 'reportsTo'> {
  return to !== undefined && to !== '' && to !== id && to.length <= MAX_REPORTS_TO_CHARS ? { reportsTo: to } : {};
}

/**
 * The stored fact for a person after the team set the decision-chain roles
 * they hold (e.g. accepted a proposal as coach). Roles set by hand replace the
 * ones read from the CRM role and title, so `roles` must list every role the
 * person holds; everything else stored is kept.
 */
export function setStakeholderRoles(
  person: Pick<Stakeholder, 'id' | 'name' | 'title' | 'source' | 'stance' | 'influence'>,
  stored: Stakeholder | undefined,
  roles: readonly string[],
): Stakeholder {
  const base: Stakeholder = stored ?? {
    id: person.id,
    name: person.name,
    ...(person.title !== undefined ? { title: person.title } : {}),
    roles: [],
    stance: person.stance,
    influence: person.influence,
    source: person.source,
  };
  return { ...base, roles: [...new Set(roles)] };
}
