import fc from 'fast-check';
import type { RecordSnapshot } from '@/lib/crm/snapshot';
import type { DealFacts } from '@/lib/domain/deal-facts';
import type { Person } from '@/lib/domain/team';
import type { ConditionInput, PlaybookInput } from '@/lib/playbook/schema';
import type { DealInput } from '@/lib/engines/input';

/**
 * fast-check generators of schema-valid engine inputs. Names, stage names and
 * keywords come from small shared pools, so generated records, notes and
 * playbooks actually meet (rules fire, stages map, people match); free text
 * adds arbitrary Unicode, lone surrogates included.
 */

const STAGE_IDS = ['s0', 's1', 's2', 's3', 's4', 's5'];
const CRMS = ['salesforce', 'hubspot', 'odoo'];
const STAGE_NAMES = ['Prospecting', 'Qualification', 'Closed Won', 'Closed Lost', '资格审查', 'Negotiation/Review', 'New'];
const ROLE_IDS = ['ar', 'sr', 'fr', 'qe', 'fin'];
const DECISION_ROLE_IDS = ['dm', 'eval', 'iqc', 'fin'];
const WORDS = ['diesel', 'fuel cost', 'IQC', 'inspection', 'solar', 'loan', 'budget', '柴油', '来料检验', '付款', 'costs', 'Energy', 'East Africa', 'Arabic', 'CEO', '总经理'];
const CONTACT_ROLES = ['Decision Maker', 'Evaluator', '决策者', 'Other', 'Influencer, Evaluator'];
const TITLES = ['CEO', 'QA Manager', '总经理', '质检主管', 'Engineer', 'Buyer'];
const CURRENCIES = ['USD', 'CNY', 'EUR', 'GBP'];
const PERSON_IDS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];

const text = (en: string) => ({ en, 'zh-CN': `${en}（中）` });
const word = fc.constantFrom(...WORDS);
const freeText = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(word, { maxLength: 6 }).map((words) => words.join(' ')));
const keywords = fc.record({ en: fc.array(word, { minLength: 1, maxLength: 3 }), 'zh-CN': fc.array(word, { maxLength: 2 }) });

const FIELD_NAMES = ['Industry', 'Region', 'Type', 'Budget', '@stage', '@amount', '@closeDate', '@owner'];
const FIELD_VALUES = ['Services', 'Energy', 'Prospecting', 's1', 'East Africa', 'New Customer'];
/** A stage window inside the pipeline: a first stage, and sometimes a last one at or after it. */
function windowIn(pipeline: string[]): fc.Arbitrary<{ requiredFrom: string; requiredUntil?: string }> {
  return fc
    .tuple(fc.nat({ max: pipeline.length - 1 }), fc.option(fc.nat({ max: pipeline.length - 1 }), { nil: undefined }))
    .map(([from, span]) => ({
      requiredFrom: pipeline[from]!,
      ...(span !== undefined && { requiredUntil: pipeline[Math.min(pipeline.length - 1, from + span)]! }),
    }));
}

const weight = fc.constantFrom('critical' as const, 'normal' as const, 'minor' as const);

