import { describe, expect, it } from 'vitest';
import type { Money, RecordSnapshot } from '@/lib/crm/snapshot';
import type { PlaybookInput } from '@/lib/playbook/schema';
import { buildPlaybook } from '@/lib/playbook/testing/minimal-playbook';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import { createDealContext } from './context';
import { explain } from '@/lib/domain/explain';
import { evaluateTeam } from './team';
import { dealInput, note, person, record, value } from './testing/fixtures';

const text = (en: string) => ({ en, 'zh-CN': `${en}（中文）` });

const playbook = buildPlaybook((input: PlaybookInput) => {
  input.teamRoles.push(
    { id: 'power', label: text('Power specialist'), description: text('Site power.'), skills: ['Solar Power', 'hybrid power'] },
    { id: 'finance', label: text('Finance'), description: text('Money.') },
    { id: 'sponsor', label: text('Executive sponsor'), description: text('Peer of the CEO.') },
  );
  input.roleRules.push(
    { id: 'power-note', role: 'power', level: 'suggested', when: { kind: 'note-mentions', keywords: { en: ['diesel'], 'zh-CN': ['柴油'] } }, because: text('Fuel is a topic.') },
    { id: 'power-industry', role: 'power', level: 'suggested', when: { kind: 'record-field', fields: ['Industry', '行业'], keywords: { en: ['energy'] } }, because: text('Energy customer.') },
    { id: 'power-bid', role: 'power', level: 'required', when: { kind: 'stage-reached', stage: 'bid' }, because: text('Bids need the power design.') },
    { id: 'finance-large', role: 'finance', level: 'required', when: { kind: 'amount-over', thresholds: { USD: 1_000_000, CNY: 7_000_000 } }, because: text('Large deal.') },
    { id: 'finance-loan', role: 'finance', level: 'suggested', when: { kind: 'requirement-mentions', requirement: 'budget', keywords: { en: ['loan'] } }, because: text('Financed deal.') },
    { id: 'sponsor-ceo', role: 'sponsor', level: 'suggested', when: { kind: 'decision-role-present', role: 'decision-maker' }, because: text('The CEO is involved.') },
  );
});

function team(overrides: Parameters<typeof dealInput>[0] = {}, recordOverrides: Partial<RecordSnapshot> = {}) {
  return evaluateTeam(createDealContext(dealInput({ playbook, record: record({ stage: 'Prospecting', ...recordOverrides }), ...overrides })));
}

const need = (report: ReturnType<typeof team>, roleId: string) => report.roles.find((role) => role.roleId === roleId);
const firedRules = (report: ReturnType<typeof team>) => report.roles.flatMap((role) => role.triggers.map((trigger) => trigger.ruleId));
const usd = (amount: number): Money => ({ text: `USD ${amount}`, value: amount, currency: 'USD' });

describe('evaluateTeam: rules', () => {
  it('stage reached: requires the role from its stage on', () => {
    expect(firedRules(team())).toEqual(['ar-always']);
    const report = team({}, { stage: 'Proposal/Price Quote' });
    expect(need(report, 'power')).toMatchObject({ need: 'required', triggers: [{ ruleId: 'power-bid', level: 'required' }] });
    expect(explain(need(report, 'power')!.triggers[0]!.evidence, 'en')).toBe('The deal has reached the stage Bid.');
  });

  it('note mentions: suggests the role with the quote that triggered it, in the playbook’s words', () => {
    const report = team({ facts: { notes: [note('n1', '油机的柴油成本太高', { pageTitle: '拜访纪要' })] } });
    const trigger = need(report, 'power')!.triggers[0]!;
    expect(trigger).toMatchObject({ ruleId: 'power-note', level: 'suggested' });
    expect(explain(trigger.because, 'zh-CN')).toBe('Fuel is a topic.（中文）');
    expect(explain(trigger.evidence, 'zh-CN')).toBe('笔记“拜访纪要”提到“柴油”：油机的柴油成本太高');
  });

  it('record field: looks at the named field only', () => {
    expect(firedRules(team({}, { fields: [{ label: '行业', value: 'Energy & Utilities' }] }))).toContain('power-industry');
    expect(firedRules(team({}, { fields: [{ label: 'Description', value: 'Energy' }] }))).not.toContain('power-industry');
  });

  it('requirement mentions: looks at the values captured for that requirement', () => {
    const loan = team({ facts: { requirementValues: [value('budget', 'Phase 2 depends on a World Bank loan')] } });
    expect(need(loan, 'finance')?.triggers.map((trigger) => trigger.ruleId)).toEqual(['finance-loan']);
    expect(explain(need(loan, 'finance')!.triggers[0]!.evidence, 'en')).toBe('Budget mentions “loan”: Phase 2 depends on a World Bank loan');
    expect(firedRules(team({ facts: { notes: [note('n1', 'a loan')] } }))).not.toContain('finance-loan');
  });

  it('decision-chain role present: fires when a contact holds the role', () => {
    const report = team({}, { contacts: [{ name: 'Ahmed Musa', title: 'CEO' }] });
    expect(explain(need(report, 'sponsor')!.triggers[0]!.evidence, 'en')).toBe('The customer’s Decision maker is on the record: Ahmed Musa.');
  });

  it('takes the strongest level when several rules ask for a role, and lists them all', () => {
    const report = team({ facts: { notes: [note('n1', 'diesel')] } }, { stage: 'Proposal/Price Quote' });
    expect(need(report, 'power')).toMatchObject({
      need: 'required',
      triggers: [{ ruleId: 'power-note', level: 'suggested' }, { ruleId: 'power-bid', level: 'required' }],
    });
  });
});

