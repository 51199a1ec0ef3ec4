// @vitest-environment happy-dom
import { expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { stakeholderIdForContact } from '@/lib/domain/stakeholder';
import { t } from '@/lib/i18n';
import { formatDay } from '@/lib/i18n/format';
import type { StoredStakeholder } from '@/lib/store/rows';
import { analysed, DEAL_DATA, dealRecord, directory, noFacts, NOW } from '@/components/testing/deal';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { DecisionChainSection } from './DecisionChainSection';

const AMINA = stakeholderIdForContact({ name: 'Amina Hassan', email: 'amina@niletel.example' });
/** The deal's data, with the initials of the owners (Ana Costa, Li Wei) that the map's circles show. */
const DATA = [...DEAL_DATA, 'AC', 'LW'];
const JAN_10 = Date.UTC(2027, 0, 10, 12);
const stored = (overrides: Partial<StoredStakeholder> = {}): StoredStakeholder => ({
  id: AMINA,
  name: 'Amina Hassan',
  roles: [],
  stance: 'supporter',
  influence: 'high',
  ourOwner: 'p-ana',
  lastEngagedAt: JAN_10,
  source: 'crm',
  recordKey: 'r',
  updatedAt: NOW - 100,
  ...overrides,
});

function renderSection(storedRows: StoredStakeholder[] = [], annotate = vi.fn().mockResolvedValue({ ok: true }), addStakeholder = vi.fn()) {
  const { analysis, labels } = analysed({ ...noFacts(), stakeholders: storedRows });
  const view = render(
    <DecisionChainSection report={analysis.decisionChain} labels={labels} directory={directory} stored={storedRows} addStakeholder={addStakeholder} annotate={annotate} />,
  );
  return { ...view, labels, annotate, addStakeholder };
}
const personItem = (name: string) => screen.getAllByTestId('stakeholder').find((item) => item.textContent?.includes(name)) as HTMLElement;

describeInEachLocale('DecisionChainSection', (locale) => {
  it('says the roles were not read from the CRM page, and lists the roles nobody is known to hold as checks', () => {
    // The contact list read as names only.
    const namesOnly = { ...dealRecord, contacts: dealRecord.contacts.map(({ name }) => ({ name })), unreadContactDetails: ['title' as const, 'role' as const] };
    const { analysis, labels } = analysed(noFacts(), namesOnly);
    const { container } = render(
      <DecisionChainSection report={analysis.decisionChain} labels={labels} directory={directory} stored={[]} addStakeholder={vi.fn()} annotate={vi.fn()} />,
    );
    expect(screen.getByTestId('roles-not-read').textContent).toMatch(locale === 'en' ? /^Roles not read from the CRM page: / : /^未从 CRM 页面读取到角色：/);
    const roleGaps = screen.getAllByTestId('gap').filter((gap) => gap.dataset.kind === 'role-uncovered');
    expect(roleGaps.length).toBeGreaterThan(0);
    for (const gap of roleGaps) expect(gap.dataset.severity).toBe('check');
    const decisionMaker = screen.getAllByTestId('decision-role').find((item) => item.dataset.role === 'decision-maker')!;
    expect(decisionMaker.textContent).toBe(t('roleNotRead', labels.decisionRole('decision-maker')));
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('says nothing of unread roles when the page gave them', () => {
    renderSection();
    expect(screen.queryByTestId('roles-not-read')).toBeNull();
    for (const gap of screen.getAllByTestId('gap')) expect(gap.dataset.severity).not.toBe('check');
  });

  it('puts several people with the same gap on one line, and proposes a highly influential supporter as coach', () => {
    const acceptProposal = vi.fn();
    const storedRows = [stored()];
    const { analysis, labels } = analysed({ ...noFacts(), stakeholders: storedRows });
    const { container } = render(
      <DecisionChainSection
        report={analysis.decisionChain}
        labels={labels}
        directory={directory}
        stored={storedRows}
        addStakeholder={vi.fn()}
        annotate={vi.fn()}
        acceptProposal={acceptProposal}
      />,
    );
    const proposal = within(personItem('Amina Hassan')).getByTestId('role-proposal');
    expect(proposal.dataset.role).toBe('champion');
    fireEvent.click(within(proposal).getByRole('button', { name: t('proposalAccept', labels.decisionRole('champion')) }));
    expect(acceptProposal).toHaveBeenCalledWith(expect.objectContaining({ id: AMINA }), 'champion', NOW - 100);
    const grouped = screen.getAllByTestId('gap').filter((gap) => gap.dataset.people !== undefined);
    for (const gap of grouped) expect(Number(gap.dataset.people)).toBeGreaterThan(1);
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('opens the form to add a person for an uncovered role when a next action asks for it', () => {
    const { analysis, labels } = analysed();
    render(
      <DecisionChainSection
        report={analysis.decisionChain}
        labels={labels}
        directory={directory}
        stored={[]}
        addStakeholder={vi.fn()}
        annotate={vi.fn()}
        focus={{ action: { kind: 'add-person', decisionRoleId: 'champion' }, seq: 1 }}
      />,
    );
    const gap = screen.getAllByTestId('gap').find((item) => item.dataset.role === 'champion')!;
    expect(within(gap).queryByRole('button', { name: t('stakeholderAdd', labels.decisionRole('champion')) })).toBeNull();
    expect(gap.querySelector('form')).not.toBeNull();
  });

  it('lists the gaps with severity and next action, and the CRM’s contacts with their classified roles', () => {
    const { container, labels } = renderSection();
    const gaps = screen.getAllByTestId('gap');
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.some((gap) => gap.dataset.kind === 'role-uncovered' && gap.dataset.role === 'finance')).toBe(true);
    expect(gaps[0]?.textContent).toContain(t('nextActionLabel', '').trim());
    const amina = personItem('Amina Hassan');
    expect(amina.dataset.source).toBe('crm');
    expect(amina.textContent).toContain(labels.decisionRole('decision-maker'));
    expect(amina.textContent).toContain(t('stakeholderFromCrm'));
    expect(within(amina).getByTestId('last-engaged').textContent).toBe(t('stakeholderNeverEngaged'));
    expect(screen.getByText(t('stakeholdersHeading', '2'))).toBeTruthy();
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('shows what the team stored about a CRM contact merged with the CRM’s values', () => {
    const { container } = renderSection([stored()]);
    const amina = personItem('Amina Hassan');
    expect(amina.textContent).toContain(t('stanceSupporter'));
    expect(amina.textContent).toContain('Ana Costa');
    expect(within(amina).getByTestId('last-engaged').textContent).toBe(t('stakeholderLastEngagedOn', formatDay(JAN_10)));
    expect(within(amina).getByTestId('last-engaged').textContent).toContain(locale === 'en' ? 'Jan 10, 2027' : '2027年1月10日');
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('sets stance, owner and last engagement on a person the CRM lists, based on nothing stored yet', async () => {
    const { container, annotate } = renderSection();
    fireEvent.click(within(personItem('Omar Idris')).getByRole('button', { name: t('stakeholderEditLabel', 'Omar Idris') }));
    const form = screen.getByRole('form', { name: t('stakeholderEditLabel', 'Omar Idris') });
    fireEvent.change(within(form).getByLabelText(t('stakeholderStance')), { target: { value: 'opponent' } });
    fireEvent.change(within(form).getByLabelText(t('stakeholderInfluence')), { target: { value: 'medium' } });
    fireEvent.change(within(form).getByLabelText(t('stakeholderOwner')), { target: { value: 'p-li' } });
    fireEvent.change(within(form).getByLabelText(t('stakeholderLastEngaged')), { target: { value: '2027-01-10' } });
    expectOnlyLocaleText(container, locale, DATA);
    fireEvent.click(within(form).getByRole('button', { name: t('valueSave') }));
    await vi.waitFor(() => expect(screen.queryByTestId('stakeholder-editor')).toBeNull());
    expect(annotate).toHaveBeenCalledWith(
      expect.objectContaining({ id: stakeholderIdForContact({ name: 'Omar Idris' }), name: 'Omar Idris', source: 'crm' }),
      { stance: 'opponent', influence: 'medium', ourOwner: 'p-li', lastEngagedAt: JAN_10 },
      null,
    );
  });

  it('shows another panel’s edit of the person as a conflict, and saves on top of it only when asked', async () => {
    const theirs = stored({ stance: 'neutral', ourOwner: 'p-li', updatedAt: NOW });
    const annotate = vi.fn().mockResolvedValueOnce({ ok: false, conflict: theirs }).mockResolvedValueOnce({ ok: true });
    const { container } = renderSection([stored()], annotate);
    fireEvent.click(within(personItem('Amina Hassan')).getByRole('button', { name: t('stakeholderEditLabel', 'Amina Hassan') }));
    const form = screen.getByTestId('stakeholder-editor');
    expect((within(form).getByLabelText(t('stakeholderStance')) as HTMLSelectElement).value).toBe('supporter');
    fireEvent.change(within(form).getByLabelText(t('stakeholderStance')), { target: { value: 'opponent' } });
    fireEvent.click(within(form).getByRole('button', { name: t('valueSave') }));
    const conflict = await screen.findByTestId('value-conflict');
    expect(conflict.textContent).toContain(t('stakeholderConflict', 'Amina Hassan', t('stanceNeutral'), t('influenceHigh'), 'Li Wei', formatDay(JAN_10)));
    expect(annotate).toHaveBeenLastCalledWith(expect.objectContaining({ id: AMINA }), expect.objectContaining({ stance: 'opponent' }), NOW - 100);
    expectOnlyLocaleText(container, locale, DATA);
    fireEvent.click(within(conflict).getByRole('button', { name: t('valueSaveMine') }));
    await vi.waitFor(() => expect(screen.queryByTestId('stakeholder-editor')).toBeNull());
    expect(annotate).toHaveBeenLastCalledWith(expect.objectContaining({ id: AMINA }), expect.objectContaining({ stance: 'opponent' }), NOW);
  });

  it('adds a person for an uncovered role', () => {
    const { container, addStakeholder, labels } = renderSection();
    const gap = container.querySelector('[data-testid=gap][data-kind=role-uncovered][data-role=finance]') as HTMLElement;
    fireEvent.click(within(gap).getByRole('button', { name: t('stakeholderAdd', labels.decisionRole('finance')) }));
    const form = within(gap).getByTestId('stakeholder-form');
    fireEvent.change(within(form).getByLabelText(t('stakeholderName')), { target: { value: 'Fatima Idris' } });
    expectOnlyLocaleText(container, locale, [...DATA, 'Fatima Idris']);
    fireEvent.click(within(form).getByRole('button', { name: t('stakeholderSave') }));
    expect(addStakeholder).toHaveBeenCalledWith('finance', { name: 'Fatima Idris', stance: 'unknown', influence: 'unknown' });
  });

  it('says so when nobody at the customer is known', () => {
    const { analysis, labels } = analysed(noFacts(), { ...dealRecord, contacts: [] });
    render(<DecisionChainSection report={analysis.decisionChain} labels={labels} directory={directory} stored={[]} addStakeholder={vi.fn()} annotate={vi.fn()} />);
    expect(screen.getByText(t('stakeholdersEmpty'))).toBeTruthy();
  });
});
