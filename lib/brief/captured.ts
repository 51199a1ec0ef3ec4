import type { RequirementSource } from '@/lib/domain/requirement-value';
import { normalizeName } from '@/lib/domain/normalize';
import type { CapturedValue, CrmHint } from '@/lib/engines/requirement-trail';
import type { RequirementStatus } from '@/lib/engines/requirements';
import { t } from '@/lib/i18n';
import { formatFigure } from '@/lib/i18n/format';
import type { BriefContext } from './context';

// "Captured needs": every fact known for the record, each value once and in
// full, whether the customer confirmed it, where it came from, and who
// recorded it when.

/** One value of a fact with every trail entry that gave it, newest first. */
interface DistinctValue {
  value: string;
  entries: CapturedValue[];
}

/** Two texts that differ only in case, width or spacing are the same value. */
const sameText = (value: string) => normalizeName(value);

/** The trail's values, each once, in trail order (the current value first). */
export function distinctValues(trail: readonly CapturedValue[]): DistinctValue[] {
  const byText = new Map<string, DistinctValue>();
  for (const entry of trail) {
    const key = sameText(entry.value);
    const known = byText.get(key);
    if (known) known.entries.push(entry);
    else byText.set(key, { value: entry.value, entries: [entry] });
  }
  return [...byText.values()];
}

/** A quote cut from a longer text is marked "…" where cut; the marks are no part of the words. */
function quoteWords(quote: string): string {
  return sameText(quote.replace(/^(?:\s|…|\.\.\.)+|(?:\s|…|\.\.\.)+$/g, ''));
}

/** The note's words beside the value, unless the value already holds them. */
export function quoteAddsWords(quote: string, value: string): boolean {
  const words = quoteWords(quote);
  return words !== '' && !sameText(value).includes(words);
}

function sourceText(context: BriefContext, source: RequirementSource): string {
  const { format } = context;
  switch (source.kind) {
    case 'crm-field':
      return t('sourceCrmField', format.text(source.fieldLabel));
    case 'manual':
      return t('sourceManual');
    case 'note': {
      const note = context.notes.get(source.noteId);
      const title = note?.pageTitle.trim() ?? '';
      const url = source.url.trim() || note?.url.trim() || '';
      const from = title === '' ? t('sourceNote') : t('briefSourceNoteTitled', format.text(title));
      return url === '' ? from : `${from}${t('briefParenthetical', format.text(url))}`;
    }
  }
}

/** Where one trail entry came from and who recorded it when. */
function provenance(context: BriefContext, entry: CapturedValue, value: string): string {
  const { format } = context;
  const quote = entry.source.kind === 'note' && quoteAddsWords(entry.source.quote, value) ? [t('briefQuoted', format.text(entry.source.quote))] : [];
  const by = entry.setBy?.trim() ?? '';
  const recorded =
    entry.setAt === undefined ? [] : [by === '' ? t('briefRecordedOn', context.day(entry.setAt)) : t('briefRecordedByOn', format.text(by), context.day(entry.setAt))];
  return context.details([sourceText(context, entry.source), ...quote, ...recorded]);
}

/** The value, with whether the customer confirmed it (any entry giving it confirmed it). */
function valueText(context: BriefContext, group: DistinctValue): string {
  const confirmed = group.entries.some((entry) => entry.confirmedByCustomer);
  return `${context.format.text(group.value)}${t('briefParenthetical', t(confirmed ? 'briefConfirmed' : 'briefNotConfirmed'))}`;
}

/** The figures read from the value (stored with it when it was captured), normalised, as one sub-item. */
function figuresLine(context: BriefContext, group: DistinctValue, indent: string): string[] {
  const figures = group.entries.find((entry) => entry.figures !== undefined && entry.figures.length > 0)?.figures;
  if (figures === undefined) return [];
  return [`${indent}- ${t('briefFigures', context.list(figures.map((figure) => context.format.text(formatFigure(figure)))))}`];
}

/** Sub-items, one per distinct provenance. */
function provenanceLines(context: BriefContext, group: DistinctValue, indent: string): string[] {
  return [...new Set(group.entries.map((entry) => provenance(context, entry, group.value)))].map((line) => `${indent}- ${line}`);
}

/** A CRM value shown beside a fact that does not count as it. */
export function crmHintLine(context: BriefContext, hint: CrmHint): string {
  return `  - ${t('briefCrmHint', context.format.text(hint.fieldLabel), context.format.text(hint.value))}`;
}

function capturedField(context: BriefContext, field: RequirementStatus): string[] {
  const [current, ...earlier] = distinctValues(field.trail);
  if (current === undefined) return [];
  const label = context.format.strong(context.label.requirement(field.requirementId));
  const known = new Set(field.trail.map((entry) => sameText(entry.value)));
  return [
    `- ${t('briefLabelValue', label, valueText(context, current))}`,
    ...figuresLine(context, current, '  '),
    ...provenanceLines(context, current, '  '),
    ...earlier.flatMap((group) => [`  - ${t('briefEarlierValue', valueText(context, group))}`, ...provenanceLines(context, group, '    ')]),
    ...field.hints.filter((hint) => !known.has(sameText(hint.value))).map((hint) => crmHintLine(context, hint)),
  ];
}

/** Every fact with a value, in playbook order. */
export function capturedNeeds(context: BriefContext): string[] {
  return context.input.analysis.requirements.fields.flatMap((field) => capturedField(context, field));
}
