import { z } from '@/lib/zod/mini';
import { LocalizedKeywordsSchema, LocalizedTextSchema } from '@/lib/domain/localized-text';
import { InfluenceSchema, StanceSchema } from '@/lib/domain/stakeholder';
import { checkPlaybookIntegrity } from './integrity';
import { PageRulesInFileSchema } from '@/lib/page-rules/file';
import { FIGURE_KINDS } from '@/lib/domain/figure';

/**
 * Bumped when a playbook file written for the old shape would be read wrongly.
 * Older versions are migrated on read (`migrate.ts`), never rejected.
 */
export const PLAYBOOK_SCHEMA_VERSION = 2;

const IdSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Use lower-case letters, digits and dashes (max 64), e.g. "site-power".'));
const NameSchema = z.string().check(z.trim(), z.minLength(1));
const CurrencySchema = z.string().check(z.regex(/^[A-Z]{3}$/, 'Use an ISO 4217 currency code, e.g. USD.'));
/** Same shape as `RecordSnapshot.crm`, so a record's CRM id looks up its stage names directly. */
const CrmIdSchema = z.string().check(z.regex(/^[a-z0-9-]{1,40}$/, 'Use the CRM id, e.g. "salesforce".'));
/** BCP 47 tag of the CRM org's language, e.g. "en" or "zh-CN". */
const LocaleTagSchema = z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language tag, e.g. "zh-CN".'));

export const StageSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  /**
   * `pipeline` stages are ordered as listed; a `lost` stage ends the deal
   * outside that order, so nothing becomes required by reaching it.
   */
  kind: z._default(z.enum(['pipeline', 'lost']), 'pipeline'),
  /** The stage names each CRM shows for this stage, per org language: `{ salesforce: { en: ['Prospecting'] } }`. */
  crmNames: z._default(z.record(CrmIdSchema, z.record(LocaleTagSchema, z.array(NameSchema))), {}),
});

export const CategorySchema = z.strictObject({ id: IdSchema, label: LocalizedTextSchema });

export const TeamRoleSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  description: LocalizedTextSchema,
  /** Skills that make a colleague a better fit for this role; matched against the directory. */
  skills: z._default(z.array(NameSchema), []),
  /** The CRM record's owner holds this role unless the team assigns someone to it (the account responsible). */
  heldByRecordOwner: z._default(z.boolean(), false),
});

/**
 * A CRM field whose value is shown beside a requirement. It counts as the
 * captured fact only when `satisfies` says so: a CRM's Description or Close
 * Date is the rep's text or our forecast, not what the customer said.
 */
export const CrmFieldMappingSchema = z.strictObject({ field: NameSchema, satisfies: z._default(z.boolean(), false) });

/**
 * How much a missing item matters when it is due; with its stage window this
 * gives its severity (see `lib/engines/severity.ts`).
 */
export const WeightSchema = z.enum(['critical', 'normal', 'minor']);

/** The record's own parts, named in a `field` condition with a leading "@"; anything else is a CRM field label or API name. */
export const RECORD_PARTS = ['@stage', '@amount', '@closeDate', '@owner', '@account', '@name'] as const;

/**
 * Comparisons a `field` condition makes. `equals`: the value is one of
 * `values` (case and spacing ignored; for "@stage" a playbook stage id or the
 * CRM's stage name). `present`: the field has a value. `greater-than` /
 * `less-than`: the value read as a number (for "@amount" the parsed amount, in
 * `currency` when one is given). `date-passed`: the value read as a date lies
 * before the day of the analysis.
 */
export const FIELD_OPERATORS = ['equals', 'present', 'greater-than', 'less-than', 'date-passed'] as const;

