import en from 'zod/v4/locales/en.js';

/**
 * Parse options that word zod's own problems in English ("Too small: expected string to have >=2
 * characters"), as the options page and the import previews show them. A check's own message still wins.
 * Apart from lib/zod/mini.ts so that the scripts injected into CRM pages, which show no such message,
 * do not carry the wording (~3 kB minified).
 */
export const IN_ENGLISH = { error: en().localeError } as const;
