import type { Condition } from '../playbook/schema';
import { hasReached, type DealContext } from './context';
import { explanation, type Explanation } from './explain';
import { quoteAround } from './quote';
import { findRecordField } from './record-fields';

/**
 * Whether a playbook condition holds for the deal, with the evidence. An
 * `undetermined` outcome is reported to the user (e.g. an amount in a currency
 * the rule has no threshold for) instead of being treated as false.
 */
export type ConditionOutcome =
  | { status: 'met'; evidence: Explanation }
  | { status: 'not-met' }
  | { status: 'undetermined'; evidence: Explanation };

const NOT_MET: ConditionOutcome = { status: 'not-met' };

export function evaluateCondition(condition: Condition, context: DealContext): ConditionOutcome {
  switch (condition.kind) {
    case 'stage-reached':
      return stageReached(condition, context);
    case 'amount-over':
      return amountOver(condition, context);
    case 'record-field':
      return recordFieldMentions(condition, context);
    case 'requirement-mentions':
      return requirementMentions(condition, context);
    case 'note-mentions':
      return noteMentions(condition, context);
    case 'decision-role-present':
      return decisionRolePresent(condition, context);
  }
}

type ConditionOf<K extends Condition['kind']> = Extract<Condition, { kind: K }>;

function stageReached(condition: ConditionOf<'stage-reached'>, context: DealContext): ConditionOutcome {
  const stage = context.compiled.stagesById.get(condition.stage);
  if (stage === undefined || !hasReached(context, condition.stage)) return NOT_MET;
  return { status: 'met', evidence: explanation('condition.stageReached', { stage: stage.label }) };
}

function amountOver(condition: ConditionOf<'amount-over'>, context: DealContext): ConditionOutcome {
  const amount = context.input.record.amount;
  if (amount === undefined) return { status: 'undetermined', evidence: explanation('condition.amountMissing') };
  if (amount.value === null) {
    return { status: 'undetermined', evidence: explanation('condition.amountUnreadable', { amountText: amount.text }) };
  }
  if (amount.currency === undefined) {
    return { status: 'undetermined', evidence: explanation('condition.amountWithoutCurrency', { amountText: amount.text }) };
  }
  const threshold = condition.thresholds[amount.currency];
  if (threshold === undefined) {
    return {
      status: 'undetermined',
      evidence: explanation('condition.amountCurrencyNotComparable', {
        currency: amount.currency,
        currencies: Object.keys(condition.thresholds).sort().join(', '),
      }),
    };
  }
  if (amount.value <= threshold) return NOT_MET;
  return {
    status: 'met',
    evidence: explanation('condition.amountOver', { amount: amount.value, threshold, currency: amount.currency }),
  };
}

function recordFieldMentions(condition: ConditionOf<'record-field'>, context: DealContext): ConditionOutcome {
  const field = findRecordField(context.recordFields, condition.fields);
  const hit = field && context.compiled.conditionMatchers.get(condition)?.scan(field.value).get(condition);
  if (field === undefined || hit === undefined) return NOT_MET;
  return { status: 'met', evidence: explanation('condition.recordField', { field: field.label, value: field.value }) };
}

function requirementMentions(condition: ConditionOf<'requirement-mentions'>, context: DealContext): ConditionOutcome {
  const requirement = context.compiled.requirementsById.get(condition.requirement);
  const matcher = context.compiled.conditionMatchers.get(condition);
  if (requirement === undefined || matcher === undefined) return NOT_MET;
  for (const captured of context.trails.get(requirement.id) ?? []) {
    const hit = matcher.scan(captured.value).get(condition);
    if (hit !== undefined) {
      return {
        status: 'met',
        evidence: explanation('condition.requirementMentions', {
          requirement: requirement.label,
          keyword: hit.keyword,
          quote: quoteAround(captured.value, hit),
        }),
      };
    }
  }
  return NOT_MET;
}

function noteMentions(condition: ConditionOf<'note-mentions'>, context: DealContext): ConditionOutcome {
  const mention = context.noteMentions.get(condition)?.mentions[0];
  if (mention === undefined) return NOT_MET;
  return {
    status: 'met',
    evidence: explanation('condition.noteMentions', { keyword: mention.keyword, quote: mention.quote, pageTitle: mention.pageTitle }),
  };
}

function decisionRolePresent(condition: ConditionOf<'decision-role-present'>, context: DealContext): ConditionOutcome {
  const role = context.compiled.decisionRolesById.get(condition.role);
  const holder = context.stakeholders.find((stakeholder) => stakeholder.roles.some((held) => held.roleId === condition.role));
  if (role === undefined || holder === undefined) return NOT_MET;
  return { status: 'met', evidence: explanation('condition.decisionRolePresent', { role: role.label, name: holder.name }) };
}
