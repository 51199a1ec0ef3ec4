// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { t } from '@/lib/i18n';
import { analysed } from '@/components/testing/deal';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { DealSummaryLine } from './DealSummaryLine';

describeInEachLocale('DealSummaryLine', (locale) => {
  it('leads with the high-priority gaps, then how many more, the facts captured and the roles nobody holds', () => {
    const { labels } = analysed();
    const { container } = render(
      <DealSummaryLine summary={{ requirements: { required: 12, captured: 7 }, missingRoles: ['sr'], counts: { high: 2, medium: 5, low: 3, check: 1 }, gapCount: 2 }} labels={labels} />,
    );
    const line = screen.getByTestId('deal-summary');
    expect(line.textContent).toBe([t('summaryHigh', '2'), t('summaryMore', '9'), t('summaryFacts', '7', '12'), t('summaryMissingRoles', labels.teamRole('sr'))].join(' · '));
    expect(line.dataset.gaps).toBe('2');
    expectOnlyLocaleText(container, locale);
  });

  it('says when the stage is unknown and when the team is complete, with counts in the locale’s digits grouping', () => {
    const { labels } = analysed();
    render(<DealSummaryLine summary={{ requirements: null, missingRoles: [], counts: { high: 1200, medium: 0, low: 0, check: 0 }, gapCount: 1200 }} labels={labels} />);
    expect(screen.getByTestId('deal-summary').textContent).toBe([t('summaryHigh', '1,200'), t('summaryFactsUnknown'), t('summaryTeamComplete')].join(' · '));
  });
});
