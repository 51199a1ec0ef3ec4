import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';

/**
 * Page rules of this record type that matched nothing on the page: the CRM's
 * layout probably changed under them. Said with the way to the options, where
 * rules are shown and removed.
 */
export function StaleRulesNotice({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p className="warning small" role="status" data-testid="stale-rules">
      {count === 1 ? t('staleRuleNotice') : t('staleRulesNotice', formatNumber(count))}{' '}
      <button type="button" className="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('staleRulesOpenOptions')}
      </button>
    </p>
  );
}