describe('evaluateTeam: amount thresholds per currency', () => {
  it('compares an amount with the threshold of its own currency', () => {
    expect(need(team({}, { amount: usd(1_500_000) }), 'finance')?.need).toBe('required');
    expect(need(team({}, { amount: usd(900_000) }), 'finance')).toBeUndefined();
    expect(need(team({}, { amount: { text: '¥8,000,000', value: 8_000_000, currency: 'CNY' } }), 'finance')?.need).toBe('required');
    expect(need(team({}, { amount: { text: '¥6,000,000', value: 6_000_000, currency: 'CNY' } }), 'finance')).toBeUndefined();
  });

  it('reports an amount in a currency without threshold as "cannot compare" and never converts it', () => {
    const report = team({}, { amount: { text: '€5,000,000', value: 5_000_000, currency: 'EUR' } });
    expect(need(report, 'finance')).toBeUndefined();
    expect(report.undetermined).toHaveLength(1);
    expect(report.undetermined[0]).toMatchObject({ ruleIds: ['finance-large'], roleIds: ['finance'] });
    expect(explain(report.undetermined[0]!.evidence, 'en')).toBe(
      'Cannot compare: the amount is in EUR and the rule has thresholds only in CNY, USD. Amounts are never converted by guess.',
    );
  });

  it('reports an amount without currency, an unreadable amount and a missing amount', () => {
    const keys = (amount: Money | undefined) => team({}, { amount }).undetermined.map((rule) => rule.evidence.key);
    expect(keys({ text: '2,000,000', value: 2_000_000 })).toEqual(['condition.amountWithoutCurrency']);
    expect(keys({ text: 'TBD', value: null, currency: 'USD' })).toEqual(['condition.amountUnreadable']);
    expect(keys(undefined)).toEqual(['condition.amountMissing']);
  });

  it('says once that an amount has no currency, however many rules it leaves undecided', () => {
    const twoRules = buildPlaybook((input: PlaybookInput) => {
      input.teamRoles.push({ id: 'finance', label: text('Finance'), description: text('Money.') }, { id: 'legal', label: text('Legal'), description: text('Contracts.') });
      const large = { kind: 'amount-over', thresholds: { USD: 1_000_000 } } as const;
      input.roleRules.push(
        { id: 'finance-large', role: 'finance', level: 'required', when: large, because: text('Large deal.') },
        { id: 'finance-very-large', role: 'finance', level: 'required', when: { kind: 'amount-over', thresholds: { USD: 5_000_000 } }, because: text('Very large deal.') },
        { id: 'legal-large', role: 'legal', level: 'suggested', when: large, because: text('Large contract.') },
      );
    });
    const amount = { text: '2,350,000.00', value: 2_350_000 };
    const report = evaluateTeam(createDealContext(dealInput({ playbook: twoRules, record: record({ stage: 'Prospecting', amount }) })));
    expect(report.undetermined.map((entry) => [entry.ruleIds, entry.roleIds, explain(entry.evidence, 'en')])).toEqual([
      [['finance-large', 'finance-very-large', 'legal-large'], ['finance', 'legal'], 'The amount “2,350,000.00” has no currency, so it cannot be compared with the threshold.'],
    ]);
  });

  it('compares a currency taken from a bare "$" and says it was assumed', () => {
    const assumed: Money = { text: '$2,350,000.00', value: 2_350_000, currency: 'USD', currencyAssumed: true };
    const report = team({}, { amount: assumed });
    expect(report.undetermined).toEqual([]);
    const trigger = need(report, 'finance')!.triggers[0]!;
    expect(trigger.ruleId).toBe('finance-large');
    expect(explain(trigger.evidence, 'en')).toBe('The amount 2,350,000 USD is over 1,000,000 USD (the page shows only “$2,350,000.00”: taken as USD).');
    expect(explain(trigger.evidence, 'zh-CN')).toBe('金额 2,350,000 USD 超过 1,000,000 USD（页面只显示“$2,350,000.00”，按 USD 计）。');
    // A stated currency is not called assumed.
    expect(explain(need(team({}, { amount: { ...assumed, currencyAssumed: undefined } }), 'finance')!.triggers[0]!.evidence, 'en')).toBe(
      'The amount 2,350,000 USD is over 1,000,000 USD.',
    );
  });

  it('compares an assumed currency in a field rule on the amount, and says it was assumed', () => {
    const fieldRule = buildPlaybook((input: PlaybookInput) => {
      input.teamRoles.push({ id: 'finance', label: text('Finance'), description: text('Money.') });
      input.roleRules.push({
        id: 'finance-over',
        role: 'finance',
        level: 'required',
        when: { kind: 'field', fields: ['@amount'], op: 'greater-than', value: 1_000_000, currency: 'USD' },
        because: text('Large deal.'),
      });
    });
    const evidence = (amount: Money) =>
      evaluateTeam(createDealContext(dealInput({ playbook: fieldRule, record: record({ stage: 'Prospecting', amount }) }))).roles.find(
        (role) => role.roleId === 'finance',
      )?.triggers[0]?.evidence;
    const assumed = evidence({ text: '$2,350,000.00', value: 2_350_000, currency: 'USD', currencyAssumed: true });
    expect(assumed && explain(assumed, 'en')).toBe('The field “@amount” is “$2,350,000.00”, taken as USD: the page shows no currency.');
    const stated = evidence({ text: 'USD 2,350,000.00', value: 2_350_000, currency: 'USD' });
    expect(stated && explain(stated, 'en')).toBe('The field “@amount” is “USD 2,350,000.00”.');
  });

  it('names the assumption when an assumed currency has no threshold', () => {
    const report = team({}, { amount: { text: '$2,350,000.00', value: 2_350_000, currency: 'EUR', currencyAssumed: true } });
    expect(explain(report.undetermined[0]!.evidence, 'en')).toBe(
      'Cannot compare: the page shows only “$2,350,000.00”, taken as EUR, and the rule has thresholds only in CNY, USD. Amounts are never converted by guess.',
    );
  });
});

