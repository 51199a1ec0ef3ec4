import { describe, expect, it } from 'vitest';
import type { PlaybookInput } from '@/lib/playbook/schema';
import { buildPlaybook } from '@/lib/playbook/testing/minimal-playbook';
import { createDealContext } from './context';
import { explain } from '@/lib/domain/explain';
import { evaluateRequirements } from './requirements';
import { DAY, NOW, dealInput, note, record, value } from './testing/fixtures';

const text = (en: string) => ({ en, 'zh-CN': en });

/** Stages open -> bid -> won (+ lost); `pain` required from open, `budget` and `acceptance` from bid. */
const playbook = buildPlaybook((input: PlaybookInput) => {
  input.stages.splice(2, 0, { id: 'won', label: text('Won'), crmNames: { salesforce: { en: ['Closed Won'] } } });
  input.requirements.push(
    {
      id: 'pain',
      label: text('Pain'),
      help: text('What hurts.'),
      category: 'price',
      neededBy: ['ar'],
      requiredFrom: 'open',
      keywords: { en: ['pain'] },
    },
    {
      id: 'acceptance',
      label: text('Acceptance'),
      help: text('How goods are accepted.'),
      category: 'price',
      neededBy: ['ar'],
      requiredFrom: 'bid',
      crmFields: [{ field: 'Acceptance__c', satisfies: true }, 'Description'],
      keywords: { en: ['incoming inspection'], 'zh-CN': ['来料检验'] },
    },
  );
});

function report(stage: string | undefined, overrides: Parameters<typeof dealInput>[0] = {}) {
  return evaluateRequirements(createDealContext(dealInput({ playbook, record: record({ stage }), ...overrides })));
}

const statusOf = (result: ReturnType<typeof report>, id: string) => result.fields.find((field) => field.requirementId === id);

