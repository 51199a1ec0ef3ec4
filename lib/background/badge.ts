import { recordKey } from '@/lib/crm/snapshot';
import { readDisplayPreferences } from '@/lib/display/preferences';
import { summarizeDeal } from '@/lib/engines/summary';
import { localeOf, readLanguagePreference } from '@/lib/i18n/preference';
import type { Badge, TabState } from '@/lib/messaging/protocol';
import { analyzeDealData, loadDealData } from '@/lib/deal/deal-data';
import type { Database } from '@/lib/store/db';

/**
 * What the launcher of a tab shows, worked out by the background: the
 * launcher is framed in the CRM page, where the browser may deny an embedded
 * page its storage (third-party storage blocked), so it reads nothing itself.
 */
export async function badgeFor(db: Database, tabId: number, tab: TabState, browserLanguage: string | undefined): Promise<Badge> {
  const [display, language] = await Promise.all([readDisplayPreferences(db), readLanguagePreference(db)]);
  const locale = localeOf(language, browserLanguage);
  if (tab.kind !== 'record') return { tabId, gapCount: null, recordKey: null, display, locale };
  const key = recordKey(tab.snapshot);
  const summary = summarizeDeal(analyzeDealData(tab.snapshot, await loadDealData(db, key)));
  return { tabId, gapCount: summary.gapCount, recordKey: key, display, locale };
}
