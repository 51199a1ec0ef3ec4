import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect } from 'vitest';
import { MESSAGES } from '@/lib/domain/explanation-messages';
import { LOCALES, type Locale } from '@/lib/domain/locales';
import { catalogsForTest, setLocale } from '@/lib/i18n';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';

// Component tests run every case in every locale, and end each one by checking
// that the rendered UI speaks only that locale: a hard-coded English word in
// the Chinese UI, or Chinese in the English one, fails the test.

/** Runs `cases` once per supported locale, with the locale set and the DOM cleaned up around each test. */
export function describeInEachLocale(name: string, cases: (locale: Locale) => void): void {
  describe.each(LOCALES)(`${name} [%s]`, (locale) => {
    beforeEach(() => setLocale(locale));
    afterEach(() => {
      cleanup();
      setLocale('en');
    });
    cases(locale);
  });
}

const LATIN_WORD = /[A-Za-z]{2,}/g;
const HAN = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Latin words the Chinese texts use on purpose (CRM, CSV, Markdown…): in the catalog, the engines' sentences and the playbook. */
const CHINESE_LATIN = new Set(
  [
    ...Object.values(catalogsForTest['zh-CN']).map((entry) => entry.message),
    ...Object.values(MESSAGES).map((message) => message['zh-CN']),
    ...strings(DEFAULT_PLAYBOOK).filter((text) => HAN.test(text)),
  ].flatMap((text) => text.match(LATIN_WORD) ?? []),
);

/** Chinese the English texts use on purpose: a language's own name in the language menu. */
const ENGLISH_HAN = Object.values(catalogsForTest.en).flatMap((entry) => entry.message.match(new RegExp(`${HAN.source}+`, 'g')) ?? []);

/** Every text a user can see or hear: text nodes and the attributes screen readers and tooltips read. */
function userVisibleText(root: Element): string[] {
  const texts: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && !['SCRIPT', 'STYLE', 'CODE'].includes(parent.tagName)) texts.push(node.textContent ?? '');
  }
  for (const element of root.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = element.getAttribute(attribute);
      if (value) texts.push(value);
    }
  }
  return texts;
}

/**
 * Fails when `root` shows text of another language than `locale`: English
 * words in the Chinese UI (beyond those the Chinese texts themselves use), or
 * Chinese characters in the English UI (beyond language names). `data` lists what the test fed in
 * (names, notes, URLs): it may be in any language and is ignored.
 */
export function expectOnlyLocaleText(root: Element, locale: Locale, data: readonly string[] = []): void {
  const ignored = [...data].filter((text) => text !== '').sort((a, b) => b.length - a.length);
  const foreign = userVisibleText(root).flatMap((text) => {
    const rest = ignored.reduce((remaining, item) => remaining.split(item).join(' '), text);
    if (locale === 'en') return HAN.test(ENGLISH_HAN.reduce((remaining, item) => remaining.split(item).join(' '), rest)) ? [rest.trim()] : [];
    return (rest.match(LATIN_WORD) ?? []).filter((word) => !CHINESE_LATIN.has(word));
  });
  expect(foreign, `text not in ${locale}`).toEqual([]);
}
