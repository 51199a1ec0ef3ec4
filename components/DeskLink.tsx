import { t } from '@/lib/i18n';

/** Opens the deal desk (deals.html, an extension page) in a new tab: every deal at once, beside the one in view. */
export function DeskLink() {
  return (
    <a className="desk-link" href="/deals.html" target="_blank" rel="noopener" data-testid="desk-link">
      {t('deskOpen')}
    </a>
  );
}
