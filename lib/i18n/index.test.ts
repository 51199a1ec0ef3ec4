import { describe, expect, it } from 'vitest';
import { catalogsForTest, localeFor, setLocale, t } from './index';

const placeholders = (message: string) => [...message.matchAll(/\$[1-9]/g)].map((m) => m[0]).sort();

describe('locale catalogs', () => {
  const en = catalogsForTest.en;
  const zh = catalogsForTest['zh-CN'];

  it('have the same keys in English and Simplified Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('translate every message: no Chinese message is a copy of the English one', () => {
    const copies = Object.keys(en).filter((key) => zh[key as keyof typeof en].message === en[key as keyof typeof en].message);
    expect(copies).toEqual([]);
  });

  it.each(Object.keys(en))('%s has a non-empty translation with the same placeholders', (key) => {
    const k = key as keyof typeof en;
    expect(zh[k].message.trim()).not.toBe('');
    expect(placeholders(zh[k].message)).toEqual(placeholders(en[k].message));
  });
});

describe('t', () => {
  it('substitutes placeholders in the chosen locale', () => {
    setLocale('en');
    expect(t('healthReadBy', 'Salesforce Lightning')).toBe('Read by the Salesforce Lightning adapter');
    setLocale('zh-CN');
    expect(t('healthReadBy', 'Salesforce Lightning')).toBe('由 Salesforce Lightning 适配器读取');
  });

  it('maps language tags to supported locales', () => {
    expect(localeFor('zh-TW')).toBe('zh-CN');
    expect(localeFor('en-GB')).toBe('en');
    expect(localeFor('de')).toBe('en');
    expect(localeFor(undefined)).toBe('en');
  });
});
