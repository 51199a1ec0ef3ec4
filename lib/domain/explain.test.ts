import { describe, expect, it } from 'vitest';
import { explain, explanation } from './explain';

describe('explain', () => {
  it('fills plain, numeric and localized parameters in the requested language', () => {
    const amount = explanation('condition.amountOver', { amount: 1_250_000, threshold: 1_000_000, currency: 'USD' });
    expect(explain(amount, 'en')).toBe('The amount 1,250,000 USD is over 1,000,000 USD.');
    expect(explain(amount, 'zh-CN')).toBe('金额 1,250,000 USD 超过 1,000,000 USD。');

    const stage = explanation('condition.stageReached', { stage: { en: 'Bid', 'zh-CN': '投标' } });
    expect(explain(stage, 'zh-CN')).toBe('项目已进入“投标”阶段。');
  });

  it('joins lists with the separator of the language', () => {
    const roles = explanation('action.engageRoles', { roles: [{ en: 'Procurement', 'zh-CN': '采购' }, { en: 'Finance', 'zh-CN': '财务' }] });
    expect(explain(roles, 'en')).toBe('Engage the other links of the chain: Procurement, Finance.');
    expect(explain(roles, 'zh-CN')).toBe('打通决策链的其他环节：采购、财务。');
    expect(explain(explanation('match.skill', { skills: ['solar power', 'batteries'] }), 'en')).toBe('skill: solar power, batteries');
  });

  it('leaves a missing parameter visible instead of hiding it', () => {
    expect(explain(explanation('gap.noOwner'), 'en')).toBe('{name} has no owner on our side.');
  });
});
