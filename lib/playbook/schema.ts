import { z } from '../domain/zod';
import { LocalizedKeywordsSchema, LocalizedTextSchema } from '../domain/locale';
import { checkPlaybookIntegrity } from './integrity';

/** Bumped when a playbook file written for the old shape would be read wrongly. */
export const PLAYBOOK_SCHEMA_VERSION = 1;

const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Use lower-case letters, digits and dashes (max 64), e.g. "site-power".');
const NameSchema = z.string().trim().min(1);
const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 4217 currency code, e.g. USD.');
/** Same shape as `RecordSnapshot.crm`, so a record's CRM id looks up its stage names directly. */
const CrmIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/, 'Use the CRM id, e.g. "salesforce".');
/** BCP 47 tag of the CRM org's language, e.g. "en" or "zh-CN". */
const LocaleTagSchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language tag, e.g. "zh-CN".');

export const StageSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  /**
   * `pipeline` stages are ordered as listed; a `lost` stage ends the deal
   * outside that order, so nothing becomes required by reaching it.
   */
  kind: z.enum(['pipeline', 'lost']).default('pipeline'),
  /** The stage names each CRM shows for this stage, per org language: `{ salesforce: { en: ['Prospecting'] } }`. */
  crmNames: z.record(CrmIdSchema, z.record(LocaleTagSchema, z.array(NameSchema))).default({}),
});

export const CategorySchema = z.strictObject({ id: IdSchema, label: LocalizedTextSchema });

export const TeamRoleSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  description: LocalizedTextSchema,
  /** Skills that make a colleague a better fit for this role; matched against the directory. */
  skills: z.array(NameSchema).default([]),
});

/** A fact about the deal that makes a role or a decision-chain role necessary. */
export const ConditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('stage-reached'), stage: IdSchema }),
  z.strictObject({
    kind: z.literal('amount-over'),
    /** One threshold per currency; an amount in another currency is reported as not comparable, never converted. */
    thresholds: z.record(CurrencySchema, z.number().positive()),
  }),
  z.strictObject({
    kind: z.literal('record-field'),
    /** CRM field labels or API names, in any language the CRM shows. */
    fields: z.array(NameSchema).min(1),
    keywords: LocalizedKeywordsSchema,
  }),
  z.strictObject({ kind: z.literal('requirement-mentions'), requirement: IdSchema, keywords: LocalizedKeywordsSchema }),
  z.strictObject({ kind: z.literal('note-mentions'), keywords: LocalizedKeywordsSchema }),
  z.strictObject({ kind: z.literal('decision-role-present'), role: IdSchema }),
]);

export const RoleRuleSchema = z.strictObject({
  id: IdSchema,
  role: IdSchema,
  level: z.enum(['required', 'suggested']),
  when: ConditionSchema,
  /** Why the role joins, in the playbook's words; shown with every suggestion. */
  because: LocalizedTextSchema,
});

export const RequirementSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  help: LocalizedTextSchema,
  category: IdSchema,
  /** Team roles that need this fact to do their part (SR, FR, finance…). */
  neededBy: z.array(IdSchema).min(1),
  /** The first pipeline stage at which the fact must be known. */
  requiredFrom: IdSchema,
  /** CRM field labels or API names whose value fills this requirement. */
  crmFields: z.array(NameSchema).default([]),
  /** Words that, found in a note, suggest the note as a value and make the field required now. */
  keywords: LocalizedKeywordsSchema,
});

export const ConditionalReasonSchema = z.strictObject({ when: ConditionSchema, because: LocalizedTextSchema });

export const DecisionRoleSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  /** The top of the chain (decision maker / economic buyer): a deal engaged only there is fragile. */
  top: z.boolean().default(false),
  /** The first pipeline stage from which a contact must cover this role. */
  requiredFrom: IdSchema.optional(),
  /** Other facts that make the role necessary earlier or at all. */
  requiredWhen: z.array(ConditionalReasonSchema).default([]),
  /** CRM contact-role names that mean this role, in every language the CRM shows. */
  crmContactRoles: z.array(NameSchema).default([]),
  titleKeywords: LocalizedKeywordsSchema,
});

export const ThresholdsSchema = z.strictObject({
  /** Days without a meeting, call or mail after which a relationship counts as stale. */
  staleAfterDays: z.number().int().positive(),
  /** Fewer engaged customer contacts than this and the deal is single-threaded. */
  minEngagedContacts: z.number().int().positive(),
});

const WeightSchema = z.number().nonnegative();

export const MatchingSchema = z.strictObject({
  /** CRM fields (labels or API names) that tell the deal's industry, region and language. */
  profileFields: z.strictObject({
    industry: z.array(NameSchema).default([]),
    region: z.array(NameSchema).default([]),
    language: z.array(NameSchema).default([]),
  }),
  /** Points per matching factor; capacity points scale with the share of free slots. */
  weights: z.strictObject({
    skill: WeightSchema,
    industry: WeightSchema,
    region: WeightSchema,
    language: WeightSchema,
    capacity: WeightSchema,
  }),
  /** How many ranked colleagues to show per role. */
  maxCandidates: z.number().int().min(1).max(50),
});

export const PlaybookSchema = z
  .strictObject({
    schemaVersion: z.literal(PLAYBOOK_SCHEMA_VERSION, {
      error: `This extension reads playbook schema version ${PLAYBOOK_SCHEMA_VERSION}.`,
    }),
    id: IdSchema,
    /** The playbook's own version, chosen by its author, e.g. "2025.1". */
    version: NameSchema,
    name: LocalizedTextSchema,
    stages: z.array(StageSchema).min(1),
    categories: z.array(CategorySchema),
    requirements: z.array(RequirementSchema),
    teamRoles: z.array(TeamRoleSchema),
    roleRules: z.array(RoleRuleSchema),
    decisionRoles: z.array(DecisionRoleSchema),
    thresholds: ThresholdsSchema,
    matching: MatchingSchema,
  })
  .superRefine(checkPlaybookIntegrity);

export type Stage = z.output<typeof StageSchema>;
export type Category = z.output<typeof CategorySchema>;
export type TeamRole = z.output<typeof TeamRoleSchema>;
export type Condition = z.output<typeof ConditionSchema>;
export type RoleRule = z.output<typeof RoleRuleSchema>;
export type Requirement = z.output<typeof RequirementSchema>;
export type ConditionalReason = z.output<typeof ConditionalReasonSchema>;
export type DecisionRole = z.output<typeof DecisionRoleSchema>;
export type Thresholds = z.output<typeof ThresholdsSchema>;
export type Matching = z.output<typeof MatchingSchema>;
export type Playbook = z.output<typeof PlaybookSchema>;
/** A playbook as written in a file: defaults may be left out. */
export type PlaybookInput = z.input<typeof PlaybookSchema>;