/** Any condition, the combinators (`all` / `any` / `not`) nested up to a small depth. */
function condition(pipelineStages: string[], requirementIds: string[]): fc.Arbitrary<ConditionInput> {
  const leaves: fc.Arbitrary<ConditionInput>[] = [
    fc.constantFrom(...pipelineStages).map((stage) => ({ kind: 'stage-reached' as const, stage })),
    fc
      .dictionary(fc.constantFrom(...CURRENCIES), fc.integer({ min: 1, max: 10_000_000 }), { minKeys: 1 })
      .map((thresholds) => ({ kind: 'amount-over' as const, thresholds })),
    fc.record({ kind: fc.constant('record-field' as const), fields: fc.constant<string[]>(['Industry', 'Region']), keywords }),
    fc.record({ kind: fc.constant('note-mentions' as const), keywords }),
    fc.constantFrom(...DECISION_ROLE_IDS).map((role) => ({ kind: 'decision-role-present' as const, role })),
    fc.oneof(
      fc.record({ kind: fc.constant('field' as const), fields: fc.subarray(FIELD_NAMES, { minLength: 1 }), op: fc.constant('equals' as const), values: fc.subarray(FIELD_VALUES, { minLength: 1 }) }),
      fc.record({ kind: fc.constant('field' as const), fields: fc.subarray(FIELD_NAMES, { minLength: 1 }), op: fc.constantFrom('present' as const, 'date-passed' as const) }),
      fc.record(
        {
          kind: fc.constant('field' as const),
          fields: fc.subarray(FIELD_NAMES, { minLength: 1 }),
          op: fc.constantFrom('greater-than' as const, 'less-than' as const),
          value: fc.integer({ min: 0, max: 10_000_000 }),
          currency: fc.constantFrom(...CURRENCIES),
        },
        { requiredKeys: ['kind', 'fields', 'op', 'value'] },
      ),
    ),
  ];
  if (requirementIds.length > 0) {
    leaves.push(fc.record({ kind: fc.constant('requirement-mentions' as const), requirement: fc.constantFrom(...requirementIds), keywords }));
    leaves.push(fc.constantFrom(...requirementIds).map((requirement) => ({ kind: 'requirement-missing' as const, requirement })));
  }
  const leaf = fc.oneof(...leaves);
  const { tree } = fc.letrec<{ tree: ConditionInput }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ kind: fc.constantFrom('all' as const, 'any' as const), conditions: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('not' as const), condition: tie('tree') }),
    ),
  }));
  return tree;
}

