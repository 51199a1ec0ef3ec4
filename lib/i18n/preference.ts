import { z } from '@/lib/zod/mini';
import type { Database } from '@/lib/store/db';
import { readSetting, writeSetting } from '@/lib/store/settings';
import { LOCALES, type Locale } from '@/lib/domain/locales';
import { localeFor, setLocale } from './index';

/** The user's language choice: a locale, or 'auto' to follow the browser. */
export const LanguagePreferenceSchema = z.enum(['auto', ...LOCALES]);
export type LanguagePreference = z.infer<typeof LanguagePreferenceSchema>;

const SETTING = 'language';

export function readLanguagePreference(db: Database): Promise<LanguagePreference> {
  return readSetting(db, SETTING, LanguagePreferenceSchema, 'auto');
}

export function writeLanguagePreference(db: Database, preference: LanguagePreference): Promise<void> {
  return writeSetting(db, SETTING, LanguagePreferenceSchema, preference);
}

export function localeOf(preference: LanguagePreference, browserLanguage: string | undefined): Locale {
  return preference === 'auto' ? localeFor(browserLanguage) : preference;
}

/** Sets the page's locale from the stored preference; call before the first render. */
export async function applyLanguagePreference(db: Database): Promise<Locale> {
  const locale = localeOf(await readLanguagePreference(db), navigator.language);
  setLocale(locale);
  document.documentElement.lang = locale;
  return locale;
}
