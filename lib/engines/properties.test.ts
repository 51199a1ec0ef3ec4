import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordSnapshotSchema } from '../crm/snapshot';
import { DealFactsSchema } from '../domain/deal-facts';
import { PersonSchema } from '../domain/team';
import { parsePlaybook } from '../playbook/parse';
import type { Playbook } from '../playbook/schema';
import { analyzeDeal } from './analyze';
import { compileKeywordMatcher } from './keyword-matcher';
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
          expect(field.status).toBe(expected);
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
