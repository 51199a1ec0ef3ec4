// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import type { RequirementValue } from '@/lib/domain/requirement-value';
import { t } from '@/lib/i18n';
import { analysed, DEAL_DATA, dealRecord, noFacts, NOW } from '@/components/testing/deal';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { DealProgress } from './DealProgress';

const value = (fieldId: string, confirmedByCustomer: boolean): RequirementValue => ({
  fieldId,
  value: `${fieldId} as the customer put it`,
  source: { kind: 'manual' },
  confirmedByCustomer,
  setBy: '',
  setAt: NOW - 5000,
});

/**
 * The deal at "Solution / proposal" (its CRM stage is Needs Analysis) with the budget and the site power confirmed
 * and the business pain captured; SR is Li Wei, finance (a large deal) Ana Costa, AR the CRM record's owner.
 */
function deal() {
  return analysed(
    {
      ...noFacts(),
      requirementValues: [value('budget', true), value('business-pain', false), value('site-power', true)],
      assignments: [
        { roleId: 'sr', personId: 'p-li' },
        { roleId: 'finance', personId: 'p-ana' },
      ],
    },
    { ...dealRecord, owner: 'Karim Haddad' },
  );
}

const DATA = [...DEAL_DATA, 'Karim Haddad', 'KH', 'LW', 'AC'];
const stageRow = (stageId: string) => screen.getAllByTestId('stage-progress').find((row) => row.dataset.stage === stageId) as HTMLElement;
/** Whether `text` is in the page outside the figure's tooltips (SVG titles): the words screen readers get. */
const spoken = (text: string) => screen.getAllByText(text).some((element) => element.tagName.toLowerCase() !== 'title');
const node = (roleId: string) => screen.getAllByTestId('team-role-node').find((item) => item.dataset.role === roleId) as HTMLElement;

describeInEachLocale('DealProgress', (locale) => {
  it('draws one row per pipeline stage with the required facts captured, confirmed and missing, and marks the current stage', () => {
    const { analysis, labels } = deal();
    const { container } = render(<DealProgress requirements={analysis.requirements} team={analysis.team} labels={labels} />);

    const rows = screen.getAllByTestId('stage-progress');
    expect(rows.map((row) => row.dataset.stage)).toEqual(analysis.requirements.completeness.map((stage) => stage.stageId));
    for (const stage of analysis.requirements.completeness) {
      const row = stageRow(stage.stageId);
      expect([row.dataset.required, row.dataset.captured, row.dataset.confirmed]).toEqual([stage.required, stage.captured, stage.confirmed].map(String));
      expect(row.textContent).toContain(labels.stage(stage.stageId));
      const counts = stage.required === 0 ? t('progressNothingRequired') : t('progressStageCounts', `${stage.captured}`, `${stage.required}`, `${stage.confirmed}`);
      expect(row.querySelector('.stage-progress-counts')?.textContent).toBe(counts);
    }
    // Budget and business pain from qualification on; site power from the solution stage on.
    expect([stageRow('qualification').dataset.required, stageRow('qualification').dataset.captured, stageRow('qualification').dataset.confirmed]).toEqual(['4', '2', '1']);
    const solution = stageRow('solution');
    expect([solution.dataset.required, solution.dataset.captured, solution.dataset.confirmed]).toEqual(['9', '3', '2']);
    const widths = [...solution.querySelectorAll<HTMLElement>('.progress-bar > span')].map((bar) => Math.round(parseFloat(bar.style.width)));
    expect(widths).toEqual([22, 11]);
    expect(stageRow('lead').querySelector('.progress-bar')).toBeNull();

    const current = container.querySelectorAll('[aria-current=step]');
    expect([...current]).toEqual([solution]);
    expect(within(solution).getByText(t('progressCurrentStage'))).toBeTruthy();
    if (locale === 'zh-CN') expect(solution.textContent).toContain('标前引导');
    else expect(solution.textContent).toContain('Solution / proposal');

    for (const text of [t('progressLegendConfirmed'), t('progressLegendCaptured'), t('progressLegendMissing')]) expect(screen.getByText(text)).toBeTruthy();
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('marks no stage as current when the CRM stage maps onto none', () => {
    const { analysis, labels } = analysed(noFacts(), { ...dealRecord, stage: 'Mystery stage' });
    const { container } = render(<DealProgress requirements={analysis.requirements} team={analysis.team} labels={labels} />);
    expect(analysis.requirements.stage.kind).toBe('unknown');
    expect(container.querySelector('[aria-current]')).toBeNull();
    expect(screen.queryByText(t('progressCurrentStage'))).toBeNull();
  });

  it('shows the iron triangle with the holders’ initials, an empty marker where nobody holds a corner, and the N-angle roles beside it', () => {
    const { analysis, labels } = deal();
    const { container } = render(<DealProgress requirements={analysis.requirements} team={analysis.team} labels={labels} />);
    const triangle = screen.getByTestId('team-triangle');

    expect(within(triangle).getByRole('img', { name: t('triangleSummary', '2', '3') })).toBeTruthy();
    expect([node('ar').dataset.marker, node('ar').dataset.status]).toEqual(['KH', 'filled']);
    expect([node('sr').dataset.marker, node('sr').dataset.status]).toEqual(['LW', 'filled']);
    // FR is required from the solution stage on and nobody holds it.
    expect(node('fr').dataset.status).not.toBe('filled');
    expect(node('fr').dataset.marker).toBe('!');
    expect(node('fr').getAttribute('class')).toContain('node-required');
    expect(within(node('ar')).getByText('AR')).toBeTruthy();

    // N-angle roles: finance (a deal over USD 1M, held by Ana Costa) and the executive sponsor (suggested, nobody).
    const others = analysis.team.roles.filter((role) => !['ar', 'sr', 'fr'].includes(role.roleId)).map((role) => role.roleId);
    expect(others).toEqual(['finance', 'executive-sponsor']);
    expect(screen.getAllByTestId('team-role-node').map((item) => item.dataset.role)).toEqual(['ar', 'sr', 'fr', ...others]);
    expect([node('finance').dataset.marker, node('finance').dataset.status]).toEqual(['AC', 'filled']);
    expect(node('finance').textContent).toContain(labels.teamRole('finance'));
    expect(node('executive-sponsor').dataset.marker).toBe('');
    expect(node('executive-sponsor').querySelector('.chip-marker')?.className).toContain('node-nobody');
    if (locale === 'zh-CN') expect(node('finance').textContent).toContain('财务');

    // What the figure shows, in words for screen readers.
    for (const fact of [
      t('triangleHeld', labels.teamRole('ar'), 'Karim Haddad'),
      t('triangleHeld', labels.teamRole('sr'), 'Li Wei'),
      t('triangleNobodyRequired', labels.teamRole('fr')),
      t('triangleHeld', labels.teamRole('finance'), 'Ana Costa'),
      t('triangleNobody', labels.teamRole('executive-sponsor')),
    ]) {
      expect(spoken(fact), fact).toBe(true);
    }
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('leaves a corner empty and neutral when the deal does not need the role yet', () => {
    const { analysis, labels } = analysed(noFacts(), { ...dealRecord, stage: 'Prospecting' });
    render(<DealProgress requirements={analysis.requirements} team={analysis.team} labels={labels} />);
    expect(analysis.team.roles.some((role) => role.roleId === 'fr')).toBe(false);
    expect([node('fr').dataset.status, node('fr').dataset.marker]).toEqual(['not-needed', '']);
    expect(node('fr').getAttribute('class')).toContain('node-nobody');
    expect(spoken(t('triangleNobody', labels.teamRole('fr')))).toBe(true);
  });
});
