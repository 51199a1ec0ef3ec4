import { describe, expect, it } from 'vitest';
import type { RecordSnapshot } from '@/lib/crm/snapshot';
import type { DealFacts } from '@/lib/domain/deal-facts';
import type { Condition } from '@/lib/playbook/schema';
import { evaluateCondition, type ConditionOutcome } from './conditions';
import { createDealContext } from './context';
import { explain } from '@/lib/domain/explain';
import { NOW, dealInput, record } from './testing/fixtures';

/** A `field` condition evaluated on the default playbook for a record (Salesforce stage names). */
function evaluate(condition: Condition, recordOverrides: Partial<RecordSnapshot> = {}, facts: Partial<DealFacts> = {}): ConditionOutcome {
  return evaluateCondition(condition, createDealContext(dealInput({ record: record({ stage: 'Needs Analysis', ...recordOverrides }), facts })));
}

/** The outcome as one line: its status and, where there is one, its evidence in English. */
function outcome(result: ConditionOutcome): string {
  return result.status === 'not-met' ? 'not-met' : `${result.status}: ${explain(result.evidence, 'en')}`;
}

const field = (label: string, value: string) => ({ label, value });

describe('evaluateCondition: field "present"', () => {
  const present: Condition = { kind: 'field', fields: ['Tender Number', '招标编号'], op: 'present' };

  it('holds when the first named field the record shows has a value, and says which', () => {
    expect(outcome(evaluate(present, { fields: [field('招标编号', 'ZB-2025-017')] }))).toBe('met: The field “招标编号” is “ZB-2025-017”.');
    expect(outcome(evaluate(present, { fields: [field('tender  number', 'T-9')] }))).toBe('met: The field “tender  number” is “T-9”.');
  });

  it('does not hold for an absent field or one that shows only blanks', () => {
    expect(evaluate(present).status).toBe('not-met');
    expect(evaluate(present, { fields: [field('Tender Number', '   ')] }).status).toBe('not-met');
    expect(evaluate(present, { fields: [field('Tender Date', '2025-07-01')] }).status).toBe('not-met');
  });

  it('reads the record parts: "@owner" is present when the record has an owner', () => {
    const owner: Condition = { kind: 'field', fields: ['@owner'], op: 'present' };
    expect(outcome(evaluate(owner, { owner: 'Ana Diaz' }))).toBe('met: The field “@owner” is “Ana Diaz”.');
    expect(evaluate(owner).status).toBe('not-met');
  });

  it('turns into its opposite under "not"', () => {
    const absent: Condition = { kind: 'not', condition: present };
    expect(evaluate(absent).status).toBe('met');
    expect(evaluate(absent, { fields: [field('Tender Number', 'T-9')] }).status).toBe('not-met');
  });
});

describe('evaluateCondition: field "less-than"', () => {
  const fewSites: Condition = { kind: 'field', fields: ['Sites'], op: 'less-than', value: 500 };

  it('compares the first number of the value, strictly', () => {
    expect(outcome(evaluate(fewSites, { fields: [field('Sites', '450 base stations')] }))).toBe('met: The field “Sites” is “450 base stations”.');
    expect(evaluate(fewSites, { fields: [field('Sites', '1,200 sites')] }).status).toBe('not-met');
    expect(evaluate(fewSites, { fields: [field('Sites', '500')] }).status).toBe('not-met');
    expect(evaluate(fewSites, { fields: [field('Sites', '499')] }).status).toBe('met');
  });

  it('reports a value without a number as undetermined, never as met or not met', () => {
    expect(outcome(evaluate(fewSites, { fields: [field('Sites', 'TBD')] }))).toBe(
      'undetermined: The field “Sites” shows “TBD”, which cannot be compared, so the rule is not applied.',
    );
    expect(evaluate(fewSites).status).toBe('not-met');
  });

  it('compares "@amount" as the parsed amount, in the currency the rule names only', () => {
    const small: Condition = { kind: 'field', fields: ['@amount'], op: 'less-than', value: 1_000_000, currency: 'USD' };
    const usd = (value: number) => ({ text: `USD ${value}`, value, currency: 'USD' });
    expect(outcome(evaluate(small, { amount: usd(800_000) }))).toBe('met: The field “@amount” is “USD 800000”.');
    expect(evaluate(small, { amount: usd(1_200_000) }).status).toBe('not-met');
    // The parsed amount, not the first number of its text.
    expect(evaluate(small, { amount: { text: 'USD 1.2M', value: 1_200_000, currency: 'USD' } }).status).toBe('not-met');
    expect(outcome(evaluate(small, { amount: { text: '€800,000', value: 800_000, currency: 'EUR' } }))).toBe(
      'undetermined: Cannot compare: the amount is in EUR and the rule has thresholds only in USD. Amounts are never converted by guess.',
    );
    expect(outcome(evaluate(small, { amount: { text: '$800,000', value: 800_000, currency: 'USD', currencyAssumed: true } }))).toBe(
      'met: The field “@amount” is “$800,000”, taken as USD: the page shows no currency.',
    );
  });
});

describe('evaluateCondition: "@stage" comparisons', () => {
  const atContract: Condition = { kind: 'field', fields: ['@stage'], op: 'equals', values: ['contract'] };

  it('matches a playbook stage id through the CRM stage it maps from', () => {
    expect(outcome(evaluate(atContract, { stage: 'Closed Won' }))).toBe('met: The field “@stage” is “Closed Won”.');
    expect(evaluate(atContract, { stage: '结束并赢得' }).status).toBe('met');
    expect(evaluate(atContract, { stage: 'Negotiation/Review' }).status).toBe('not-met');
  });

  it("matches the CRM's own stage name, case and spacing ignored", () => {
    const byName: Condition = { kind: 'field', fields: ['@stage'], op: 'equals', values: ['closed  won'] };
    expect(evaluate(byName, { stage: 'Closed Won' }).status).toBe('met');
    expect(evaluate(byName, { stage: 'Closed Lost' }).status).toBe('not-met');
  });

  it('compares the stage the team moved the deal on to, not the stage the CRM still shows', () => {
    const moved = { stageOverride: { stageId: 'delivery', fromCrmStage: 'Closed Won', setBy: 'ana', setAt: NOW } };
    const atDelivery: Condition = { kind: 'field', fields: ['@stage'], op: 'equals', values: ['delivery'] };
    expect(evaluate(atDelivery, { stage: 'Closed Won' }).status).toBe('not-met');
    expect(evaluate(atDelivery, { stage: 'Closed Won' }, moved).status).toBe('met');
    expect(evaluate(atContract, { stage: 'Closed Won' }, moved).status).toBe('not-met');
  });

  it('does not take a stage id for a CRM stage the playbook does not map, nor a stage the record lacks', () => {
    expect(evaluate(atContract, { stage: 'Contract Signed (custom)' }).status).toBe('not-met');
    expect(evaluate(atContract, { stage: undefined }).status).toBe('not-met');
    expect(evaluate({ kind: 'field', fields: ['@stage'], op: 'present' }, { stage: undefined }).status).toBe('not-met');
  });
});