export type Condition =
  | { kind: 'stage-reached'; stage: string }
  | { kind: 'amount-over'; thresholds: Record<string, number> }
  | { kind: 'record-field'; fields: string[]; keywords: { en: string[]; 'zh-CN': string[] } }
  | { kind: 'requirement-mentions'; requirement: string; keywords: { en: string[]; 'zh-CN': string[] } }
  | { kind: 'requirement-missing'; requirement: string }
  | { kind: 'note-mentions'; keywords: { en: string[]; 'zh-CN': string[] } }
  | { kind: 'decision-role-present'; role: string }
  | { kind: 'field'; fields: string[]; op: (typeof FIELD_OPERATORS)[number]; values?: string[]; value?: number; currency?: string }
  | { kind: 'all'; conditions: Condition[] }
  | { kind: 'any'; conditions: Condition[] }
  | { kind: 'not'; condition: Condition };

/** A fact about the deal that makes a role or a decision-chain role necessary; `all` / `any` / `not` combine them. */
export const ConditionSchema: z.ZodMiniType<Condition, ConditionInput> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('stage-reached'), stage: IdSchema }),
    z.strictObject({
      kind: z.literal('amount-over'),
      /** One threshold per currency; an amount in another currency is reported as not comparable, never converted. */
      thresholds: z.record(CurrencySchema, z.number().check(z.positive())),
    }),
    z.strictObject({
      kind: z.literal('record-field'),
      /** CRM field labels or API names, in any language the CRM shows. */
      fields: z.array(NameSchema).check(z.minLength(1)),
      keywords: LocalizedKeywordsSchema,
    }),
    z.strictObject({ kind: z.literal('requirement-mentions'), requirement: IdSchema, keywords: LocalizedKeywordsSchema }),
    /** The requirement has no value that counts as captured. */
    z.strictObject({ kind: z.literal('requirement-missing'), requirement: IdSchema }),
    z.strictObject({ kind: z.literal('note-mentions'), keywords: LocalizedKeywordsSchema }),
    z.strictObject({ kind: z.literal('decision-role-present'), role: IdSchema }),
    z.strictObject({
      kind: z.literal('field'),
      /** CRM field labels or API names (the first the record shows is compared), or one of the record parts "@stage", "@amount"… */
      fields: z.array(NameSchema).check(z.minLength(1)),
      op: z.enum(FIELD_OPERATORS),
      values: z.optional(z.array(NameSchema).check(z.minLength(1))),
      value: z.optional(z.number()),
      currency: z.optional(CurrencySchema),
    }),
    z.strictObject({ kind: z.literal('all'), conditions: z.array(ConditionSchema).check(z.minLength(1)) }),
    z.strictObject({ kind: z.literal('any'), conditions: z.array(ConditionSchema).check(z.minLength(1)) }),
    z.strictObject({ kind: z.literal('not'), condition: ConditionSchema }),
  ]));

type KeywordsInput = { en?: string[]; 'zh-CN'?: string[] };

/** A condition as written in a file: keyword lists may leave a language out. */
export type ConditionInput =
  | Extract<Condition, { kind: 'stage-reached' | 'amount-over' | 'requirement-missing' | 'decision-role-present' | 'field' }>
  | { kind: 'record-field'; fields: string[]; keywords: KeywordsInput }
  | { kind: 'requirement-mentions'; requirement: string; keywords: KeywordsInput }
  | { kind: 'note-mentions'; keywords: KeywordsInput }
  | { kind: 'all' | 'any'; conditions: ConditionInput[] }
  | { kind: 'not'; condition: ConditionInput };

export const RoleRuleSchema = z.strictObject({
  id: IdSchema,
  role: IdSchema,
  level: z.enum(['required', 'suggested']),
  when: ConditionSchema,
  /** How much the missing role matters; by default `normal` for a required role and `minor` for a suggested one. */
  weight: z.optional(WeightSchema),
  /** Why the role joins, in the playbook's words; shown with every suggestion. */
  because: LocalizedTextSchema,
});

