import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';

export function AboutSection() {
  return (
    <section aria-labelledby="about-heading">
      <h2 id="about-heading">{t('optionsAbout')}</h2>
      <p>{t('aboutPrivacy')}</p>
      <p className="muted small">{t('aboutVersion', browser.runtime.getManifest().version)}</p>
    </section>
  );
}
