import type { RecordSnapshot } from '@/lib/crm/snapshot';
import type { LocalizedText } from '@/lib/domain/localized-text';
import type { Locale } from '@/lib/domain/locales';
import type { Note } from '@/lib/domain/note';
import type { DealAnalysis } from '@/lib/engines/analyze';
import { explain, type Explanation } from '@/lib/domain/explain';
import { getLocale, t } from '@/lib/i18n';
import type { Playbook } from '@/lib/playbook/schema';
import type { BriefFormat } from './format';

export interface BriefInput {
  record: RecordSnapshot;
  analysis: DealAnalysis;
  playbook: Playbook;
  /** Every note of the record (`DealFacts.notes`), made a requirement value or not: the brief's appendix. */
  notes: readonly Note[];
  /** When the brief is made, as shown at its end. */
  now: Date;
}

/** What every section needs: the input, the format, and the playbook's words in the user's language. */
export interface BriefContext {
  input: BriefInput;
  format: BriefFormat;
  locale: Locale;
  /** The record's notes by id, for the page a value came from. */
  notes: ReadonlyMap<string, Note>;
  /** Playbook or engine text in the user's language, formatted as data. */
  say(text: LocalizedText | Explanation): string;
  label: {
    requirement(id: string): string;
    teamRole(id: string | undefined): string;
    decisionRole(id: string): string;
    stage(id: string | undefined): string | undefined;
  };
  /** Items of one kind: "a, b" / "a、b" (already formatted). */
  list(items: readonly string[]): string;
  /** Facts about one thing: "a; b" / "a；b" (already formatted). */
  details(items: readonly string[]): string;
  /** A calendar day in the user's language, in UTC: the same text wherever the brief is made. */
  day(epochMs: number): string;
}

export const NONE = '—';

export function briefContext(input: BriefInput, format: BriefFormat): BriefContext {
  // In the user's language, like every other text of the extension.
  const locale = getLocale();
  const { playbook } = input;
  const labels = <T extends { id: string; label: LocalizedText }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item.label]));
  const requirements = labels(playbook.requirements);
  const teamRoles = labels(playbook.teamRoles);
  const decisionRoles = labels(playbook.decisionRoles);
  const stages = labels(playbook.stages);
  const say = (text: LocalizedText | Explanation) => format.text('key' in text ? explain(text, locale) : text[locale]);
  const named = (map: Map<string, LocalizedText>, id: string) => {
    const found = map.get(id);
    return found ? say(found) : format.text(id);
  };
  const days = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    input,
    format,
    locale,
    notes: new Map(input.notes.map((note) => [note.id, note])),
    say,
    label: {
      requirement: (id) => named(requirements, id),
      teamRole: (id) => (id === undefined ? NONE : named(teamRoles, id)),
      decisionRole: (id) => named(decisionRoles, id),
      stage: (id) => (id === undefined ? undefined : named(stages, id)),
    },
    list: (items) => items.join(t('briefListSeparator')),
    details: (items) => items.join(t('briefDetailSeparator')),
    day: (epochMs) => format.text(days.format(epochMs)),
  };
}
