import { z } from '@/lib/zod/mini';

import { LOCALES } from './locales';

const nonBlank = z.string().check(z.trim(), z.minLength(1));

/** A text shown to users, complete in every supported language. */
export const LocalizedTextSchema = z.strictObject({ en: nonBlank, 'zh-CN': nonBlank });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Words that recognise a topic in text, per language, because notes come in both. */
export const LocalizedKeywordsSchema = z.strictObject({
  en: z._default(z.array(nonBlank), []),
  'zh-CN': z._default(z.array(nonBlank), []),
});
export type LocalizedKeywords = z.output<typeof LocalizedKeywordsSchema>;

/** All keywords of a set, whatever their language: a Chinese note can mention an English term. */
export function allKeywords(keywords: LocalizedKeywords): string[] {
  return LOCALES.flatMap((locale) => keywords[locale]);
}
