import { describe, expect, it } from 'vitest';
import { analyzeDeal } from './analyze';
import { summarizeDeal } from './summary';
import { dealInput, person, record } from './testing/fixtures';

describe('summarizeDeal', () => {
  const qualification = record({ crm: 'salesforce', stage: 'Qualification', name: 'Summary deal', amount: { text: 'USD 100,000', value: 100_000, currency: 'USD' } });

  it('counts the findings by severity, and leads with the high ones only', () => {
    const analysis = analyzeDeal(dealInput({ record: qualification }));
    const summary = summarizeDeal(analysis);
    const current = analysis.requirements.completeness.find((entry) => analysis.requirements.stage.kind === 'mapped' && entry.stageId === analysis.requirements.stage.stageId)!;
    expect(summary.requirements).toEqual({ required: current.required, captured: current.captured });
    expect(summary.requirements!.required).toBeGreaterThan(summary.requirements!.captured);
    // At qualification the playbook requires the account and the solution responsible; the fulfilment one joins later.
    expect(summary.missingRoles).toEqual(['ar', 'sr']);
    const bySeverity = (severity: string) => analysis.findings.all.filter((finding) => finding.urgency.severity === severity).length;
    expect(summary.counts).toEqual({ high: bySeverity('high'), medium: bySeverity('medium'), low: bySeverity('low'), check: bySeverity('check') });
    expect(summary.gapCount).toBe(summary.counts.high);
    expect(summary.gapCount).toBeLessThan(analysis.findings.all.length);
  });

  it('drops a role from the missing ones once someone holds it, and the record owner holds the AR role', () => {
    const directory = [person('p-sr', 'Sam Reyes', { roles: ['sr'] })];
    const before = summarizeDeal(analyzeDeal(dealInput({ record: qualification, directory })));
    const after = summarizeDeal(analyzeDeal(dealInput({ record: { ...qualification, owner: 'Ana Ruiz' }, directory, facts: { assignments: [{ roleId: 'sr', personId: 'p-sr' }] } })));
    expect(before.missingRoles).toEqual(['ar', 'sr']);
    expect(after.missingRoles).toEqual([]);
    expect(after.counts.medium + after.counts.high).toBe(before.counts.medium + before.counts.high - 2);
  });

  it('counts customer roles the page gave no roles for as checks, never on the badge', () => {
    const contacts = [{ name: 'Ahmed Musa' }, { name: 'Omar Ali' }];
    const read = summarizeDeal(analyzeDeal(dealInput({ record: { ...qualification, contacts } })));
    const unread = summarizeDeal(analyzeDeal(dealInput({ record: { ...qualification, contacts, unreadContactDetails: ['title', 'role'] } })));
    expect(read.counts.check).toBe(0);
    expect(unread.counts.check).toBeGreaterThan(0);
    // The same findings, the customer roles moved from their severity to a check.
    const total = (counts: typeof read.counts) => counts.high + counts.medium + counts.low + counts.check;
    expect(total(unread.counts)).toBe(total(read.counts));
    expect(unread.gapCount).toBe(unread.counts.high);
    expect(unread.gapCount).toBeLessThanOrEqual(read.gapCount);
  });

  it('has no requirement count when the stage is not in the playbook', () => {
    const summary = summarizeDeal(analyzeDeal(dealInput({ record: { ...qualification, stage: 'Something custom' } })));
    expect(summary.requirements).toBeNull();
  });
});
