// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { t } from '@/lib/i18n';
import { analysed } from '../testing/deal';
import { describeInEachLocale, expectOnlyLocaleText } from '../testing/locales';
import { DealSummaryLine } from './DealSummaryLine';

describeInEachLocale('DealSummaryLine', (locale) => {
  it('sums up facts captured, decision-chain gaps and the roles nobody holds', () => {
    const { labels } = analysed();
    const { container } = render(<DealSummaryLine summary={{ requirements: { required: 12, captured: 7 }, decisionChainGaps: 3, missingRoles: ['sr'], gapCount: 9 }} labels={labels} />);
    const line = screen.getByTestId('deal-summary');
    expect(line.textContent).toBe([t('summaryFacts', '7', '12'), t('summaryChainGaps', '3'), t('summaryMissingRoles', labels.teamRole('sr'))].join(' · '));
    expect(line.dataset.gaps).toBe('9');
    expectOnlyLocaleText(container, locale);
  });

  it('says when the stage is unknown and when the team is complete, with counts in the locale’s digits grouping', () => {
    const { labels } = analysed();
    render(<DealSummaryLine summary={{ requirements: null, decisionChainGaps: 1200, missingRoles: [], gapCount: 1200 }} labels={labels} />);
    expect(screen.getByTestId('deal-summary').textContent).toBe([t('summaryFactsUnknown'), t('summaryChainGaps', '1,200'), t('summaryTeamComplete')].join(' · '));
  });
});
