import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import type { Playbook } from '@/lib/playbook/schema';
import { proposeFacts } from './propose';

const NOW = Date.parse('2026-11-02T09:00:00Z');
const propose = (text: string, playbook: Playbook = DEFAULT_PLAYBOOK) => proposeFacts(playbook, { text, capturedAt: NOW });
const byFact = (text: string) => new Map(propose(text).map((proposal) => [proposal.requirementId, proposal]));

describe('proposeFacts on the default playbook', () => {
  it('proposes the whole statement with its figure, not a window around the keyword', () => {
    const note = 'Mtg w/ CTO. Budget approx. USD 1.2M for phase 1 (120 sites), the rest next year. Lunch after.';
    const budget = byFact(note).get('budget');
    expect(budget?.value).toBe('Budget approx. USD 1.2M for phase 1 (120 sites), the rest next year.');
    expect(budget?.quote).toBe(budget?.value);
    expect(budget?.figures).toContainEqual(expect.objectContaining({ kind: 'amount', value: 1_200_000, currency: 'USD' }));
    expect(budget?.start).toBe(note.indexOf('Budget'));
  });

  it('reads several facts from one note, each from its own statement', () => {
    const facts = byFact('客户预算约800万元。开标时间定在2027年3月。要求防护等级IP55，工作温度-20℃到50℃。');
    expect(facts.get('budget')?.value).toBe('客户预算约800万元。');
    expect(facts.get('decision-timeline')?.value).toBe('开标时间定在2027年3月。');
    expect(facts.get('technical-requirements')?.value).toContain('IP55');
    expect(facts.get('budget')?.figures).toContainEqual(expect.objectContaining({ kind: 'amount', value: 8_000_000, currency: 'CNY' }));
  });

  it('keeps a negation as the fact it states', () => {
    const budget = byFact('暂无预算，明年再说。').get('budget');
    expect(budget?.value).toBe('暂无预算，明年再说。');
    expect(budget?.figures.map((figure) => figure.kind)).toContain('negation');
  });

  it('does not take payment "on delivery" for a delivery constraint, nor "after PAC" for the certificate', () => {
    const facts = byFact('Payment terms: 10% advance, 80% on delivery, 10% after PAC. LC at sight.');
    expect(facts.has('commercial-terms')).toBe(true);
    expect(facts.has('delivery-constraints')).toBe(false);
    expect(facts.has('acceptance-certificates')).toBe(false);
  });

  it('does not take a competitor’s solar offer for the sites’ power', () => {
    const facts = byFact('Ericsson offered a hybrid solar package.');
    expect([...facts.keys()]).toEqual(['competitors']);
  });

  it('proposes nothing for an off-topic note with trap words', () => {
    expect(propose('Booked a budget hotel near the office; the pizza delivery was late.')).toEqual([]);
    expect(propose('会议室预订好了，公开标准的培训下午两点开始。')).toEqual([]);
  });

  it('joins the statements of one fact in note order, up to three', () => {
    const note = ['Budget is USD 2M.', 'Budget for phase 2 is USD 1M.', 'Budget for spares USD 50k.', 'Budget for training USD 20k.'].join(' ');
    expect(byFact(note).get('budget')?.value).toBe('Budget is USD 2M. Budget for phase 2 is USD 1M. Budget for spares USD 50k.');
  });
});

describe('proposeFacts on a playbook’s own evidence', () => {
  const base = DEFAULT_PLAYBOOK.requirements.find((requirement) => requirement.id === 'budget')!;
  const playbook = (budget: Partial<typeof base>): Playbook => ({ ...DEFAULT_PLAYBOOK, requirements: [{ ...base, ...budget }] });

  it('takes a cue only beside a figure the fact expects', () => {
    const cued = playbook({ keywords: { en: [], 'zh-CN': [] }, cues: { en: ['money'], 'zh-CN': [] }, expects: ['amount'] });
    expect(propose('The money is USD 3M.', cued).map((proposal) => proposal.requirementId)).toEqual(['budget']);
    expect(propose('The money talk went well.', cued)).toEqual([]);
  });

  it('drops a phrase inside an exclusion, but not the same fact’s other phrase in the statement', () => {
    const excluding = playbook({ keywords: { en: ['budget'], 'zh-CN': [] }, excludes: { en: ['budget hotel'], 'zh-CN': [] } });
    expect(propose('Stayed at a budget hotel.', excluding)).toEqual([]);
    expect(propose('Stayed at a budget hotel, and the project budget is USD 3M.', excluding)).toHaveLength(1);
  });
});
