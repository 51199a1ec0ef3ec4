import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales';
import { MESSAGES } from './explanation-messages';

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

describe('MESSAGES', () => {
  it.each(Object.entries(MESSAGES))('%s exists in every language with the same placeholders', (_key, templates) => {
    const byLocale = templates as Partial<Record<string, string>>;
    const english = byLocale.en;
    for (const locale of LOCALES) {
      const template = byLocale[locale];
      expect(typeof template === 'string' && template.trim().length > 0, `missing ${locale}`).toBe(true);
      expect(placeholders(template!)).toEqual(placeholders(english!));
    }
    expect(Object.keys(templates).sort()).toEqual([...LOCALES].sort());
  });
});
