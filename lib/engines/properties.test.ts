import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordSnapshotSchema } from '@/lib/crm/snapshot';
import { DealFactsSchema } from '@/lib/domain/deal-facts';
import { PersonSchema } from '@/lib/domain/team';
import { parsePlaybook } from '@/lib/playbook/parse';
import type { Playbook } from '@/lib/playbook/schema';
import { analyzeDeal } from './analyze';
import { evaluateCondition } from './conditions';
import { createDealContext } from './context';
import { MAX_NEXT_ACTIONS } from './findings';
import { compareUrgency, severityOf } from './severity';
import { summarizeDeal } from './summary';
import { compileKeywordMatcher } from '@/lib/text/keyword-matcher';
import { dealParts, playbookInput, type DealParts } from './testing/arbitraries';

/** A generated input, checked against the schemas the store and the playbook loader use. */
function validInput(playbookCandidate: unknown, parts: DealParts): { playbook: Playbook } & DealParts {
  const parsed = parsePlaybook(playbookCandidate);
  if (!parsed.ok) throw new Error(`generator made an invalid playbook: ${JSON.stringify(parsed.issues)}`);
  expect(RecordSnapshotSchema.safeParse(parts.record).success).toBe(true);
  expect(DealFactsSchema.safeParse(parts.facts).success).toBe(true);
  expect(parts.directory.every((person) => PersonSchema.safeParse(person).success)).toBe(true);
  return { playbook: parsed.value, ...parts };
}

describe('engines on any schema-valid input', () => {
  it('never throw, and give the same result for the same input, also from fresh copies', () => {
    fc.assert(
      fc.property(playbookInput, dealParts, (playbookCandidate, parts) => {
        const input = validInput(playbookCandidate, parts);
        const first = analyzeDeal(input);
        expect(analyzeDeal(input)).toEqual(first);
        // A copy defeats the per-playbook and per-directory caches: they must not change results.
        expect(analyzeDeal(structuredClone(input))).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('rank people the same whatever the directory order', () => {
    fc.assert(
      fc.property(playbookInput, dealParts, (playbookCandidate, parts) => {
        const input = validInput(playbookCandidate, parts);
        const candidates = (directory: DealParts['directory']) =>
          analyzeDeal({ ...input, directory }).team.roles.map((role) => role.candidates);
        expect(candidates([...input.directory].reverse())).toEqual(candidates(input.directory));
      }),
      { numRuns: 150 },
    );
  });

  it('keep requirement statuses consistent with their trail and reasons', () => {
    fc.assert(
      fc.property(playbookInput, dealParts, (playbookCandidate, parts) => {
        for (const field of analyzeDeal(validInput(playbookCandidate, parts)).requirements.fields) {
          const confirmed = field.trail.some((entry) => entry.confirmedByCustomer);
          const expected = confirmed ? 'confirmed' : field.trail.length > 0 ? 'captured' : field.requiredBecause.length > 0 ? 'missing' : 'not-yet-required';
          // A fact past its window is asked no more; it has no reason to be required then.
          if (field.status === 'no-longer-required') expect([expected, field.requiredBecause.length]).toEqual(['not-yet-required', 0]);
          else expect(field.status).toBe(expected);
          // Exactly the missing facts carry an urgency.
          expect(field.urgency !== undefined).toBe(field.status === 'missing');
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('severity and next actions on any schema-valid input', () => {
  it('rank every finding most urgent first, open with at most three of them, and count the high ones on the badge', () => {
    fc.assert(
      fc.property(playbookInput, dealParts, (playbookCandidate, parts) => {
        const analysis = analyzeDeal(validInput(playbookCandidate, parts));
        const { all, next, counts } = analysis.findings;
        for (let index = 1; index < all.length; index++) expect(compareUrgency(all[index - 1]!.urgency, all[index]!.urgency)).toBeLessThanOrEqual(0);
        expect(next.length).toBe(Math.min(MAX_NEXT_ACTIONS, all.length));
        for (const finding of next) expect(all).toContain(finding);
        // Next actions lead with the most severe finding there is.
        if (all.length > 0) expect(next[0]!.urgency.severity).toBe(all[0]!.urgency.severity);
        expect(counts.high + counts.medium + counts.low + counts.check).toBe(all.length);
        expect(summarizeDeal(analysis).gapCount).toBe(all.filter((finding) => finding.urgency.severity === 'high').length);
        // Missing facts, unheld roles and uncovered customer roles all reach the findings.
        const missing = analysis.requirements.fields.filter((field) => field.status === 'missing').length;
        expect(all.filter((finding) => finding.kind === 'requirement-missing').length).toBe(missing);
      }),
      { numRuns: 150 },
    );
  });

  it('an overdue item is never less severe than the same item due now', () => {
    fc.assert(
      fc.property(fc.constantFrom('critical' as const, 'normal' as const, 'minor' as const), (weight) => {
        const order = { high: 0, medium: 1, low: 2, check: 3 };
        expect(order[severityOf(weight, 'overdue')]).toBeLessThanOrEqual(order[severityOf(weight, 'due')]);
        expect(order[severityOf(weight, 'due')]).toBeLessThanOrEqual(order[severityOf(weight, 'early')]);
      }),
    );
  });
});

describe('condition combinators on any schema-valid input', () => {
  it('not(not(c)), all([c]) and any([c]) decide as c does', () => {
    fc.assert(
      fc.property(playbookInput, dealParts, (playbookCandidate, parts) => {
        const input = validInput(playbookCandidate, parts);
        const context = createDealContext(input);
        for (const rule of input.playbook.roleRules) {
          const status = evaluateCondition(rule.when, context).status;
          expect(evaluateCondition({ kind: 'not', condition: { kind: 'not', condition: rule.when } }, context).status).toBe(status);
          expect(evaluateCondition({ kind: 'all', conditions: [rule.when] }, context).status).toBe(status);
          expect(evaluateCondition({ kind: 'any', conditions: [rule.when] }, context).status).toBe(status);
          const negated = evaluateCondition({ kind: 'not', condition: rule.when }, context).status;
          expect(negated).toBe(status === 'met' ? 'not-met' : status === 'not-met' ? 'met' : 'undetermined');
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('keyword matcher on any text', () => {
  const keyword = fc.constantFrom('diesel', 'fuel cost', 'IQC', '柴油', '来料检验', 'O&M');

  it('finds a keyword set off by spaces, wherever it stands, and reports positions inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), keyword, fc.string({ unit: 'binary' }), (before, word, after) => {
        const text = `${before} ${word.toUpperCase()} ${after}`;
        const hit = compileKeywordMatcher([{ key: 'k', keywords: [word] }]).scan(text).get('k');
        expect(hit).toBeDefined();
        expect(hit!.start).toBeGreaterThanOrEqual(0);
        expect(hit!.end).toBeLessThanOrEqual(text.length);
        expect(hit!.start).toBeLessThanOrEqual(before.length + 1);
      }),
    );
  });
});
