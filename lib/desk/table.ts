import type { DeskRow } from './row';

// The desk's table as data: the text each cell shows, how each column sorts,
// what the filters keep and what the CSV holds. Pure, so the page, the tests
// and the benchmark share it.

export const DESK_COLUMNS = ['name', 'crm', 'stage', 'amount', 'closeDate', 'high', 'medium', 'topAction', 'missingRoles', 'lastNote'] as const;
export type DeskColumn = (typeof DESK_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';
export interface DeskSort {
  column: DeskColumn;
  direction: SortDirection;
}

/** A row with the texts it shows in the user's language, worked out once per row and language rather than per comparison. */
export interface DeskLine {
  row: DeskRow;
  crmLabel: string;
  /** "LTC stage (CRM stage)"; empty when neither is known. */
  stageText: string;
  /** Pipeline position of the LTC stage, for sorting in pipeline order; undefined when not placed. */
  stagePosition: number | undefined;
  amountText: string;
  closeDateText: string;
  topActionText: string;
  missingRolesText: string;
  lastNoteText: string;
  /** Lower-case text the search box looks in. */
  searchText: string;
}

export interface DeskFilter {
  /** CRM ids to keep; empty keeps every CRM. */
  crm: string;
  /** An LTC stage id, `unplaced` for rows whose stage is not placed, or empty for all. */
  stage: string;
  highGapsOnly: boolean;
  search: string;
}

export const NO_FILTER: DeskFilter = { crm: '', stage: '', highGapsOnly: false, search: '' };
export const UNPLACED_STAGE = 'unplaced';

export function filterLines(lines: readonly DeskLine[], filter: DeskFilter): DeskLine[] {
  const words = filter.search.toLowerCase().split(/\s+/).filter(Boolean);
  return lines.filter((line) => {
    const figures = line.row.analysed;
    if (filter.crm && line.row.crm !== filter.crm) return false;
    if (filter.stage === UNPLACED_STAGE ? figures?.stageId !== undefined : filter.stage && figures?.stageId !== filter.stage) return false;
    if (filter.highGapsOnly && !(figures && figures.high > 0)) return false;
    return words.every((word) => line.searchText.includes(word));
  });
}

type SortValue = number | string | undefined;

function sortValue(line: DeskLine, column: DeskColumn): SortValue {
  const figures = line.row.analysed;
  switch (column) {
    case 'name':
      return line.row.name;
    case 'crm':
      return line.crmLabel;
    case 'stage':
      return line.stagePosition;
    case 'amount':
      return figures?.amount?.value ?? undefined;
    case 'closeDate':
      return figures?.closeDay;
    case 'high':
      return figures?.high;
    case 'medium':
      return figures?.medium;
    case 'topAction':
      return line.topActionText || undefined;
    case 'missingRoles':
      return line.missingRolesText || undefined;
    case 'lastNote':
      return line.row.lastNoteAt;
  }
}

/**
 * The lines in the order of `sort`. Cells without a value go last in either
 * direction (an unread amount is not the smallest); ties keep the name order
 * so the table does not shuffle between sorts.
 */
export function sortLines(lines: readonly DeskLine[], sort: DeskSort, collator: Intl.Collator): DeskLine[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = lines.map((line) => ({ line, value: sortValue(line, sort.column) }));
  keyed.sort((a, b) => {
    if (a.value === undefined || b.value === undefined) {
      if (a.value !== b.value) return a.value === undefined ? 1 : -1;
    } else {
      const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      if (order !== 0) return sign * order;
    }
    return collator.compare(a.line.row.name, b.line.row.name) || (a.line.row.recordKey < b.line.row.recordKey ? -1 : 1);
  });
  return keyed.map((entry) => entry.line);
}

/** Numbers sort largest first on the first click (the worst gap, the biggest deal); text A to Z. */
export function firstDirection(column: DeskColumn): SortDirection {
  return column === 'high' || column === 'medium' || column === 'amount' || column === 'lastNote' ? 'descending' : 'ascending';
}

/**
 * A cell safe to open in a spreadsheet: quoted when it holds a separator,
 * quote or line break, and a leading = + - @ (or tab / carriage return) made
 * inert so a CRM value cannot run as a formula (OWASP "CSV injection").
 */
export function csvCell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/** The table as CSV, with a byte-order mark so spreadsheet programs read the Chinese text as UTF-8. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${[header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
