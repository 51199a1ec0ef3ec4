// @vitest-environment happy-dom
import { expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { t } from '@/lib/i18n';
import { analysed, DEAL_DATA, dealRecord, noFacts, NOW } from '@/components/testing/deal';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { RequirementsSection, type RequirementActions } from './RequirementsSection';

const DIESEL = 'Their biggest worry is the diesel fuel cost at the remote sites.';
const factsWithNote = () => ({
  ...noFacts(),
  notes: [{ id: 'n1', text: DIESEL, pageTitle: 'Call notes', url: 'https://mail.example.com/1', capturedAt: NOW - 1000 }],
  requirementValues: [{ fieldId: 'budget', value: 'USD 2M approved', source: { kind: 'manual' as const }, confirmedByCustomer: true, setBy: '', setAt: NOW - 5000 }],
});
const actions = (): RequirementActions => ({ accept: vi.fn(), reject: vi.fn(), saveValue: vi.fn().mockResolvedValue({ ok: true }) });
const DATA = [...DEAL_DATA, DIESEL, 'USD 2M approved', 'diesel fuel cost at the remote sites'];

describeInEachLocale('RequirementsSection', (locale) => {
  it('lists the required facts, missing ones first, each with who needs it, and the completeness', () => {
    const { analysis, labels } = analysed(factsWithNote());
    const { container } = render(<RequirementsSection report={analysis.requirements} labels={labels} decisions={[]} actions={actions()} />);
    const statuses = screen.getAllByTestId('requirement').map((item) => item.dataset.status);
    const firstOther = statuses.findIndex((status) => status !== 'missing');
    expect(statuses.slice(firstOther).includes('missing')).toBe(false);
    const budget = container.querySelector('[data-requirement=budget]') as HTMLElement;
    expect(budget.dataset.status).toBe('confirmed');
    expect(budget.textContent).toContain('USD 2M approved');
    expect(budget.textContent).toContain(t('sourceManual'));
    expect(budget.textContent).toContain(t('statusConfirmed'));
    const neededBy = analysis.requirements.fields.find((field) => field.requirementId === 'budget')?.neededBy ?? [];
    expect(neededBy.length).toBeGreaterThan(0);
    expect(within(budget).getByText(`${t('neededBy', neededBy.map(labels.teamRole).join(', '))} · ${t('nextActionOwner', labels.teamRole('ar'))}`)).toBeTruthy();
    expect(screen.getByTestId('completeness').textContent).toMatch(locale === 'en' ? /^\d+ of \d+ required facts captured, 1 confirmed/ : /^已收集 \d+\/\d+ 项必需信息，其中 1 项/);
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('shows a CRM Description beside the missing business pain as a hint, not as the fact, and opens the editor with it on request', () => {
    const record = { ...dealRecord, fields: [...dealRecord.fields, { label: 'Description', value: 'Build 450 base stations' }] };
    const { analysis, labels } = analysed(noFacts(), record);
    const handlers = actions();
    const { container } = render(<RequirementsSection report={analysis.requirements} labels={labels} decisions={[]} actions={handlers} />);
    const pain = container.querySelector('[data-requirement=business-pain]') as HTMLElement;
    expect(pain.dataset.status).toBe('missing');
    expect(within(pain).getByTestId('crm-hint').textContent).toContain(t('crmHint', 'Build 450 base stations', 'Description'));
    fireEvent.click(within(pain).getByRole('button', { name: t('crmHintUse') }));
    expect((within(pain).getByLabelText(t('valueLabel', labels.requirement('business-pain'))) as HTMLTextAreaElement).value).toBe('Build 450 base stations');
    expectOnlyLocaleText(container, locale, [...DATA, 'Build 450 base stations', 'Description']);
  });

  it('grades each missing fact, the most urgent first, and opens a field’s editor when a next action asks for it', () => {
    const { analysis, labels } = analysed();
    const { container, rerender } = render(<RequirementsSection report={analysis.requirements} labels={labels} decisions={[]} actions={actions()} />);
    const missing = screen.getAllByTestId('requirement').filter((item) => item.dataset.status === 'missing');
    expect(missing.every((item) => item.dataset.severity !== undefined)).toBe(true);
    const rank = { high: 0, medium: 1, low: 2 } as Record<string, number>;
    const ranks = missing.map((item) => rank[item.dataset.severity!]!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    rerender(
      <RequirementsSection
        report={analysis.requirements}
        labels={labels}
        decisions={[]}
        actions={actions()}
        focus={{ action: { kind: 'add-value', requirementId: 'budget' }, seq: 1 }}
      />,
    );
    const budget = container.querySelector('[data-requirement=budget]') as HTMLElement;
    expect(within(budget).getByTestId('value-editor')).toBeTruthy();
    expect(document.activeElement).toBe(within(budget).getByLabelText(t('valueLabel', labels.requirement('budget'))));
  });

  it('puts facts that are no longer asked after the decision apart', () => {
    const { analysis, labels } = analysed(noFacts(), { ...dealRecord, stage: 'Closed Won' });
    const { container } = render(<RequirementsSection report={analysis.requirements} labels={labels} decisions={[]} actions={actions()} />);
    const competitors = container.querySelector('[data-requirement=competitors]') as HTMLElement;
    expect(competitors.dataset.status).toBe('no-longer-required');
    expect(competitors.closest('details')?.querySelector('summary')?.textContent).toBe(t('noLongerFieldsHeading', '3'));
  });

  it('offers a note’s quote as a value, and accepting or rejecting reports which', () => {
    const { analysis, labels } = analysed(factsWithNote());
    const handlers = actions();
    const { container } = render(<RequirementsSection report={analysis.requirements} labels={labels} decisions={[]} actions={handlers} />);
    const field = container.querySelector('[data-requirement=operating-cost]') as HTMLElement;
    const suggestion = within(field).getByTestId('suggestion');
    expect(suggestion.textContent).toContain(t('suggestionHeading'));
    fireEvent.click(within(suggestion).getByRole('button', { name: t('suggestionAccept') }));
    expect(handlers.accept).toHaveBeenCalledWith('operating-cost', expect.objectContaining({ noteId: 'n1' }), undefined);
    fireEvent.click(within(suggestion).getByRole('button', { name: t('suggestionReject') }));
    expect(handlers.reject).toHaveBeenCalledWith('operating-cost', expect.objectContaining({ noteId: 'n1' }));
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('lets the proposed statement be edited before it is accepted', () => {
    const { analysis, labels } = analysed(factsWithNote());
    const handlers = actions();
    const { container } = render(<RequirementsSection report={analysis.requirements} labels={labels} decisions={[]} actions={handlers} />);
    const suggestion = within(container.querySelector('[data-requirement=operating-cost]') as HTMLElement).getByTestId('suggestion');
    const proposed = analysis.requirements.fields.find((field) => field.requirementId === 'operating-cost')!.noteSuggestions[0]!;
    expect(within(suggestion).getByText(proposed.value, { selector: 'q' })).toBeTruthy();
    fireEvent.click(within(suggestion).getByRole('button', { name: t('suggestionEdit') }));
    const editor = within(suggestion).getByLabelText(t('suggestionEditLabel', labels.requirement('operating-cost')));
    expect((editor as HTMLTextAreaElement).value).toBe(proposed.value);
    const edited = 'Diesel: USD 1.35/L delivered';
    fireEvent.change(editor, { target: { value: edited } });
    fireEvent.click(within(suggestion).getByRole('button', { name: t('suggestionAcceptEdited') }));
    expect(handlers.accept).toHaveBeenCalledWith('operating-cost', expect.objectContaining({ noteId: 'n1' }), edited);
    expectOnlyLocaleText(container, locale, [...DATA, edited]);
  });

  it('hides a suggestion once decided', () => {
    const { analysis, labels } = analysed(factsWithNote());
    const decided = [{ recordKey: 'r', noteId: 'n1', fieldId: 'operating-cost', decision: 'rejected' as const, decidedAt: NOW }];
    const { container } = render(<RequirementsSection report={analysis.requirements} labels={labels} decisions={decided} actions={actions()} />);
    expect(within(container.querySelector('[data-requirement=operating-cost]') as HTMLElement).queryByTestId('suggestion')).toBeNull();
  });

  it('edits a value based on the newest stored one', async () => {
    const { analysis, labels } = analysed(factsWithNote());
    const handlers = actions();
    const { container } = render(<RequirementsSection report={analysis.requirements} labels={labels} decisions={[]} actions={handlers} />);
    const label = labels.requirement('budget');
    fireEvent.click(screen.getByRole('button', { name: `${t('valueEdit')}: ${label}` }));
    fireEvent.change(screen.getByLabelText(t('valueLabel', label)), { target: { value: 'USD 2.4M approved' } });
    expectOnlyLocaleText(container, locale, [...DATA, 'USD 2.4M approved']);
    fireEvent.click(screen.getByRole('button', { name: t('valueSave') }));
    await vi.waitFor(() => expect(screen.queryByTestId('value-editor')).toBeNull());
    expect(handlers.saveValue).toHaveBeenCalledWith('budget', 'USD 2.4M approved', true, NOW - 5000);
  });
});
