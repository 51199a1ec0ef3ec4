// Zod-free, so page code (which t() reaches) can import it without classic zod.

/** The languages every user-facing text of the product exists in. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
