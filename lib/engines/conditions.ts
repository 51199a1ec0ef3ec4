import { parseDateText, parseNumber } from '@/lib/crm/parse';
import { allKeywords } from '@/lib/domain/localized-text';
import { normalizeName } from '@/lib/domain/normalize';
import type { Condition } from '@/lib/playbook/schema';
import type { DealContext } from './context';
import { hasReached } from './stage';
import { explanation, inEveryLanguage, type Explanation } from '@/lib/domain/explain';
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
    case 'requirement-missing':
      return requirementMissing(condition, context);
    case 'field':
      return fieldCompares(condition, context);
    case 'all':
      return allOf(condition, context);
    case 'any':
      return anyOf(condition, context);
    case 'not':
      return negation(condition, context);
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
  // A currency taken from a bare "$" is compared like a stated one, and every finding from it says it was assumed.
  const assumed = amount.currencyAssumed === true;
  const threshold = condition.thresholds[amount.currency];
  if (threshold === undefined) {
    const currencies = Object.keys(condition.thresholds).sort().join(', ');
    return {
      status: 'undetermined',
      evidence: assumed
        ? explanation('condition.assumedCurrencyNotComparable', { amountText: amount.text, currency: amount.currency, currencies })
        : explanation('condition.amountCurrencyNotComparable', { currency: amount.currency, currencies }),
    };
  }
  if (amount.value <= threshold) return NOT_MET;
  return {
    status: 'met',
    evidence: assumed
      ? explanation('condition.amountOverAssumed', { amount: amount.value, threshold, currency: amount.currency, amountText: amount.text })
      : explanation('condition.amountOver', { amount: amount.value, threshold, currency: amount.currency }),
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

function requirementMissing(condition: ConditionOf<'requirement-missing'>, context: DealContext): ConditionOutcome {
  const requirement = context.compiled.requirementsById.get(condition.requirement);
  if (requirement === undefined || (context.trails.get(requirement.id)?.length ?? 0) > 0) return NOT_MET;
  return { status: 'met', evidence: explanation('condition.requirementMissing', { requirement: requirement.label }) };
}

/** The first number in a text ("450 sites", "12,5 %"), or null. */
function numberIn(text: string): number | null {
  const match = /\d+(?:[ \u00a0\u202f.,'’]\d+)*/.exec(text);
  return match ? parseNumber(match[0]) : null;
}

function fieldCompares(condition: ConditionOf<'field'>, context: DealContext): ConditionOutcome {
  const { fields, op } = condition;
  const field = findRecordField(context.recordFields, fields);
  // An absent field never makes a rule fire, and is not worth reporting: most records lack most fields.
  if (field === undefined) return NOT_MET;
  const met: ConditionOutcome = { status: 'met', evidence: explanation('condition.recordField', { field: field.label, value: field.value }) };
  const unreadable: ConditionOutcome = {
    status: 'undetermined',
    evidence: explanation('condition.fieldUnreadable', { field: field.label, value: field.value }),
  };
  switch (op) {
    case 'present':
      return met;
    case 'equals': {
      const shown = normalizeName(field.value);
      const stageId = context.stage.kind === 'mapped' && field.label === '@stage' ? context.stage.stageId : undefined;
      const wanted = (condition.values ?? []).map(normalizeName);
      return wanted.includes(shown) || (stageId !== undefined && wanted.includes(stageId)) ? met : NOT_MET;
    }
    case 'greater-than':
    case 'less-than': {
      const amount = field.label === '@amount' ? context.input.record.amount : undefined;
      if (amount !== undefined && condition.currency !== undefined && amount.currency !== condition.currency) {
        return {
          status: 'undetermined',
          evidence: explanation('condition.amountCurrencyNotComparable', { currency: amount.currency ?? '?', currencies: condition.currency }),
        };
      }
      const value = amount !== undefined ? amount.value : numberIn(field.value);
      if (value === null || condition.value === undefined) return unreadable;
      const holds = op === 'greater-than' ? value > condition.value : value < condition.value;
      if (!holds) return NOT_MET;
      // Compared in a currency the page did not state: the evidence says so.
      if (amount?.currencyAssumed === true && condition.currency !== undefined) {
        return {
          status: 'met',
          evidence: explanation('condition.recordFieldAssumedCurrency', { field: field.label, value: field.value, currency: condition.currency }),
        };
      }
      return met;
    }
    case 'date-passed': {
      const date = parseDateText(field.value);
      if (date === null) return unreadable;
      const today = new Date(context.input.now).toISOString().slice(0, 10);
      return date < today ? met : NOT_MET;
    }
  }
}

function allOf(condition: ConditionOf<'all'>, context: DealContext): ConditionOutcome {
  const evidence: Explanation[] = [];
  let undetermined: ConditionOutcome | undefined;
  for (const part of condition.conditions) {
    const outcome = evaluateCondition(part, context);
    if (outcome.status === 'not-met') return NOT_MET;
    if (outcome.status === 'undetermined') undetermined ??= outcome;
    else evidence.push(outcome.evidence);
  }
  return undetermined ?? { status: 'met', evidence: joined(evidence) };
}

function anyOf(condition: ConditionOf<'any'>, context: DealContext): ConditionOutcome {
  let undetermined: ConditionOutcome | undefined;
  for (const part of condition.conditions) {
    const outcome = evaluateCondition(part, context);
    if (outcome.status === 'met') return outcome;
    if (outcome.status === 'undetermined') undetermined ??= outcome;
  }
  return undetermined ?? NOT_MET;
}

function negation(condition: ConditionOf<'not'>, context: DealContext): ConditionOutcome {
  const outcome = evaluateCondition(condition.condition, context);
  if (outcome.status === 'met') return NOT_MET;
  if (outcome.status === 'undetermined') return outcome;
  return { status: 'met', evidence: explanation('condition.not', { condition: inEveryLanguage(describeCondition(condition.condition, context)) }) };
}

/** Several findings as one explanation, each sentence in the reader's language. */
function joined(parts: readonly Explanation[]): Explanation {
  if (parts.length === 1) return parts[0]!;
  return explanation('condition.all', { evidence: inEveryLanguage(parts) });
}

/**
 * What a condition asks, as a sentence: the evidence of a `not` (which has no
 * finding of its own to show) and the admins' view of a rule.
 */
export function describeCondition(condition: Condition, context: Pick<DealContext, 'compiled'>): Explanation {
  const { compiled } = context;
  switch (condition.kind) {
    case 'stage-reached':
      return explanation('describe.stageReached', { stage: compiled.stagesById.get(condition.stage)?.label ?? condition.stage });
    case 'amount-over':
      return explanation('describe.amountOver', {
        thresholds: Object.entries(condition.thresholds).map(([currency, value]) => `${value} ${currency}`),
      });
    case 'record-field':
      return explanation('describe.recordField', { fields: condition.fields, keywords: allKeywords(condition.keywords) });
    case 'requirement-mentions':
      return explanation('describe.requirementMentions', {
        requirement: compiled.requirementsById.get(condition.requirement)?.label ?? condition.requirement,
        keywords: allKeywords(condition.keywords),
      });
    case 'requirement-missing':
      return explanation('condition.requirementMissing', {
        requirement: compiled.requirementsById.get(condition.requirement)?.label ?? condition.requirement,
      });
    case 'note-mentions':
      return explanation('describe.noteMentions', { keywords: allKeywords(condition.keywords) });
    case 'decision-role-present':
      return explanation('describe.decisionRolePresent', { role: compiled.decisionRolesById.get(condition.role)?.label ?? condition.role });
    case 'field':
      return describeField(condition);
    case 'all':
    case 'any':
      return explanation(condition.kind === 'all' ? 'describe.all' : 'describe.any', {
        conditions: condition.conditions.map((part) => inEveryLanguage(describeCondition(part, context))),
      });
    case 'not':
      return explanation('describe.not', { condition: inEveryLanguage(describeCondition(condition.condition, context)) });
  }
}

function describeField(condition: ConditionOf<'field'>): Explanation {
  const fields = condition.fields;
  switch (condition.op) {
    case 'equals':
      return explanation('describe.fieldEquals', { fields, values: condition.values ?? [] });
    case 'present':
      return explanation('describe.fieldPresent', { fields });
    case 'greater-than':
      return explanation('describe.fieldGreaterThan', { fields, value: `${condition.value ?? '?'}${condition.currency ? ` ${condition.currency}` : ''}` });
    case 'less-than':
      return explanation('describe.fieldLessThan', { fields, value: `${condition.value ?? '?'}${condition.currency ? ` ${condition.currency}` : ''}` });
    case 'date-passed':
      return explanation('describe.fieldDatePassed', { fields });
  }
}
