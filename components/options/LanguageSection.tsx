import { t } from '@/lib/i18n';
import { applyLanguagePreference, readLanguagePreference, writeLanguagePreference, type LanguagePreference } from '@/lib/i18n/preference';
import { publish } from '@/lib/messaging/page-client';
import { getDatabase } from '@/lib/store/connection';
import { isConfiguration, useStoredData } from '@/components/hooks/useStoredData';
import { LoadError } from '@/components/LoadState';

export function LanguageSection({ onChange }: { onChange: () => void }) {
  const { data, reload } = useStoredData('language', () => getDatabase().then(readLanguagePreference), isConfiguration);
  const choose = async (next: LanguagePreference) => {
    const db = await getDatabase();
    await writeLanguagePreference(db, next);
    await applyLanguagePreference(db);
    reload();
    await publish({ type: 'broadcast/configuration' });
    onChange();
  };
  return (
    <section aria-labelledby="language-heading">
      <h2 id="language-heading">{t('optionsLanguage')}</h2>
      {/* Disabled until the stored choice is known, so a slow read cannot be mistaken for "auto". */}
      <select
        aria-labelledby="language-heading"
        value={data.status === 'ready' ? data.value : 'auto'}
        disabled={data.status !== 'ready'}
        onChange={(event) => void choose(event.target.value as LanguagePreference)}
      >
        <option value="auto">{t('languageAuto')}</option>
        <option value="en">{t('languageEn')}</option>
        <option value="zh-CN">{t('languageZh')}</option>
      </select>
      {data.status === 'error' && <LoadError text={t('languageLoadError')} retry={reload} />}
    </section>
  );
}
