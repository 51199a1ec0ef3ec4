import { recordKey } from '../crm/snapshot';
import { summarizeDeal, type DealSummary } from '../engines/summary';
import { t } from '../i18n';
import type { TabState } from '../messaging/protocol';
import { analyzeDealData, loadDealData } from '../panel/deal-data';
import type { Database } from '../store/db';

/** What the launcher shows: the deal's gap count, or nothing when the tab shows no record. */
export type BadgeContent = { recordKey: string; summary: DealSummary } | null;

export async function badgeContent(db: Database, tab: TabState): Promise<BadgeContent> {
  if (tab.kind !== 'record') return null;
  const key = recordKey(tab.snapshot);
  const summary = summarizeDeal(analyzeDealData(tab.snapshot, await loadDealData(db, key)));
  return { recordKey: key, summary };
}

/** The badge's text and its accessible name, in the user's language. */
export function badgeText(summary: DealSummary): { text: string; label: string } {
  const { gapCount } = summary;
  return {
    text: gapCount > 99 ? '99+' : String(gapCount),
    label: gapCount === 0 ? t('launcherNoGaps') : t('launcherGaps', String(gapCount)),
  };
}