describe('evaluateRequirements', () => {
  it('requires a field from its stage on and not before', () => {
    const atOpen = report('Prospecting');
    expect(atOpen.fields.map((field) => [field.requirementId, field.status])).toEqual([
      ['budget', 'not-yet-required'],
      ['pain', 'missing'],
      ['acceptance', 'not-yet-required'],
    ]);
    expect(explain(statusOf(atOpen, 'pain')!.requiredBecause[0]!, 'en')).toBe('Required from the stage Open on.');
    expect(report('Proposal/Price Quote').fields.map((field) => field.status)).toEqual(['missing', 'missing', 'missing']);
  });

  it('says who needs each field', () => {
    expect(statusOf(report('Prospecting'), 'budget')!.neededBy).toEqual(['ar']);
  });

  it('tells captured from customer-confirmed values, and keeps the source of each', () => {
    const result = report('Proposal/Price Quote', {
      facts: {
        requirementValues: [
          value('pain', 'Diesel bills', { source: { kind: 'note', noteId: 'n1', quote: 'diesel bills are killing us', url: 'https://mail/1' } }),
          value('budget', 'USD 2m', { confirmedByCustomer: true, setBy: 'ana', setAt: NOW - 2 * DAY }),
        ],
      },
    });
    expect(statusOf(result, 'pain')).toMatchObject({
      status: 'captured',
      trail: [{ value: 'Diesel bills', source: { kind: 'note', noteId: 'n1', quote: 'diesel bills are killing us', url: 'https://mail/1' } }],
    });
    expect(statusOf(result, 'budget')).toMatchObject({
      status: 'confirmed',
      trail: [{ value: 'USD 2m', source: { kind: 'manual' }, confirmedByCustomer: true, setBy: 'ana', setAt: NOW - 2 * DAY }],
    });
  });

  it('fills a field from the CRM field the playbook names, by label or API name, after the stored values', () => {
    const result = report('Proposal/Price Quote', {
      record: record({
        stage: 'Proposal/Price Quote',
        fields: [
          { label: 'Budget', value: 'USD 1.8m' },
          { label: 'Acceptance criteria', value: 'IQC samples 5%', apiName: 'Acceptance__c' },
        ],
      }),
      facts: { requirementValues: [value('budget', 'USD 2m', { setAt: NOW - DAY }), value('budget', 'USD 1.5m', { setAt: NOW - 9 * DAY })] },
    });
    expect(statusOf(result, 'budget')!.trail.map((entry) => [entry.value, entry.source.kind])).toEqual([
      ['USD 2m', 'manual'],
      ['USD 1.5m', 'manual'],
      ['USD 1.8m', 'crm-field'],
    ]);
    expect(statusOf(result, 'acceptance')).toMatchObject({
      status: 'captured',
      trail: [{ value: 'IQC samples 5%', source: { kind: 'crm-field', fieldLabel: 'Acceptance criteria' }, confirmedByCustomer: false }],
    });
  });

  it('shows a CRM field the playbook does not let satisfy the fact as a hint beside the missing fact, never as captured', () => {
    const result = report('Proposal/Price Quote', {
      record: record({ stage: 'Proposal/Price Quote', fields: [{ label: 'Description', value: 'Build 450 base stations' }] }),
    });
    expect(statusOf(result, 'acceptance')).toMatchObject({ status: 'missing', trail: [], hints: [{ fieldLabel: 'Description', value: 'Build 450 base stations' }] });
  });

  it('never takes a placeholder in a satisfying CRM field ("TBD", "待定") for the fact: it is a hint', () => {
    for (const placeholder of ['TBD', 'tbd.', '待定', ' - ', 'N/A']) {
      const result = report('Proposal/Price Quote', { record: record({ stage: 'Proposal/Price Quote', fields: [{ label: 'Budget', value: placeholder }] }) });
      expect(statusOf(result, 'budget')).toMatchObject({ status: 'missing', trail: [], hints: [{ fieldLabel: 'Budget', value: placeholder }] });
    }
  });

  it('grades a missing fact by its stage window and weight: due at its stage, overdue (and escalated) after it, early when a note brings it up', () => {
    const urgencyAt = (stage: string, notes: Parameters<typeof dealInput>[0] = {}) => statusOf(report(stage, notes), 'acceptance')!.urgency;
    expect(urgencyAt('Proposal/Price Quote')).toEqual({ severity: 'medium', timing: 'due', weight: 'normal', stagesOverdue: 0 });
    expect(urgencyAt('Closed Won')).toEqual({ severity: 'high', timing: 'overdue', weight: 'normal', stagesOverdue: 1 });
    const early = urgencyAt('Prospecting', { facts: { notes: [note('n1', 'They do incoming inspection of every batch')] } });
    // Early by its stage, one level more because the customer brought it up.
    expect(early).toEqual({ severity: 'medium', timing: 'early', weight: 'normal', stagesOverdue: 0 });
    expect(statusOf(report('Closed Won'), 'pain')!.urgency?.stagesOverdue).toBe(2);
  });

  it('stops asking for a fact past its last stage, and names whose job it is', () => {
    const until = buildPlaybook((input: PlaybookInput) => {
      input.stages.splice(2, 0, { id: 'won', label: text('Won'), crmNames: { salesforce: { en: ['Closed Won'] } } });
      Object.assign(input.requirements[0]!, { requiredUntil: 'bid', collectedBy: 'ar' });
    });
    const fields = (stage: string) => evaluateRequirements(createDealContext(dealInput({ playbook: until, record: record({ stage }) }))).fields[0]!;
    expect(fields('Proposal/Price Quote')).toMatchObject({ status: 'missing', collectedBy: 'ar' });
    expect(fields('Closed Won')).toMatchObject({ status: 'no-longer-required', requiredBecause: [] });
    expect(fields('Closed Won').urgency).toBeUndefined();
  });

  it('does not repeat a CRM value that is already stored with its confirmation', () => {
    const result = report('Proposal/Price Quote', {
      record: record({ stage: 'Proposal/Price Quote', fields: [{ label: 'Budget', value: 'USD 1.8m' }] }),
      facts: { requirementValues: [value('budget', 'USD 1.8m', { source: { kind: 'crm-field', fieldLabel: 'Budget' }, confirmedByCustomer: true })] },
    });
    expect(statusOf(result, 'budget')).toMatchObject({ status: 'confirmed', trail: [{ value: 'USD 1.8m', confirmedByCustomer: true }] });
  });

  it('treats blank values as nothing known', () => {
    const result = report('Proposal/Price Quote', {
      record: record({ stage: 'Proposal/Price Quote', fields: [{ label: 'Budget', value: '  ' }] }),
      facts: { requirementValues: [value('budget', '   ')] },
    });
    expect(statusOf(result, 'budget')).toMatchObject({ status: 'missing', trail: [] });
  });

  it('makes a field required early when a note brings it up, and offers the note as a value', () => {
    const result = report('Prospecting', {
      facts: { notes: [note('n1', 'Their IQC does an incoming inspection of every pallet.', { pageTitle: 'Visit report' })] },
    });
    const acceptance = statusOf(result, 'acceptance')!;
    expect(acceptance.status).toBe('missing');
    expect(acceptance.requiredBecause.map((because) => explain(because, 'en'))).toEqual([
      'The note “Visit report” mentions “incoming inspection”: Their IQC does an incoming inspection of every pallet.',
    ]);
    expect(acceptance.noteSuggestions).toEqual([
      {
        noteId: 'n1',
        pageTitle: 'Visit report',
        url: 'https://mail.example.com/n1',
        keyword: 'incoming inspection',
        quote: 'Their IQC does an incoming inspection of every pallet.',
        value: 'Their IQC does an incoming inspection of every pallet.',
        figures: [],
      },
    ]);
  });

  it('neither offers a rejected note again nor lets it make the field required', () => {
    const notes = [note('n1', 'Their IQC does an incoming inspection of every pallet.')];
    const rejected = { noteId: 'n1', fieldId: 'acceptance', decision: 'rejected' as const };
    const acceptance = statusOf(report('Prospecting', { facts: { notes, decisions: [rejected] } }), 'acceptance')!;
    expect(acceptance).toMatchObject({ status: 'not-yet-required', requiredBecause: [], noteSuggestions: [], noteSuggestionCount: 0 });
    // Accepting is not rejecting: an accepted note stays evidence.
    const accepted = statusOf(report('Prospecting', { facts: { notes, decisions: [{ ...rejected, decision: 'accepted' }] } }), 'acceptance')!;
    expect(accepted.status).toBe('missing');
  });

  it('suggests the newest notes first, at most three, and counts them all', () => {
    const notes = [1, 2, 3, 4, 5].map((day) => note(`n${day}`, `来料检验 day ${day}`, { capturedAt: NOW - day * DAY }));
    const acceptance = statusOf(report('Prospecting', { facts: { notes } }), 'acceptance')!;
    expect(acceptance.noteSuggestions.map((suggestion) => suggestion.noteId)).toEqual(['n1', 'n2', 'n3']);
    expect(acceptance.noteSuggestionCount).toBe(5);
  });

  it('counts completeness per stage, fields brought up by notes included', () => {
    const result = report('Prospecting', {
      facts: {
        requirementValues: [value('pain', 'Fuel', { confirmedByCustomer: true })],
        notes: [note('n1', 'incoming inspection by IQC')],
      },
    });
    expect(result.completeness).toEqual([
      { stageId: 'open', required: 2, captured: 1, confirmed: 1 },
      { stageId: 'bid', required: 3, captured: 1, confirmed: 1 },
      { stageId: 'won', required: 3, captured: 1, confirmed: 1 },
    ]);
  });

  it('lists the fields without a value that block the next stage', () => {
    const result = report('Prospecting', { facts: { requirementValues: [value('budget', 'USD 2m')] } });
    expect(result.nextStage).toEqual({ stageId: 'bid', blockers: ['pain', 'acceptance'] });
  });

  it('has no next stage at the end of the pipeline, for a lost deal, or when the stage is unknown', () => {
    expect(report('Closed Won').nextStage).toBeNull();
    expect(report('Closed Lost').nextStage).toBeNull();
    expect(report('Stalled').nextStage).toBeNull();
  });

  it('requires nothing by stage when the stage is unknown, and says so', () => {
    const result = report('Stalled', { facts: { notes: [note('n1', 'pain: diesel')] } });
    expect(result.stage).toMatchObject({ kind: 'unknown', crmStageName: 'Stalled' });
    expect(result.fields.map((field) => [field.requirementId, field.status])).toEqual([
      ['budget', 'not-yet-required'],
      ['pain', 'missing'],
      ['acceptance', 'not-yet-required'],
    ]);
  });
});
