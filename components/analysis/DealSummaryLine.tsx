import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import type { DealSummary } from '@/lib/engines/summary';
import type { PlaybookLabels } from './text';

/** The deal at a glance, e.g. "7 of 12 required facts · 3 decision-chain gaps · missing: SR". */
export function DealSummaryLine({ summary, labels }: { summary: DealSummary; labels: PlaybookLabels }) {
  const parts = [
    summary.requirements ? t('summaryFacts', formatNumber(summary.requirements.captured), formatNumber(summary.requirements.required)) : t('summaryFactsUnknown'),
    t('summaryChainGaps', formatNumber(summary.decisionChainGaps)),
    summary.missingRoles.length > 0 ? t('summaryMissingRoles', summary.missingRoles.map(labels.teamRole).join(', ')) : t('summaryTeamComplete'),
  ];
  return (
    <p className="deal-summary" data-testid="deal-summary" data-gaps={summary.gapCount}>
      {parts.join(' · ')}
    </p>
  );
}
