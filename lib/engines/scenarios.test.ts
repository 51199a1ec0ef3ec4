/**
 * The two stories of the essay the product is built on (see
 * /work/shared/domain.md), as executable scenarios on the default playbook.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/domain/locales';
import { analyzeDeal, type DealAnalysis } from './analyze';
import { summarizeDeal } from './summary';
import { explain, type Explanation } from '@/lib/domain/explain';
import { DAY, NOW, dealInput, note, person, record, stakeholder } from './testing/fixtures';

describe('Sudan, 2006: the need for cheaper site power never reached the solution people', () => {
  // The account manager heard it; the note captured it. The deal is still being qualified.
  const analysis = analyzeDeal(
    dealInput({
      record: record({
        crm: 'salesforce',
        stage: 'Qualification',
        name: 'Sudan rural GSM sites',
        amount: { text: 'USD 8,000,000', value: 8_000_000, currency: 'USD' },
        fields: [{ label: 'Region', value: 'East Africa' }],
      }),
      facts: {
        notes: [
          note('visit-1', 'The CTO says the diesel fuel for the generators at remote sites costs them more than the equipment.', {
            pageTitle: 'Visit report, Khartoum',
          }),
        ],
      },
      directory: [
        person('p-sr', 'Generic SR', { roles: ['sr'] }),
        person('p-solar', 'Amina Yusuf', { roles: ['power-specialist'], skills: ['solar power', 'hybrid power'], regions: ['East Africa'], capacity: 5, openDeals: 3 }),
        person('p-grid', 'Hans Weber', { roles: ['power-specialist'], skills: ['grid connection'], regions: ['Europe'], capacity: 5, openDeals: 0 }),
      ],
    }),
  );
  const field = (id: string) => analysis.requirements.fields.find((candidate) => candidate.requirementId === id)!;

  it('makes operating cost and site power required now, though their stage is later, quoting the note', () => {
    for (const id of ['operating-cost', 'site-power']) {
      expect(field(id).status).toBe('missing');
      expect(field(id).requiredBecause.map((because) => because.key)).toEqual(['requirement.mentionedInNote']);
      expect(field(id).noteSuggestions.map((suggestion) => suggestion.noteId)).toEqual(['visit-1']);
    }
    expect(explain(field('operating-cost').requiredBecause[0]!, 'en')).toContain('mentions “diesel fuel”');
    // Fields the note does not touch wait for their stage.
    expect(field('technical-requirements').status).toBe('not-yet-required');
  });

  it('suggests a power-solution specialist, with the note as the reason', () => {
    const power = analysis.team.roles.find((role) => role.roleId === 'power-specialist')!;
    expect(power.need).toBe('suggested');
    expect(power.triggers.map((trigger) => trigger.ruleId)).toEqual(['power-specialist-on-note']);
    expect(explain(power.triggers[0]!.because, 'en')).toContain('hybrid solar and generator');
    expect(explain(power.triggers[0]!.evidence, 'zh-CN')).toContain('笔记“Visit report, Khartoum”提到“diesel”');
    expect(power.candidates[0]!.name).toBe('Amina Yusuf');
    expect(power.candidates[0]!.factors.map((factor) => explain(factor.explanation, 'en')).join('; ')).toBe(
      'skill: solar power, hybrid power; region: East Africa; 2 of 5 slots free',
    );
  });

  it('requires finance for a deal of this size', () => {
    expect(analysis.team.roles.find((role) => role.roleId === 'finance')?.need).toBe('required');
  });

  it('renders every explanation completely in both languages', () => expectCompleteExplanations(analysis));
});

describe('The appliance maker: the general manager won the order, incoming inspection rejected the goods', () => {
  const gm = { name: '王总', title: '总经理', role: '决策者', email: 'wang@customer.example' };
  const analysis = analyzeDeal(
    dealInput({
      record: record({ stage: '提议/报价', contacts: [gm] }),
      facts: {
        notes: [note('n1', '对方的IQC会对每批来料做来料检验，抽检不合格整批拒收。', { pageTitle: '采购会议纪要' })],
        stakeholders: [stakeholder('crm:email:wang@customer.example', '王总', { source: 'crm', stance: 'supporter', influence: 'high', ourOwner: 'our-gm', lastEngagedAt: NOW - 3 * DAY })],
      },
      directory: [person('our-gm', '我方总经理', { roles: ['ar', 'executive-sponsor'] }), person('qe', '质量工程师小李', { roles: ['quality-engineer'] })],
    }),
  );
  const gap = (kind: string, roleId?: string) =>
    analysis.decisionChain.gaps.find((candidate) => candidate.kind === kind && (roleId === undefined || candidate.roleId === roleId));

  it('reports that quality inspection has no contact', () => {
    const uncovered = gap('role-uncovered', 'quality-inspection');
    expect(uncovered?.severity).toBe('high');
    expect(explain(uncovered!.explanation, 'en')).toBe('No customer contact covers the role Quality inspection (IQC).');
    expect(explain(uncovered!.explanation, 'zh-CN')).toBe('客户的“质量检验（IQC）”角色没有对应联系人。');
  });

  it('reports that only the top decision maker is engaged', () => {
    const onlyTop = gap('only-top-engaged');
    expect(onlyTop?.severity).toBe('high');
    expect(explain(onlyTop!.explanation, 'zh-CN')).toBe('只搞定了最高决策者（王总），决策链上任何其他环节仍可能让项目失败。');
    expect(explain(onlyTop!.nextAction, 'en')).toContain('Quality inspection (IQC)');
  });

  it('calls in a quality engineer because of the inspection and the missing acceptance standard, and names who can do it', () => {
    const quality = analysis.team.roles.find((role) => role.roleId === 'quality-engineer')!;
    expect(quality.need).toBe('required');
    expect(quality.triggers.map((trigger) => trigger.ruleId)).toEqual(['quality-on-inspection-note', 'quality-when-acceptance-missing']);
    expect(quality.candidates.map((candidate) => candidate.personId)).toEqual(['qe']);
  });

  it('shows the general manager covered by our general manager', () => {
    const row = analysis.decisionChain.coverage.rows.find((candidate) => candidate.roleId === 'decision-maker')!;
    const column = analysis.decisionChain.coverage.members.findIndex((member) => member.personId === 'our-gm');
    expect(row.cells[column]).toEqual(['crm:email:wang@customer.example']);
  });

  it('renders every explanation completely in both languages', () => expectCompleteExplanations(analysis));
});

describe('Sudan, as it happened: the CRM says "build 450 base stations", the customer said something else', () => {
  const input = dealInput({
    record: record({
      stage: 'Value Proposition',
      owner: 'Karim Haddad',
      amount: { text: 'USD 8,000,000.00', value: 8_000_000, currency: 'USD' },
      fields: [
        { label: 'Description', value: 'Build 450 base stations in Darfur and Kordofan.', apiName: 'Description' },
        { label: 'Close Date', value: '30/06/2007', apiName: 'CloseDate' },
      ],
    }),
    facts: { notes: [note('visit', 'Their biggest challenge is the diesel fuel cost and theft at the off-grid sites.')] },
  });
  const analysis = analyzeDeal(input);
  const field = (id: string) => analysis.requirements.fields.find((candidate) => candidate.requirementId === id)!;

  it('does not count the Description as the business pain, nor the Close Date as the decision timeline: they are hints', () => {
    expect(field('business-pain').status).toBe('missing');
    expect(field('business-pain').trail).toEqual([]);
    expect(field('business-pain').hints).toEqual([{ fieldLabel: 'Description', value: 'Build 450 base stations in Darfur and Kordofan.' }]);
    expect(field('decision-timeline').status).toBe('missing');
    expect(field('decision-timeline').hints.map((hint) => hint.fieldLabel)).toEqual(['Close Date']);
  });

  it('offers the note as the business pain, and counts it only once a person accepts it', () => {
    expect(field('business-pain').noteSuggestions.map((mention) => mention.noteId)).toEqual(['visit']);
    const accepted = analyzeDeal({
      ...input,
      facts: {
        ...input.facts,
        requirementValues: [
          { fieldId: 'business-pain', value: 'Diesel fuel cost and theft at off-grid sites', source: { kind: 'note', noteId: 'visit', quote: 'diesel', url: '' }, confirmedByCustomer: false, setBy: '', setAt: NOW },
        ],
      },
    });
    expect(accepted.requirements.fields.find((candidate) => candidate.requirementId === 'business-pain')!.status).toBe('captured');
  });

  it('suggests the power-solution specialist with the note as the reason', () => {
    const power = analysis.team.roles.find((role) => role.roleId === 'power-specialist')!;
    expect(power.triggers.map((trigger) => explain(trigger.because, 'en')).join(' ')).toContain('site power or fuel');
  });

  it('takes the record owner as the account responsible', () => {
    const ar = analysis.team.roles.find((role) => role.roleId === 'ar')!;
    expect(ar.status).toBe('filled');
    expect(ar.assigned).toEqual([{ personId: 'crm-owner:Karim Haddad', name: 'Karim Haddad', source: 'crm-owner' }]);
    expect(summarizeDeal(analysis).missingRoles).not.toContain('ar');
  });

  it('opens with at most three next actions, the overdue business pain among them', () => {
    expect(analysis.findings.next.length).toBeLessThanOrEqual(3);
    expect(analysis.findings.next.map((finding) => `${finding.kind}:${finding.subject}`)).toContain('requirement-missing:business-pain');
  });

  it('renders every explanation completely in both languages', () => expectCompleteExplanations(analysis));
});

describe('The appliance maker, as it happened: a won goods deal, only the CEO and CTO known, nobody mentioned inspection', () => {
  const analysis = analyzeDeal(
    dealInput({
      record: record({
        stage: 'Closed Won',
        owner: '张伟',
        amount: { text: 'CNY 12,000,000.00', value: 12_000_000, currency: 'CNY' },
        fields: [{ label: 'Type', value: 'New Customer' }],
        contacts: [
          { name: '王建国', title: '总经理', role: 'Decision Maker' },
          { name: '李明', title: 'CTO', role: 'Technical Buyer' },
        ],
      }),
    }),
  );
  const next = analysis.findings.next.map((finding) => `${finding.kind}:${finding.subject}:${finding.urgency.severity}`);

  it('raises the uncovered customer quality / incoming-inspection role as high, overdue since the bid', () => {
    const uncovered = analysis.decisionChain.gaps.find((gap) => gap.kind === 'role-uncovered' && gap.roleId === 'quality-inspection')!;
    expect(uncovered.urgency).toMatchObject({ severity: 'high', timing: 'overdue', stagesOverdue: 1 });
    expect(next).toContain('chain-gap:quality-inspection:high');
  });

  it('calls in our quality engineer, because the acceptance standards are still missing', () => {
    const quality = analysis.team.roles.find((role) => role.roleId === 'quality-engineer')!;
    expect(quality.need).toBe('required');
    expect(quality.triggers.map((trigger) => trigger.ruleId)).toEqual(['quality-when-acceptance-missing']);
    expect(next).toContain('role-missing:quality-engineer:high');
  });

  it('no longer asks for competitors and decision criteria after the decision', () => {
    for (const id of ['competitors', 'decision-criteria', 'decision-timeline']) {
      expect(analysis.requirements.fields.find((field) => field.requirementId === id)!.status).toBe('no-longer-required');
    }
  });

  it('offers to move the won deal on to delivery', () => expect(analysis.stageControl.next).toBe('delivery'));

  it('renders every explanation completely in both languages', () => expectCompleteExplanations(analysis));
});

describe('A services-only deal ships no goods: no incoming inspection is asked for', () => {
  it('does not require the quality role or procurement at contract', () => {
    const analysis = analyzeDeal(
      dealInput({ record: record({ stage: 'Closed Won', fields: [{ label: 'Type', value: 'Services' }], contacts: [{ name: 'CEO', title: 'CEO' }] }) }),
    );
    const required = analysis.decisionChain.roles.filter((role) => role.required).map((role) => role.roleId);
    expect(required).not.toContain('quality-inspection');
    expect(required).not.toContain('procurement');
    expect(analysis.team.roles.find((role) => role.roleId === 'quality-engineer')).toBeUndefined();
  });
});

describe('After signature: the team moves a won deal on, and the playbook derives stages from record fields', () => {
  const won = record({ stage: 'Closed Won' });
  const moved = (stageId: string, fromCrmStage = 'Closed Won') =>
    analyzeDeal(dealInput({ record: won, facts: { stageOverride: { stageId, fromCrmStage, setBy: '', setAt: NOW } } }));

  it('applies the team\'s move while the CRM shows the stage it was made from, and asks for delivery facts and roles', () => {
    const analysis = moved('delivery');
    expect(analysis.stage).toMatchObject({ kind: 'mapped', stageId: 'delivery' });
    expect(analysis.stageControl).toMatchObject({ next: 'cash', override: { stageId: 'delivery' } });
    expect(analysis.requirements.fields.find((field) => field.requirementId === 'acceptance-certificates')!.status).toBe('missing');
    expect(analysis.team.roles.find((role) => role.roleId === 'collection')?.need).toBe('required');
    expect(analysis.team.roles.find((role) => role.roleId === 'service')?.need).toBe('required');
  });

  it('ignores the move once the CRM shows another stage (the deal was reopened)', () => {
    const analysis = analyzeDeal(dealInput({ record: record({ stage: 'Negotiation/Review' }), facts: { stageOverride: { stageId: 'delivery', fromCrmStage: 'Closed Won', setBy: '', setAt: NOW } } }));
    expect(analysis.stage).toMatchObject({ kind: 'mapped', stageId: 'bid' });
    expect(analysis.stageControl).toEqual({ next: null, override: null });
  });

  it('derives delivery from a passed delivery start date, and cash from the payment status', () => {
    const withFields = (fields: { label: string; value: string }[]) => analyzeDeal(dealInput({ record: record({ stage: 'Closed Won', fields }) }));
    expect(withFields([{ label: 'Delivery Start Date', value: '2020-01-15' }]).stage).toMatchObject({ stageId: 'delivery' });
    expect(withFields([{ label: 'Delivery Start Date', value: '2999-01-15' }]).stage).toMatchObject({ stageId: 'contract' });
    const paid = withFields([{ label: '回款状态', value: '已回款' }]);
    expect(paid.stage).toMatchObject({ stageId: 'cash' });
    expect(explain(paid.stage.explanation, 'en')).toContain('fully paid');
  });

  it('never moves a deal before signature', () => {
    const analysis = analyzeDeal(dealInput({ record: record({ stage: 'Negotiation/Review', fields: [{ label: 'Delivery Start Date', value: '2020-01-15' }] }) }));
    expect(analysis.stage).toMatchObject({ stageId: 'bid' });
  });
});

/** Every explanation anywhere in the analysis has a message and all its parameters, in every language. */
function expectCompleteExplanations(analysis: DealAnalysis): void {
  const explanations = collectExplanations(analysis);
  expect(explanations.length).toBeGreaterThan(10);
  for (const subject of explanations) {
    for (const locale of LOCALES) {
      const sentence = explain(subject, locale);
      expect(sentence, `${subject.key} in ${locale}`).not.toMatch(/\{\w+\}/);
      expect(sentence.trim().length).toBeGreaterThan(0);
    }
  }
}

function collectExplanations(value: unknown): Explanation[] {
  if (Array.isArray(value)) return value.flatMap(collectExplanations);
  if (typeof value !== 'object' || value === null) return [];
  if ('key' in value && 'params' in value) return [value as Explanation];
  return Object.values(value).flatMap(collectExplanations);
}
