import { t } from '@/lib/i18n';

// The two forms of the brief: Markdown for a wiki, ticket or chat, plain text
// for an e-mail. The sections are written once against `BriefFormat`; every
// page, note, user or playbook text goes through `text` before it is put into
// a line, and the catalog's own brief messages are plain words and
// punctuation (checked by handoff.test.ts), so nothing but `text` decides how
// data reads.

export interface BriefFormat {
  /** Page, note, user or playbook text, inert in the format, on one line. */
  text(value: string): string;
  /** Text already made by `text` (or a message over such text), emphasised. */
  strong(text: string): string;
  heading(level: 1 | 2, text: string): string;
  /** A table of cells made by `text` or messages over such text (so on one line, `|` escaped); an empty cell shows as "—". */
  table(header: readonly string[], rows: readonly (readonly string[])[]): string[];
  /** A text of several lines (a note), kept whole, as a quote; indented by `indent`. */
  quote(value: string, indent: string): string[];
}

/**
 * Page data goes into Markdown as text: characters that would make links,
 * images, HTML or formatting out of a CRM value are escaped, and line breaks
 * (which could start a heading, a list or a table row) become spaces.
 */
export function markdownText(value: string): string {
  return value.replace(/[\\`*_{}[\]()<>#+!|~-]/g, (character) => `\\${character}`).replace(/\s+/g, ' ').trim();
}

const EMPTY_CELL = '—';
const cell = (text: string) => text || EMPTY_CELL;
const lines = (value: string) => value.split(/\r\n|\r|\n/);

export const MARKDOWN: BriefFormat = {
  text: markdownText,
  strong: (text) => (text === '' ? '' : `**${text}**`),
  heading: (level, text) => `${'#'.repeat(level)} ${text}`,
  table: (header, rows) => [
    `| ${header.map(cell).join(' | ')} |`,
    `|${header.map(() => ' --- |').join('')}`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ],
  // Each line its own paragraph of the quote: no line can turn the one before it into a heading ("===").
  quote: (value, indent) =>
    lines(value)
      .map(markdownText)
      .filter((line) => line !== '')
      .flatMap((line, i) => (i === 0 ? [`${indent}> ${line}`] : [`${indent}>`, `${indent}> ${line}`])),
};

/** Plain text keeps every value verbatim: nothing renders it. */
export const PLAIN: BriefFormat = {
  text: (value) => value,
  strong: (text) => text,
  heading: (level, text) => (level === 1 ? text : t('briefPlainHeading', text)),
  // One line per row: "first cell: Header 2: cell 2; Header 3: cell 3".
  table: (header, rows) =>
    rows.map((row) => {
      const [lead = '', ...rest] = row;
      const pairs = rest.map((value, i) => t('briefLabelValue', header[i + 1] ?? '', value || EMPTY_CELL));
      return `- ${t('briefLabelValue', lead || EMPTY_CELL, pairs.join(t('briefDetailSeparator')))}`;
    }),
  quote: (value, indent) =>
    (value.trim() === '' ? [] : lines(value.trim()))
      .map((line) => line.trimEnd())
      .map((line) => (line === '' ? `${indent}>` : `${indent}> ${line}`)),
};
