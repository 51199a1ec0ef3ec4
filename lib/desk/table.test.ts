import { describe, expect, it } from 'vitest';
import type { DeskRow } from './row';
import { csvCell, filterLines, NO_FILTER, sortLines, toCsv, UNPLACED_STAGE, type DeskLine } from './table';

function line(name: string, figures: Partial<NonNullable<DeskRow['analysed']>> | null, extra: Partial<DeskLine> = {}): DeskLine {
  const row: DeskRow = {
    recordKey: `k|${name}`,
    crm: extra.crmLabel === 'HubSpot' ? 'hubspot' : 'salesforce',
    adapter: 'salesforce',
    name,
    url: 'https://example.test/',
    lastSeenAt: 1,
    ...(figures && { analysed: { high: 0, medium: 0, missingTeamRoles: [], missingDecisionRoles: [], ...figures } }),
    basis: 'b',
  };
  return {
    row,
    crmLabel: 'Salesforce',
    stageText: '',
    stagePosition: undefined,
    amountText: '',
    closeDateText: '',
    topActionText: '',
    missingRolesText: '',
    lastNoteText: '',
    searchText: name.toLowerCase(),
    ...extra,
  };
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const names = (lines: DeskLine[]) => lines.map((entry) => entry.row.name);

describe('sorting the desk', () => {
  const lines = [line('Beta', { high: 1, amount: { text: '5', value: 5 } }), line('alpha', { high: 3 }), line('Gamma', null), line('Delta 10', { high: 1, amount: { text: '50', value: 50 } }), line('Delta 9', { high: 0 })];

  it('orders numbers in either direction, ties by name, and cells without a value last both ways', () => {
    expect(names(sortLines(lines, { column: 'high', direction: 'descending' }, collator))).toEqual(['alpha', 'Beta', 'Delta 10', 'Delta 9', 'Gamma']);
    expect(names(sortLines(lines, { column: 'high', direction: 'ascending' }, collator))).toEqual(['Delta 9', 'Beta', 'Delta 10', 'alpha', 'Gamma']);
    expect(names(sortLines(lines, { column: 'amount', direction: 'descending' }, collator))).toEqual(['Delta 10', 'Beta', 'alpha', 'Delta 9', 'Gamma']);
    expect(names(sortLines(lines, { column: 'amount', direction: 'ascending' }, collator)).slice(0, 2)).toEqual(['Beta', 'Delta 10']);
  });

  it('orders text naturally and without regard to case', () => {
    expect(names(sortLines(lines, { column: 'name', direction: 'ascending' }, collator))).toEqual(['alpha', 'Beta', 'Delta 9', 'Delta 10', 'Gamma']);
    expect(names(sortLines(lines, { column: 'name', direction: 'descending' }, collator))).toEqual(['Gamma', 'Delta 10', 'Delta 9', 'Beta', 'alpha']);
  });
});

describe('filtering the desk', () => {
  const lines = [
    line('Nile Telecom', { high: 2, stageId: 'bid' }, { searchText: 'nile telecom\nacme power' }),
    line('Delta Ports', { high: 0, stageId: 'solution' }, { crmLabel: 'HubSpot', searchText: 'delta ports' }),
    line('Unread', null),
    line('Odd stage', { high: 1 }),
  ];

  it('keeps one CRM, one stage, the deals with high gaps, and every word searched', () => {
    expect(names(filterLines(lines, { ...NO_FILTER, crm: 'hubspot' }))).toEqual(['Delta Ports']);
    expect(names(filterLines(lines, { ...NO_FILTER, stage: 'bid' }))).toEqual(['Nile Telecom']);
    expect(names(filterLines(lines, { ...NO_FILTER, stage: UNPLACED_STAGE }))).toEqual(['Unread', 'Odd stage']);
    expect(names(filterLines(lines, { ...NO_FILTER, highGapsOnly: true }))).toEqual(['Nile Telecom', 'Odd stage']);
    expect(names(filterLines(lines, { ...NO_FILTER, search: '  ACME nile ' }))).toEqual(['Nile Telecom']);
    expect(names(filterLines(lines, NO_FILTER))).toHaveLength(4);
  });
});

describe('the CSV', () => {
  it('quotes separators and makes a leading formula character inert', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });

  it('starts with a byte-order mark and ends every line with CRLF', () => {
    expect(toCsv(['名称', 'High'], [['尼罗电信', '2']])).toBe('\uFEFF名称,High\r\n尼罗电信,2\r\n');
  });
});
