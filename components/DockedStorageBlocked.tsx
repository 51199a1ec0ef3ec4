import { t } from '@/lib/i18n';
import { closeDockedPanel } from '@/lib/messaging/page-client';

/** The docked panel when the browser denies embedded pages their storage. */
export function DockedStorageBlocked() {
  return (
    <main className="panel" data-testid="panel" data-state="storage-blocked">
      <button type="button" className="secondary docked-close" onClick={() => void closeDockedPanel()}>
        {t('dockedClose')}
      </button>
      <h1>{t('dockedBlockedTitle')}</h1>
      <p role="alert">{t('dockedBlockedBody')}</p>
    </main>
  );
}
