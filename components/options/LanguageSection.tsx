import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import { applyLanguagePreference, readLanguagePreference, writeLanguagePreference, type LanguagePreference } from '@/lib/i18n/preference';
import { publish } from '@/lib/panel/client';
import { getDatabase } from '@/lib/store/connection';

export function LanguageSection({ onChange }: { onChange: () => void }) {
  const [preference, setPreference] = useState<LanguagePreference | null>(null);
  useEffect(() => {
    void getDatabase().then(readLanguagePreference).then(setPreference);
  }, []);
  const choose = async (next: LanguagePreference) => {
    const db = await getDatabase();
    await writeLanguagePreference(db, next);
    await applyLanguagePreference(db);
    setPreference(next);
    await publish({ type: 'broadcast/configuration' });
    onChange();
  };
  return (
    <section aria-labelledby="language-heading">
      <h2 id="language-heading">{t('optionsLanguage')}</h2>
      <select aria-labelledby="language-heading" value={preference ?? 'auto'} disabled={preference === null} onChange={(event) => void choose(event.target.value as LanguagePreference)}>
        <option value="auto">{t('languageAuto')}</option>
        <option value="en">{t('languageEn')}</option>
        <option value="zh-CN">{t('languageZh')}</option>
      </select>
    </section>
  );
}
