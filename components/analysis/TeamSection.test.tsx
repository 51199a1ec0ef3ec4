// @vitest-environment happy-dom
import { expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { t } from '@/lib/i18n';
import { analysed, DEAL_DATA, dealRecord, noFacts } from '@/components/testing/deal';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { TeamSection } from './TeamSection';

const roleItem = (container: HTMLElement, roleId: string) => container.querySelector(`[data-testid=team-role][data-role=${roleId}]`) as HTMLElement;

describeInEachLocale('TeamSection', (locale) => {
  it('shows the iron-triangle roles with their reasons, and assigns a suggested person with one click', () => {
    const { analysis, labels } = analysed();
    const actions = { assign: vi.fn(), unassign: vi.fn() };
    const { container } = render(<TeamSection report={analysis.team} labels={labels} directorySize={2} actions={actions} />);
    const sr = roleItem(container, 'sr');
    expect(within(sr).getByText(labels.teamRole('sr'))).toBeTruthy();
    expect(within(sr).getAllByTestId('role-reason').length).toBeGreaterThan(0);
    const candidate = within(sr).getAllByTestId('candidate')[0] as HTMLElement;
    expect(candidate.textContent).toContain('Li Wei');
    expect(candidate.textContent).toMatch(new RegExp(t('candidateScore', '\\d+')));
    expectOnlyLocaleText(container, locale, DEAL_DATA);
    fireEvent.click(within(candidate).getByRole('button', { name: t('assignButton', 'Li Wei') }));
    expect(actions.assign).toHaveBeenCalledWith('sr', 'p-li');
  });

  it('takes the CRM record owner as the account responsible, without an unassign button, until the team assigns someone', () => {
    const { analysis, labels } = analysed(noFacts(), { ...dealRecord, owner: 'Karim Haddad' });
    const { container } = render(<TeamSection report={analysis.team} labels={labels} directorySize={2} actions={{ assign: vi.fn(), unassign: vi.fn() }} />);
    const ar = roleItem(container, 'ar');
    expect(ar.dataset.status).toBe('filled');
    expect(within(ar).getByTestId('assigned-member').textContent).toBe(t('roleHeldByOwner', 'Karim Haddad'));
    expect(within(ar).queryAllByRole('button')).toEqual([]);
    expectOnlyLocaleText(container, locale, [...DEAL_DATA, 'Karim Haddad']);
  });

  it('brings the best candidate’s button into focus when a next action asks to assign the role', () => {
    const { analysis, labels } = analysed();
    const { container } = render(
      <TeamSection report={analysis.team} labels={labels} directorySize={2} actions={{ assign: vi.fn(), unassign: vi.fn() }} focus={{ action: { kind: 'assign-member', roleId: 'sr' }, seq: 1 }} />,
    );
    expect(document.activeElement).toBe(within(roleItem(container, 'sr')).getAllByTestId('candidate')[0]!.querySelector('button'));
  });

  it('shows who is assigned, with a way to unassign', () => {
    const { analysis, labels } = analysed({ ...noFacts(), assignments: [{ roleId: 'sr', personId: 'p-li' }] });
    const actions = { assign: vi.fn(), unassign: vi.fn() };
    const { container } = render(<TeamSection report={analysis.team} labels={labels} directorySize={2} actions={actions} />);
    const sr = roleItem(container, 'sr');
    expect(within(sr).getByTestId('assigned-member').textContent).toContain(t('roleAssigned', 'Li Wei'));
    expect(within(sr).queryByTestId('candidate')).toBeNull();
    fireEvent.click(within(sr).getByRole('button', { name: t('unassignButton', 'Li Wei') }));
    expect(actions.unassign).toHaveBeenCalledWith('sr', 'p-li');
    expectOnlyLocaleText(container, locale, DEAL_DATA);
  });

  it('points to the directory when it is empty, and shows roles nobody can fill as gaps', () => {
    const { analysis, labels } = analysed();
    const report = { ...analysis.team, roles: analysis.team.roles.map((role) => ({ ...role, candidates: [], status: 'gap' as const, gap: undefined })) };
    const { container } = render(<TeamSection report={report} labels={labels} directorySize={0} actions={{ assign: vi.fn(), unassign: vi.fn() }} />);
    expect(screen.getByText(t('directoryEmptyHint'))).toBeTruthy();
    expect(within(roleItem(container, 'sr')).getByTestId('role-gap').textContent).toBe(t('roleNoCandidates'));
    expectOnlyLocaleText(container, locale, DEAL_DATA);
  });

  it('says so when the playbook calls for no role', () => {
    const { analysis, labels } = analysed();
    render(<TeamSection report={{ ...analysis.team, roles: [] }} labels={labels} directorySize={2} actions={{ assign: vi.fn(), unassign: vi.fn() }} />);
    expect(screen.getByText(t('teamNoRoles'))).toBeTruthy();
  });
});