describe('evaluateTeam: people', () => {
  const directory = [
    person('p1', 'Sara Ali', { roles: ['power'], skills: ['solar power', 'welding'], regions: ['East Africa'], capacity: 5, openDeals: 3 }),
    person('p2', 'Bo Chen', { roles: ['power'], skills: ['Hybrid Power'], capacity: 5, openDeals: 5 }),
    person('p3', 'Ana Diaz', { roles: ['ar', 'power'], languages: ['Arabic'], capacity: 4, openDeals: 0 }),
    person('p4', 'Zed', { roles: ['finance'], capacity: 2, openDeals: 2 }),
  ];
  const powerDeal = { directory, facts: { notes: [note('n1', 'diesel')] } };
  const profile = { fields: [{ label: 'Region', value: 'Sudan, East Africa' }, { label: 'Language', value: 'English; Arabic' }] };

  it('ranks the people who can take a role, with a breakdown a person can read', () => {
    const candidates = need(team(powerDeal, profile), 'power')!.candidates;
    expect(candidates.map((candidate) => [candidate.name, candidate.score])).toEqual([
      ['Sara Ali', 5.8],
      ['Ana Diaz', 3],
      ['Bo Chen', 3],
    ]);
    expect(candidates[0]!.factors.map((factor) => explain(factor.explanation, 'en')).join('; ')).toBe(
      'skill: solar power; region: East Africa; 2 of 5 slots free',
    );
    expect(candidates[0]!.factors.map((factor) => factor.points)).toEqual([3, 2, 0.8]);
    expect(candidates[1]!.factors.map((factor) => explain(factor.explanation, 'zh-CN'))).toEqual(['语言：Arabic', '4 个名额中空闲 4 个']);
  });

  it('breaks ties by name, then id, whatever the directory order', () => {
    const twins = [
      person('b', 'Lee', { roles: ['power'] }),
      person('a', 'Lee', { roles: ['power'] }),
      person('c', 'Kim', { roles: ['power'] }),
    ];
    for (const order of [twins, [...twins].reverse()]) {
      expect(need(team({ directory: order, facts: { notes: [note('n1', 'diesel')] } }), 'power')!.candidates.map((c) => c.personId)).toEqual([
        'c',
        'a',
        'b',
      ]);
    }
  });

  it('shows at most the number of candidates the playbook asks for', () => {
    const many = Array.from({ length: 10 }, (_, index) => person(`p${index}`, `Person ${index}`, { roles: ['power'] }));
    expect(need(team({ directory: many, facts: { notes: [note('n1', 'diesel')] } }), 'power')!.candidates).toHaveLength(3);
  });

  it('recognises assigned members, even when they have left the directory, and does not offer them again', () => {
    const report = team({
      ...powerDeal,
      facts: {
        notes: [note('n1', 'diesel')],
        assignments: [
          { roleId: 'power', personId: 'p1' },
          { roleId: 'ar', personId: 'gone' },
          { roleId: 'cfo', personId: 'p4' },
        ],
      },
    });
    expect(need(report, 'power')).toMatchObject({ status: 'filled', assigned: [{ personId: 'p1', name: 'Sara Ali' }] });
    expect(need(report, 'power')!.candidates.map((candidate) => candidate.personId)).not.toContain('p1');
    expect(need(report, 'ar')).toMatchObject({ status: 'filled', assigned: [{ personId: 'gone', name: null }] });
    expect(report.unknownRoleAssignments).toEqual([{ roleId: 'cfo', personId: 'p4' }]);
  });

  it('lists a role someone holds although no rule asks for it', () => {
    const report = team({ directory, facts: { assignments: [{ roleId: 'finance', personId: 'p4' }] } });
    expect(need(report, 'finance')).toMatchObject({ need: 'assigned-only', triggers: [], status: 'filled' });
  });

  it('reports a role nobody in the directory can take as a gap; with an empty directory every role is one', () => {
    const report = team({ directory: [] });
    expect(need(report, 'ar')).toMatchObject({ status: 'gap', candidates: [] });
    expect(explain(need(report, 'ar')!.gap!, 'en')).toBe('Nobody in the team directory can take the role AR.');
    expect(need(team({ directory }), 'ar')).toMatchObject({ status: 'open', candidates: [{ personId: 'p3' }] });
  });
});

