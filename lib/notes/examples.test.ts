import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import { exampleProblems } from './examples';

const NOW = Date.parse('2026-11-02T09:00:00Z');

describe('exampleProblems', () => {
  it.each(DEFAULT_PLAYBOOK.examples.map((example) => [example.note, example] as const))('the default playbook’s example holds: %s', (_, example) => {
    expect(exampleProblems(DEFAULT_PLAYBOOK, example, NOW)).toEqual([]);
  });

  it('says which fact is missing, which value lacks its text and which fact must not be proposed', () => {
    const problems = exampleProblems(
      DEFAULT_PLAYBOOK,
      {
        note: 'Payment terms: 10% advance, 80% on delivery. Ericsson offered a hybrid solar package.',
        proposes: [{ requirement: 'budget' }, { requirement: 'commercial-terms', contains: '30% advance' }],
        mustNotPropose: ['competitors'],
      },
      NOW,
    );
    expect(problems).toEqual([
      'budget not proposed',
      'commercial-terms proposed as "Payment terms: 10% advance, 80% on delivery.", which does not contain "30% advance"',
      'competitors proposed ("Ericsson offered a hybrid solar package.") but must not be',
    ]);
  });
});
