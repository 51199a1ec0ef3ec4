// @vitest-environment happy-dom
import { expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { t } from '@/lib/i18n';
import { formatDay } from '@/lib/i18n/format';
import { analysed, DEAL_DATA, dealRecord, NOW, noFacts } from '@/components/testing/deal';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { StageControl } from './StageControl';

const won = { ...dealRecord, stage: 'Closed Won' };
const intoDelivery = { stageId: 'delivery', fromCrmStage: 'Closed Won', setBy: '', setAt: NOW - 86_400_000 };

describeInEachLocale('StageControl', (locale) => {
  it('offers to move a won deal on to delivery, which the CRM does not track', () => {
    const { analysis, labels } = analysed(noFacts(), won);
    const actions = { moveOn: vi.fn(), followCrm: vi.fn() };
    const { container } = render(<StageControl control={analysis.stageControl} labels={labels} {...actions} />);
    const control = screen.getByTestId('stage-control');
    fireEvent.click(within(control).getByRole('button', { name: t('stageMoveOn', labels.stage('delivery')) }));
    expect(actions.moveOn).toHaveBeenCalledWith('delivery');
    expect(within(control).queryByRole('button', { name: t('stageFollowCrm') })).toBeNull();
    expectOnlyLocaleText(container, locale, [...DEAL_DATA, 'Closed Won']);
  });

  it('shows the team’s move in force with the CRM’s stage, the way back, and the stage after it', () => {
    const { analysis, labels } = analysed({ ...noFacts(), stageOverride: intoDelivery }, won);
    const actions = { moveOn: vi.fn(), followCrm: vi.fn() };
    const { container } = render(<StageControl control={analysis.stageControl} labels={labels} {...actions} />);
    const control = screen.getByTestId('stage-control');
    expect(control.textContent).toContain(t('stageMovedByTeam', formatDay(intoDelivery.setAt), 'Closed Won'));
    fireEvent.click(within(control).getByRole('button', { name: t('stageFollowCrm') }));
    expect(actions.followCrm).toHaveBeenCalledOnce();
    fireEvent.click(within(control).getByRole('button', { name: t('stageMoveOn', labels.stage('cash')) }));
    expect(actions.moveOn).toHaveBeenCalledWith('cash');
    expectOnlyLocaleText(container, locale, [...DEAL_DATA, 'Closed Won']);
  });

  it('shows nothing while the CRM tracks the stage', () => {
    const { analysis, labels } = analysed();
    render(<StageControl control={analysis.stageControl} labels={labels} moveOn={vi.fn()} followCrm={vi.fn()} />);
    expect(screen.queryByTestId('stage-control')).toBeNull();
  });
});