describe('evaluateTeam: an unassigned role escalates once it is overdue', () => {
  // The default playbook's FR rule (required from solution) has no weight of its own: a required rule weighs
  // "normal", so a due FR is medium and only being overdue makes it high.
  const frAt = (stage: string, assignments: { roleId: string; personId: string }[] = []) =>
    need(evaluateTeam(createDealContext(dealInput({ playbook: DEFAULT_PLAYBOOK, record: record({ stage }), facts: { assignments } }))), 'fr');

  it('uses a rule without a critical weight', () => {
    const rule = DEFAULT_PLAYBOOK.roleRules.find((candidate) => candidate.id === 'fr-from-solution')!;
    expect(rule).toMatchObject({ role: 'fr', level: 'required', when: { kind: 'stage-reached', stage: 'solution' } });
    expect(rule.weight).toBeUndefined();
  });

  it('is not asked for before its stage, medium when due, high when overdue (FR unassigned at contract)', () => {
    expect(frAt('Qualification')).toBeUndefined();
    expect(frAt('Needs Analysis')?.urgency).toEqual({ severity: 'medium', timing: 'due', weight: 'normal', stagesOverdue: 0 });
    expect(frAt('Proposal/Price Quote')?.urgency).toEqual({ severity: 'high', timing: 'overdue', weight: 'normal', stagesOverdue: 1 });
    expect(frAt('Closed Won')?.urgency).toEqual({ severity: 'high', timing: 'overdue', weight: 'normal', stagesOverdue: 2 });
  });

  it('carries no urgency once someone holds the role', () => {
    const filled = frAt('Closed Won', [{ roleId: 'fr', personId: 'p1' }]);
    expect(filled?.status).toBe('filled');
    expect(filled?.urgency).toBeUndefined();
  });
});