/** A valid playbook built from random parts; every reference points at something that exists. */
export const playbookInput: fc.Arbitrary<PlaybookInput> = fc
  .record({
    stageIds: fc.uniqueArray(fc.constantFrom(...STAGE_IDS), { minLength: 1, maxLength: 5 }),
    hasLostStage: fc.boolean(),
    /** Each CRM stage name goes to at most one stage, as the schema demands. */
    nameOwners: fc.array(fc.tuple(fc.constantFrom(...CRMS), fc.nat()), { minLength: STAGE_NAMES.length, maxLength: STAGE_NAMES.length }),
    requirementCount: fc.integer({ min: 0, max: 4 }),
  })
  .chain(({ stageIds, hasLostStage, nameOwners, requirementCount }) => {
    const pipeline = hasLostStage && stageIds.length > 1 ? stageIds.slice(1) : stageIds;
    const stages = stageIds.map((id) => {
      const crmNames: Record<string, Record<string, string[]>> = {};
      STAGE_NAMES.forEach((name, index) => {
        const [crm, owner] = nameOwners[index]!;
        if (stageIds[owner % stageIds.length] === id) (crmNames[crm] ??= { en: [] }).en!.push(name);
      });
      return { id, label: text(id), kind: pipeline.includes(id) ? ('pipeline' as const) : ('lost' as const), crmNames };
    });
    const requirementIds = Array.from({ length: requirementCount }, (_, index) => `r${index}`);
    const anyCondition = condition(pipeline, requirementIds);
    return fc.record({
      schemaVersion: fc.constant(2 as const),
      id: fc.constant('generated'),
      version: fc.constant('1'),
      name: fc.constant(text('Generated')),
      stages: fc.constant(stages),
      categories: fc.constant<PlaybookInput['categories']>([{ id: 'c', label: text('C') }]),
      requirements: fc.tuple(
        ...requirementIds.map((id) =>
          fc.record({
            id: fc.constant(id),
            label: fc.constant(text(id)),
            help: fc.constant(text('help')),
            category: fc.constant('c'),
            neededBy: fc.uniqueArray(fc.constantFrom(...ROLE_IDS), { minLength: 1 }),
            window: windowIn(pipeline),
            weight,
            crmFields: fc.subarray(['Budget', 'Industry', 'Notes']).chain((names) =>
              fc.tuple(...names.map((field) => fc.oneof(fc.constant(field), fc.record({ field: fc.constant(field), satisfies: fc.boolean() })))),
            ),
            keywords,
          }).map(({ window, ...requirement }) => ({ ...requirement, ...window })),
        ),
      ),
      teamRoles: fc.constant(ROLE_IDS.map((id) => ({ id, label: text(id), description: text(id) }))).chain((roles) =>
        fc.tuple(...roles.map((role, index) => fc.subarray(WORDS).map((skills) => ({ ...role, skills, heldByRecordOwner: index === 0 })))),
      ),
      roleRules: fc
        .array(
          fc.record(
            { role: fc.constantFrom(...ROLE_IDS), level: fc.constantFrom('required' as const, 'suggested' as const), when: anyCondition, weight },
            { requiredKeys: ['role', 'level', 'when'] },
          ),
          {
          maxLength: 8,
        })
        .map((rules) => rules.map((rule, index) => ({ ...rule, id: `rule-${index}`, because: text(`because ${index}`) }))),
      decisionRoles: fc.tuple(
        ...DECISION_ROLE_IDS.map((id) =>
          fc.record({
            id: fc.constant(id),
            label: fc.constant(text(id)),
            top: fc.boolean(),
            requiredFrom: fc.option(fc.constantFrom(...pipeline), { nil: undefined }),
            appliesWhen: fc.option(anyCondition, { nil: undefined }),
            weight,
            counterpart: fc.option(fc.constantFrom(...ROLE_IDS), { nil: undefined }),
            proposeFor: fc.option(fc.constant<{ stances: ('supporter' | 'neutral')[]; influences: ('high' | 'medium')[] }>({ stances: ['supporter'], influences: ['high'] }), { nil: undefined }),
            requiredWhen: fc.array(fc.record({ when: anyCondition, because: fc.constant(text('why')) }), { maxLength: 2 }),
            crmContactRoles: fc.subarray(CONTACT_ROLES),
            titleKeywords: fc.record({ en: fc.subarray(TITLES), 'zh-CN': fc.subarray(['总经理', '质检']) }),
          }),
        ),
      ),
      titleExclusions: fc.record({ en: fc.subarray(['assistant', 'secretary']), 'zh-CN': fc.subarray(['助理', '秘书']) }),
      stageRules: fc
        .array(fc.record({ stage: fc.constantFrom(...pipeline), when: anyCondition }), { maxLength: 2 })
        .map((rules) => rules.map((rule, index) => ({ ...rule, id: `stage-rule-${index}`, because: text(`moved ${index}`) }))),
      thresholds: fc.record({ staleAfterDays: fc.integer({ min: 1, max: 90 }), minEngagedContacts: fc.integer({ min: 1, max: 5 }) }),
      matching: fc.record({
        profileFields: fc.constant<PlaybookInput['matching']['profileFields']>({ industry: ['Industry'], region: ['Region'], language: ['Language'] }),
        weights: fc.record({
          skill: fc.integer({ min: 0, max: 5 }),
          industry: fc.integer({ min: 0, max: 5 }),
          region: fc.integer({ min: 0, max: 5 }),
          language: fc.integer({ min: 0, max: 5 }),
          capacity: fc.double({ min: 0, max: 5, noNaN: true }),
        }),
        maxCandidates: fc.integer({ min: 1, max: 5 }),
      }),
    });
  });

const amount = fc.option(
  fc.record(
    {
      text: fc.string({ maxLength: 20 }),
      value: fc.option(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { nil: null }),
      currency: fc.constantFrom(...CURRENCIES),
      currencyAssumed: fc.boolean(),
    },
    { requiredKeys: ['text', 'value'] },
  ),
  { nil: undefined },
);

export const recordSnapshot: fc.Arbitrary<RecordSnapshot> = fc.record({
  crm: fc.constantFrom(...CRMS, 'in-house'),
  host: fc.constant('crm.example.com'),
  objectType: fc.constant('Opportunity'),
  recordId: fc.constant('r1'),
  url: fc.constant('https://crm.example.com/r1'),
  stage: fc.option(fc.oneof(fc.constantFrom(...STAGE_NAMES), freeText), { nil: undefined }),
  amount,
  fields: fc.array(fc.record({ label: fc.constantFrom('Industry', 'Region', 'Language', 'Budget', 'Notes'), value: freeText }), { maxLength: 6 }),
  contacts: fc.array(
    fc.record(
      { name: fc.constantFrom('Ahmed', 'Li Wei', '王总', 'Sara'), title: fc.constantFrom(...TITLES), role: fc.constantFrom(...CONTACT_ROLES), email: fc.constantFrom('a@x.io', 'b@x.io') },
      { requiredKeys: ['name'] },
    ),
    { maxLength: 6 },
  ),
  unreadContactDetails: fc.option(fc.subarray(['title', 'role'] as const), { nil: undefined }),
  missing: fc.constant([]),
  adapter: fc.constant('test'),
  readAt: fc.constant(0),
});

