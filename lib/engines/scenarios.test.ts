/**
 * The two stories of the essay the product is built on (see
 * /work/shared/domain.md), as executable scenarios on the default playbook.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../domain/locale';
import { analyzeDeal, type DealAnalysis } from './analyze';
import { explain, type Explanation } from './explain';
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
    expect(explain(field('operating-cost').requiredBecause[0]!, 'en')).toContain('mentions “diesel”');
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

  it('suggests a quality engineer because of the inspection, and names who can do it', () => {
    const quality = analysis.team.roles.find((role) => role.roleId === 'quality-engineer')!;
    expect(quality.need).toBe('suggested');
    expect(quality.triggers.map((trigger) => trigger.ruleId)).toEqual(['quality-on-inspection-note']);
    expect(quality.candidates.map((candidate) => candidate.personId)).toEqual(['qe']);
  });

  it('shows the general manager covered by our general manager', () => {
    const row = analysis.decisionChain.coverage.rows.find((candidate) => candidate.roleId === 'decision-maker')!;
    const column = analysis.decisionChain.coverage.members.findIndex((member) => member.personId === 'our-gm');
    expect(row.cells[column]).toEqual(['crm:email:wang@customer.example']);
  });

  it('renders every explanation completely in both languages', () => expectCompleteExplanations(analysis));
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