export const RequirementSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  help: LocalizedTextSchema,
  category: IdSchema,
  /** Team roles that need this fact to do their part (SR, FR, finance…). */
  neededBy: z.array(IdSchema).check(z.minLength(1)),
  /** The first pipeline stage at which the fact must be known. */
  requiredFrom: IdSchema,
  /** The last pipeline stage at which the fact is asked for (e.g. competitors, until the decision); absent: to the end. */
  requiredUntil: z.optional(IdSchema),
  /** How much the missing fact matters when it is due. */
  weight: z._default(WeightSchema, 'normal'),
  /** The team role whose job it is to get the fact from the customer; absent: the first of `neededBy`. */
  collectedBy: z.optional(IdSchema),
  /** CRM fields shown beside the requirement; a bare name is a hint that does not satisfy it. */
  crmFields: z._default(z.array(z.union([z.pipe(NameSchema, z.transform((field) => ({ field, satisfies: false }))), CrmFieldMappingSchema])), []),
  /** Phrases that, found in a statement of a note, propose the statement as the value and make the field required now. */
  keywords: LocalizedKeywordsSchema,
  /** Weaker phrases: they count only in a statement that also states a figure of a kind in `expects` ("budget" beside an amount). */
  cues: z._default(LocalizedKeywordsSchema, { en: [], 'zh-CN': [] }),
  /** The figures the fact is stated with (an amount for a budget, a date for a timeline); what `cues` need beside them. */
  expects: z._default(z.array(z.enum(FIGURE_KINDS)), []),
  /** Phrases inside which a keyword does not count: "80% on delivery" is a payment term, not a delivery constraint. */
  excludes: z._default(LocalizedKeywordsSchema, { en: [], 'zh-CN': [] }),
  /** Facts whose evidence in the same statement means it is about them, not this one (a competitor's solar offer is not the sites' power). */
  notWith: z._default(z.array(IdSchema), []),
});

/** A note and what the playbook must and must not propose from it: the playbook's own checks (`npm run playbook -- check`). */
export const PlaybookExampleSchema = z.strictObject({
  note: z.string().check(z.trim(), z.minLength(1)),
  /** Facts the note must be proposed for, each with a text its value must contain. */
  proposes: z._default(z.array(z.strictObject({ requirement: IdSchema, contains: z.optional(z.string().check(z.minLength(1))) })), []),
  /** Facts the note must not be proposed for. */
  mustNotPropose: z._default(z.array(IdSchema), []),
});

export const ConditionalReasonSchema = z.strictObject({ when: ConditionSchema, because: LocalizedTextSchema });

export const DecisionRoleSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  /** The top of the chain (decision maker / economic buyer): a deal engaged only there is fragile. */
  top: z._default(z.boolean(), false),
  /** The first pipeline stage from which a contact must cover this role. */
  requiredFrom: z.optional(IdSchema),
  /** The last pipeline stage at which the role must be covered (the decision maker until the contract); absent: to the end. */
  requiredUntil: z.optional(IdSchema),
  /** Limits `requiredFrom` to deals where this holds (e.g. deals that ship goods). */
  appliesWhen: z.optional(ConditionSchema),
  /** How much an uncovered role matters when it is due. */
  weight: z._default(WeightSchema, 'normal'),
  /** The team role whose job it is to find and win this person; absent: the playbook's first team role. */
  counterpart: z.optional(IdSchema),
  /** Customer people whose stance and influence fit are proposed for this role (e.g. a highly influential supporter as coach). */
  proposeFor: z.optional(z.strictObject({ stances: z.array(StanceSchema).check(z.minLength(1)), influences: z.array(InfluenceSchema).check(z.minLength(1)) })),
  /** Other facts that make the role necessary earlier or at all. */
  requiredWhen: z._default(z.array(ConditionalReasonSchema), []),
  /** CRM contact-role names that mean this role, in every language the CRM shows. */
  crmContactRoles: z._default(z.array(NameSchema), []),
  titleKeywords: LocalizedKeywordsSchema,
});

