// @vitest-environment happy-dom
import { expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { explain } from '@/lib/domain/explain';
import { getLocale, t } from '@/lib/i18n';
import { analysed, DEAL_DATA, dealRecord, noFacts } from '@/components/testing/deal';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { NextActions } from './NextActions';

// The appliance maker's deal as it happened: won, goods, only the CEO and an engineer known, nobody spoke of inspection.
const wonGoodsDeal = () => analysed(noFacts(), { ...dealRecord, stage: 'Closed Won', owner: 'Ana Costa' });

describeInEachLocale('NextActions', (locale) => {
  it('opens with at most three actions, highest first, each with what, why, whose job and one button', () => {
    const { analysis, labels } = wonGoodsDeal();
    const start = vi.fn();
    const { container } = render(<NextActions findings={analysis.findings} labels={labels} start={start} />);
    const section = screen.getByTestId('next-actions');
    const items = within(section).getAllByTestId('next-action');
    expect(items.length).toBe(3);
    expect(items.map((item) => item.dataset.severity)).toEqual(['high', 'high', 'high']);
    const subjects = items.map((item) => `${item.dataset.kind}:${item.dataset.subject}`);
    expect(subjects).toContain('chain-gap:quality-inspection');
    expect(subjects).toContain('role-missing:quality-engineer');
    const first = analysis.findings.next[0]!;
    expect(items[0]!.textContent).toContain(explain(first.what, getLocale()));
    expect(items[0]!.textContent).toContain(explain(first.why, getLocale()));
    expect(items[0]!.textContent).toContain(t('nextActionOwner', labels.teamRole(first.owner!)));
    fireEvent.click(within(items[0]!).getByRole('button'));
    expect(start).toHaveBeenCalledWith(first);
    expectOnlyLocaleText(container, locale, [...DEAL_DATA, 'Ana Costa', 'Closed Won']);
  });

  it('keeps everything else one click away, ranked, with several people of the same gap on one line', () => {
    const { analysis, labels } = wonGoodsDeal();
    render(<NextActions findings={analysis.findings} labels={labels} start={vi.fn()} />);
    const rest = screen.getByTestId('all-findings');
    expect(rest.querySelector('summary')?.textContent).toBe(t('allFindingsSummary', String(analysis.findings.all.length)));
    expect(within(rest).getAllByTestId('finding').length).toBe(analysis.findings.all.length - 3);
    const stance = within(rest)
      .getAllByTestId('finding')
      .filter((item) => item.dataset.subject === 'stance-unknown');
    expect(stance.length).toBe(1);
    expect(stance[0]!.textContent).toContain(explain({ key: 'finding.people.stance-unknown', params: { count: 2 } }, getLocale()));
  });

  it('ranks a customer role the page gave no roles for as a check, last, saying to look on the CRM page', () => {
    // The contact list read as names only: nobody known to hold a customer role.
    const namesOnly = { ...dealRecord, contacts: dealRecord.contacts.map(({ name }) => ({ name })), unreadContactDetails: ['title' as const, 'role' as const] };
    const { analysis, labels } = analysed(noFacts(), namesOnly);
    const { container } = render(<NextActions findings={analysis.findings} labels={labels} start={vi.fn()} />);
    const checks = within(screen.getByTestId('all-findings'))
      .getAllByTestId('finding')
      .filter((item) => item.dataset.severity === 'check');
    expect(checks.length).toBeGreaterThan(0);
    expect(analysis.findings.all.slice(-checks.length).every((finding) => finding.urgency.severity === 'check')).toBe(true);
    expect(checks[0]!.textContent).toContain(t('severityCheck'));
    expect(checks[0]!.textContent).toContain(locale === 'en' ? 'Check on the CRM page whether someone covers' : '到 CRM 页面上核实是否有人担任');
    expectOnlyLocaleText(container, locale, [...DEAL_DATA, 'Closed Won']);
  });

  it('says so when nothing is missing', () => {
    const { labels } = analysed();
    render(<NextActions findings={{ all: [], next: [], counts: { high: 0, medium: 0, low: 0, check: 0 } }} labels={labels} start={vi.fn()} />);
    expect(screen.getByTestId('next-actions').textContent).toContain(t('nextActionsNone'));
    expect(screen.queryByTestId('all-findings')).toBeNull();
  });
});
