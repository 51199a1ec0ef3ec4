import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import type { DealSummary } from '@/lib/engines/summary';
import type { PlaybookLabels } from './text';

/**
 * The deal at a glance, e.g. "2 high-priority gaps · 9 more below · 7 of 12
 * required facts · missing: SR". It leads with the high items only: the rest
 * is listed, ranked, below.
 */
export function DealSummaryLine({ summary, labels }: { summary: DealSummary; labels: PlaybookLabels }) {
  const more = summary.counts.medium + summary.counts.low + summary.counts.check;
  const parts = [
    t('summaryHigh', formatNumber(summary.counts.high)),
    ...(more > 0 ? [t('summaryMore', formatNumber(more))] : []),
    summary.requirements ? t('summaryFacts', formatNumber(summary.requirements.captured), formatNumber(summary.requirements.required)) : t('summaryFactsUnknown'),
    summary.missingRoles.length > 0 ? t('summaryMissingRoles', summary.missingRoles.map(labels.teamRole).join(', ')) : t('summaryTeamComplete'),
  ];
  return (
    <p className="deal-summary" data-testid="deal-summary" data-gaps={summary.gapCount}>
      {parts.join(' · ')}
    </p>
  );
}
