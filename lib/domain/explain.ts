import type { LocalizedText } from './localized-text';
import type { Locale } from './locales';
import { MESSAGES, type ExplanationKey } from './explanation-messages';

/** A value inserted into a message: plain text, a number, playbook text in both languages, or a list of these texts. */
export type ExplanationParam = string | number | LocalizedText | readonly (string | LocalizedText)[];

/**
 * Why the engines concluded something, as data: a message key and its
 * parameters. The panel renders it in the user's language with `explain`;
 * tests compare keys and parameters instead of sentences.
 */
export interface Explanation {
  key: ExplanationKey;
  params: Readonly<Record<string, ExplanationParam>>;
}

export function explanation(key: ExplanationKey, params: Explanation['params'] = {}): Explanation {
  return { key, params };
}

/**
 * Explanations kept once each, with what each is about: the same reason
 * given by several rules ("the amount has no currency…") is said once, for
 * all of them. Two explanations are the same when key and params are.
 */
export class DistinctExplanations<Subject> {
  private readonly byIdentity = new Map<string, { evidence: Explanation; subjects: Subject[] }>();

  add(evidence: Explanation, subject: Subject): void {
    const identity = `${evidence.key}|${JSON.stringify(evidence.params)}`;
    const entry = this.byIdentity.get(identity);
    if (entry === undefined) this.byIdentity.set(identity, { evidence, subjects: [subject] });
    else if (!entry.subjects.includes(subject)) entry.subjects.push(subject);
  }

  /** In the order each was first given. */
  entries(): { evidence: Explanation; subjects: Subject[] }[] {
    return [...this.byIdentity.values()];
  }
}

const LIST_SEPARATOR: Record<Locale, string> = { en: ', ', 'zh-CN': '、' };
const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** The sentence an explanation stands for, in `locale`. A parameter the message names but lacks stays visible as `{name}`. */
export function explain(subject: Explanation, locale: Locale): string {
  return MESSAGES[subject.key][locale].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const param = subject.params[name];
    return param === undefined ? placeholder : formatParam(param, locale);
  });
}

function formatParam(param: ExplanationParam, locale: Locale): string {
  if (typeof param === 'string') return param;
  if (typeof param === 'number') return formatNumber(param, locale);
  if (isList(param)) return param.map((item) => formatParam(item, locale)).join(LIST_SEPARATOR[locale]);
  return param[locale];
}

function isList(param: LocalizedText | readonly (string | LocalizedText)[]): param is readonly (string | LocalizedText)[] {
  return Array.isArray(param);
}

function formatNumber(value: number, locale: Locale): string {
  let format = numberFormats.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/**
 * Explanations rendered in every language, as one playbook-style text: how a
 * finding is nested inside another explanation (the evidence of a `not`, a
 * stage rule's evidence).
 */
export function inEveryLanguage(parts: Explanation | readonly Explanation[]): LocalizedText {
  const list: readonly Explanation[] = isExplanationList(parts) ? parts : [parts];
  const render = (locale: Locale) => list.map((part) => explain(part, locale)).join(locale === 'en' ? ' ' : '');
  return { en: render('en'), 'zh-CN': render('zh-CN') };
}

function isExplanationList(parts: Explanation | readonly Explanation[]): parts is readonly Explanation[] {
  return Array.isArray(parts);
}