/** A rule that moves the deal to a later stage than the CRM's (e.g. delivery once a go-live date has passed). */
export const StageRuleSchema = z.strictObject({
  id: IdSchema,
  stage: IdSchema,
  when: ConditionSchema,
  because: LocalizedTextSchema,
});

export const ThresholdsSchema = z.strictObject({
  /** Days without a meeting, call or mail after which a relationship counts as stale. */
  staleAfterDays: z.int().check(z.positive()),
  /** Fewer engaged customer contacts than this and the deal is single-threaded. */
  minEngagedContacts: z.int().check(z.positive()),
});

const PointsSchema = z.number().check(z.nonnegative());

export const MatchingSchema = z.strictObject({
  /** CRM fields (labels or API names) that tell the deal's industry, region and language. */
  profileFields: z.strictObject({
    industry: z._default(z.array(NameSchema), []),
    region: z._default(z.array(NameSchema), []),
    language: z._default(z.array(NameSchema), []),
  }),
  /** Points per matching factor; capacity points scale with the share of free slots. */
  weights: z.strictObject({
    skill: PointsSchema,
    industry: PointsSchema,
    region: PointsSchema,
    language: PointsSchema,
    capacity: PointsSchema,
  }),
  /** How many ranked colleagues to show per role. */
  maxCandidates: z.int().check(z.gte(1), z.lte(50)),
});

export const PlaybookSchema = z.strictObject({
    schemaVersion: z.literal(PLAYBOOK_SCHEMA_VERSION, {
      error: `This extension reads playbook schema version ${PLAYBOOK_SCHEMA_VERSION}.`,
    }),
    id: IdSchema,
    /** The playbook's own version, chosen by its author, e.g. "2025.1". */
    version: NameSchema,
    name: LocalizedTextSchema,
    stages: z.array(StageSchema).check(z.minLength(1)),
    categories: z.array(CategorySchema),
    requirements: z.array(RequirementSchema),
    teamRoles: z.array(TeamRoleSchema),
    roleRules: z.array(RoleRuleSchema),
    decisionRoles: z.array(DecisionRoleSchema),
    /** Words that, in a job title, mean the person works for the title holder rather than holds the title ("assistant", "助理"). */
    titleExclusions: z._default(LocalizedKeywordsSchema, { en: [], 'zh-CN': [] }),
    stageRules: z._default(z.array(StageRuleSchema), []),
    thresholds: ThresholdsSchema,
    matching: MatchingSchema,
    /** Where values sit on CRM pages the adapters cannot fully read ("Point at it on the page"): taken in as the user's imported page rules. */
    pageRules: z.optional(PageRulesInFileSchema),
    /** Notes with what they must and must not propose, checked by `npm run playbook -- check`. */
    examples: z._default(z.array(PlaybookExampleSchema), []),
  }).check(z.superRefine(checkPlaybookIntegrity));

export type Stage = z.output<typeof StageSchema>;
export type Category = z.output<typeof CategorySchema>;
export type TeamRole = z.output<typeof TeamRoleSchema>;
export type Weight = z.output<typeof WeightSchema>;
export type CrmFieldMapping = z.output<typeof CrmFieldMappingSchema>;
export type StageRule = z.output<typeof StageRuleSchema>;
export type RoleRule = z.output<typeof RoleRuleSchema>;
export type Requirement = z.output<typeof RequirementSchema>;
export type ConditionalReason = z.output<typeof ConditionalReasonSchema>;
export type DecisionRole = z.output<typeof DecisionRoleSchema>;
export type Thresholds = z.output<typeof ThresholdsSchema>;
export type Matching = z.output<typeof MatchingSchema>;
export type Playbook = z.output<typeof PlaybookSchema>;
export type PlaybookExample = z.output<typeof PlaybookExampleSchema>;
/** A playbook as written in a file: defaults may be left out. */
export type PlaybookInput = z.input<typeof PlaybookSchema>;