const time = fc.integer({ min: 0, max: 4_000_000_000_000 });

export const dealFacts: fc.Arbitrary<DealFacts> = fc.record({
  requirementValues: fc.array(
    fc.record({
      fieldId: fc.constantFrom('r0', 'r1', 'r2', 'gone'),
      value: freeText,
      source: fc.oneof(
        fc.constant({ kind: 'manual' as const }),
        fc.record({ kind: fc.constant('crm-field' as const), fieldLabel: fc.constantFrom('Budget', 'Notes') }),
        fc.record({ kind: fc.constant('note' as const), noteId: fc.constant('n1'), quote: freeText, url: fc.constant('https://x') }),
      ),
      confirmedByCustomer: fc.boolean(),
      setBy: fc.constant('ana'),
      setAt: time,
    }),
    { maxLength: 6 },
  ),
  notes: fc.array(
    fc.record({ id: fc.constantFrom('n1', 'n2', 'n3', 'n4'), text: freeText, pageTitle: fc.string({ maxLength: 10 }), url: fc.constant('https://x'), capturedAt: time }),
    { maxLength: 6 },
  ),
  stakeholders: fc.array(
    fc.record(
      {
        id: fc.constantFrom('s1', 's2', 's3', 'crm:email:a@x.io'),
        name: fc.constantFrom('Ahmed', 'Li Wei', 'Omar'),
        title: fc.constantFrom(...TITLES),
        roles: fc.subarray([...DECISION_ROLE_IDS, 'retired']),
        stance: fc.constantFrom('supporter' as const, 'neutral' as const, 'opponent' as const, 'unknown' as const),
        influence: fc.constantFrom('high' as const, 'medium' as const, 'low' as const, 'unknown' as const),
        ourOwner: fc.constantFrom(...PERSON_IDS, 'former'),
        lastEngagedAt: time,
        plan: fc.constantFrom('', 'Site visit'),
        source: fc.constantFrom('crm' as const, 'manual' as const),
      },
      { requiredKeys: ['id', 'name', 'roles', 'stance', 'influence', 'source'] },
    ),
    { maxLength: 6 },
  ),
  assignments: fc.array(fc.record({ roleId: fc.constantFrom(...ROLE_IDS, 'gone'), personId: fc.constantFrom(...PERSON_IDS, 'former') }), { maxLength: 4 }),
  stageOverride: fc.option(
    fc.record({ stageId: fc.constantFrom(...STAGE_IDS, 'gone'), fromCrmStage: fc.constantFrom(...STAGE_NAMES), setBy: fc.constant(''), setAt: time }),
    { nil: undefined },
  ),
});

/** People with distinct ids, as an imported directory has. */
export const directory: fc.Arbitrary<Person[]> = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom(...PERSON_IDS),
    name: fc.constantFrom('Sara', 'Bo', 'Ana', 'Lee', '小李'),
    roles: fc.uniqueArray(fc.constantFrom(...ROLE_IDS), { minLength: 1, maxLength: 2 }),
    skills: fc.subarray(WORDS),
    industries: fc.subarray(['Energy', 'Telecom']),
    regions: fc.subarray(['East Africa', 'Europe']),
    languages: fc.subarray(['Arabic', 'English']),
    capacity: fc.integer({ min: 0, max: 6 }),
    openDeals: fc.integer({ min: 0, max: 8 }),
  }),
  { selector: (person) => person.id, maxLength: PERSON_IDS.length },
);

/** Everything but the playbook, which a test parses first (to check the generator makes valid ones). */
export const dealParts = fc.record({ record: recordSnapshot, facts: dealFacts, directory, now: time });
export type DealParts = Omit<DealInput, 'playbook'>;
