import en from '@/public/_locales/en/messages.json';
import zhCN from '@/public/_locales/zh_CN/messages.json';
import type { Locale } from '@/lib/domain/locales';

// The _locales catalogs are the single source of every user-visible string:
// the browser reads them for the manifest and the menu, and the extension's
// pages bundle them so the user can pick a language other than the browser's.

export type MessageKey = keyof typeof en;

type Catalog = Record<MessageKey, { message: string }>;
const CATALOGS: Record<Locale, Catalog> = { en, 'zh-CN': zhCN };

/** The supported locale closest to a BCP 47 language tag (any Chinese goes to Simplified Chinese for now). */
export function localeFor(languageTag: string | undefined): Locale {
  return languageTag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

let current: Locale = localeFor(globalThis.navigator?.language);

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

/** The message for `key` with `$1`…`$9` replaced, in the current locale. */
export function t(key: MessageKey, ...substitutions: string[]): string {
  const message = CATALOGS[current][key]?.message ?? CATALOGS.en[key].message;
  return message.replace(/\$([1-9])/g, (placeholder, index: string) => substitutions[Number(index) - 1] ?? placeholder);
}

export const catalogsForTest = CATALOGS;
