import { describe, expect, it } from 'vitest';
import { analyzeDeal } from './analyze';
import { summarizeDeal } from './summary';
import { dealInput, person, record } from './testing/fixtures';

describe('summarizeDeal', () => {
  const qualification = record({ crm: 'salesforce', stage: 'Qualification', name: 'Summary deal', amount: { text: 'USD 100,000', value: 100_000, currency: 'USD' } });

  it('counts missing facts of the current stage, decision-chain gaps and unfilled required roles', () => {
    const analysis = analyzeDeal(dealInput({ record: qualification }));
    const summary = summarizeDeal(analysis);
    const current = analysis.requirements.completeness.find((entry) => analysis.requirements.stage.kind === 'mapped' && entry.stageId === analysis.requirements.stage.stageId)!;
    expect(summary.requirements).toEqual({ required: current.required, captured: current.captured });
    expect(summary.requirements!.required).toBeGreaterThan(summary.requirements!.captured);
    expect(summary.decisionChainGaps).toBe(analysis.decisionChain.gaps.length);
    expect(summary.decisionChainGaps).toBeGreaterThan(0);
    // At qualification the playbook requires the account and the solution responsible; the fulfilment one joins later.
    expect(summary.missingRoles).toEqual(['ar', 'sr']);
    expect(summary.gapCount).toBe(current.required - current.captured + summary.decisionChainGaps + summary.missingRoles.length);
  });

  it('drops a role from the missing ones once someone holds it', () => {
    const before = summarizeDeal(analyzeDeal(dealInput({ record: qualification, directory: [person('p-sr', 'Sam Reyes', { roles: ['sr'] })] })));
    const after = summarizeDeal(
      analyzeDeal(
        dealInput({
          record: qualification,
          directory: [person('p-sr', 'Sam Reyes', { roles: ['sr'] })],
          facts: { assignments: [{ roleId: 'sr', personId: 'p-sr' }] },
        }),
      ),
    );
    expect(before.missingRoles).toContain('sr');
    expect(after.missingRoles).not.toContain('sr');
    expect(after.gapCount).toBe(before.gapCount - 1);
  });

  it('has no requirement count when the stage is not in the playbook', () => {
    const summary = summarizeDeal(analyzeDeal(dealInput({ record: { ...qualification, stage: 'Something custom' } })));
    expect(summary.requirements).toBeNull();
    expect(summary.gapCount).toBe(summary.decisionChainGaps + summary.missingRoles.length);
  });
});
