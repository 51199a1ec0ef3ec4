// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { deleteDB } from 'idb';
import Papa from 'papaparse';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordKey, type RecordSnapshot } from '@/lib/crm/snapshot';
import * as compute from '@/lib/desk/compute';
import { computeDeskRow, loadDeskBasis } from '@/lib/desk/compute';
import { t } from '@/lib/i18n';
import * as files from '@/lib/options/files';
import { publish } from '@/lib/messaging/page-client';
import { applyImport, BACKUP_FORMAT, BACKUP_VERSION, BackupSchema } from '@/lib/store/backup';
import { openDatabase, type Database } from '@/lib/store/db';
import { assignMember } from '@/lib/store/facts';
import { allRecords, rememberRecord } from '@/lib/store/records';
import { validSnapshot } from '@/test/support/snapshots';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { DealDesk } from './DealDesk';

const NAME = 'deal-desk-test';
let db: Database;
const open = () => Promise.resolve(db);
const passOptions = { yieldToPage: () => Promise.resolve() };

const hubspotDeal: RecordSnapshot = {
  ...validSnapshot,
  crm: 'hubspot',
  adapter: 'hubspot',
  host: 'app.hubspot.com',
  objectType: 'deal',
  recordId: '9001',
  url: 'https://app.hubspot.com/contacts/1/record/0-3/9001',
  name: 'Delta Ports – Cranes',
  stage: 'Contract Sent',
  amount: { text: 'USD 480,000', value: 480_000, currency: 'USD' },
  contacts: [],
};
const DATA = ['Aswan Grid – Storage', 'Nile Telecom – Solar Hybrid Sites', 'Delta Ports – Cranes', 'Old deal', 'Needs Analysis', 'Contract Sent', 'Salesforce', 'HubSpot', 'USD', 'Amina Hassan'];

beforeEach(async () => {
  fakeBrowser.reset();
  db = await openDatabase(NAME);
  await rememberRecord(db, validSnapshot, 10);
  await rememberRecord(db, hubspotDeal, 20);
  // Seen before the extension kept page readings: listed, without figures.
  await db.put('records', { recordKey: 'salesforce|h|Opportunity|1', crm: 'salesforce', host: 'h', objectType: 'Opportunity', recordId: '1', name: 'Old deal', url: 'javascript:alert(1)', lastSeenAt: 5 });
});
afterEach(async () => {
  cleanup();
  db.close();
  await deleteDB(NAME);
});

const rows = () => screen.queryAllByTestId('desk-row');
const names = () => rows().map((row) => row.querySelector('th')?.textContent?.split(' · ')[0]);
const settled = () => waitFor(() => expect(screen.getByTestId('desk').dataset.checking).toBe('false'));

/** The counts the engines give each record now: what the panel would show. */
async function expectedCounts(): Promise<Map<string, { high: number; medium: number } | undefined>> {
  const basis = await loadDeskBasis(db, Date.now());
  const computed = await Promise.all((await allRecords(db)).map((record) => computeDeskRow(db, record, basis)));
  return new Map(computed.map((row) => [row.recordKey, row.analysed && { high: row.analysed.high, medium: row.analysed.medium }]));
}

describeInEachLocale('DealDesk', (locale) => {
  it('lists every record seen with the counts the engines give it, and a record never read without any', async () => {
    const { container } = render(<DealDesk openDatabase={open} passOptions={passOptions} />);
    await settled();
    expect(rows()).toHaveLength(3);
    for (const [key, counts] of await expectedCounts()) {
      const row = rows().find((candidate) => candidate.dataset.key === key)!;
      expect(within(row).getByTestId('desk-high').textContent, key).toBe(counts ? String(counts.high) : '');
      expect(within(row).getByTestId('desk-medium').textContent, key).toBe(counts ? String(counts.medium) : '');
    }
    const old = rows().find((row) => row.dataset.key === 'salesforce|h|Opportunity|1')!;
    expect(old.textContent).toContain(t('deskNotRead'));
    // A stored URL that is not http(s) is never a link.
    expect(old.querySelector('a')).toBeNull();
    expect(rows().find((row) => row.dataset.crm === 'hubspot')!.querySelector('a')?.getAttribute('href')).toBe(hubspotDeal.url);
    expect(screen.getByTestId('desk-count').textContent).toBe(t('deskCount', '3'));
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('sorts by a column, and the other way on a second click', async () => {
    render(<DealDesk openDatabase={open} passOptions={passOptions} />);
    await settled();
    fireEvent.click(screen.getByTestId('desk-sort-amount'));
    expect(names()).toEqual(['Nile Telecom – Solar Hybrid Sites', 'Delta Ports – Cranes', 'Old deal']);
    expect(screen.getByTestId('desk-sort-amount').closest('th')?.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByTestId('desk-sort-amount'));
    expect(names()).toEqual(['Delta Ports – Cranes', 'Nile Telecom – Solar Hybrid Sites', 'Old deal']);
    expect(screen.getByTestId('desk-sort-amount').closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByTestId('desk-sort-name'));
    expect(names()).toEqual(['Delta Ports – Cranes', 'Nile Telecom – Solar Hybrid Sites', 'Old deal']);
  });

  it('filters by CRM and by text, says how many are shown, and says when none match', async () => {
    render(<DealDesk openDatabase={open} passOptions={passOptions} />);
    await settled();
    fireEvent.change(screen.getByTestId('desk-filter-crm'), { target: { value: 'hubspot' } });
    await waitFor(() => expect(names()).toEqual(['Delta Ports – Cranes']));
    expect(screen.getByTestId('desk-count').textContent).toBe(t('deskCountFiltered', '1', '3'));
    fireEvent.change(screen.getByTestId('desk-filter-crm'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('desk-search'), { target: { value: 'nile' } });
    await waitFor(() => expect(names()).toEqual(['Nile Telecom – Solar Hybrid Sites']));
    fireEvent.change(screen.getByTestId('desk-search'), { target: { value: 'no such deal' } });
    await screen.findByTestId('desk-no-match');
    fireEvent.click(screen.getByText(t('deskClearFilters')));
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it('exports the rows shown, in the order shown, as CSV', async () => {
    const download = vi.spyOn(files, 'download').mockImplementation(() => {});
    render(<DealDesk openDatabase={open} passOptions={passOptions} />);
    await settled();
    fireEvent.click(screen.getByTestId('desk-sort-name'));
    fireEvent.click(screen.getByTestId('desk-csv'));
    const [filename, csv, type] = download.mock.calls[0]!;
    expect(filename).toMatch(/^iron-triangle-deals-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(type).toContain('text/csv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...table] = Papa.parse<string[]>(csv.slice(1).trimEnd()).data;
    expect(header?.[0]).toBe(t('deskColumnName'));
    expect(table.map((cells) => cells[0])).toEqual(['Delta Ports – Cranes', 'Nile Telecom – Solar Hybrid Sites', 'Old deal']);
    const counts = await expectedCounts();
    const column = (name: Parameters<typeof t>[0]) => header!.indexOf(t(name));
    const nile = table.find((cells) => cells[0]!.startsWith('Nile'))!;
    expect(nile[column('deskColumnHigh')]).toBe(String(counts.get(recordKey(validSnapshot))!.high));
    expect(nile[column('deskColumnMedium')]).toBe(String(counts.get(recordKey(validSnapshot))!.medium));
    expect(nile[column('deskCsvAmountValue')]).toBe('1250000');
    expect(nile[column('deskCsvUrl')]).toBe(validSnapshot.url);
  });

  it('adds a record read while the desk is open', async () => {
    render(<DealDesk openDatabase={open} passOptions={passOptions} />);
    await settled();
    await rememberRecord(db, { ...validSnapshot, recordId: '0065g00000NeWdEAAZ', name: 'Aswan Grid – Storage' }, Date.now());
    await act(() => publish({ type: 'broadcast/tab-state', tabId: 7 }));
    await waitFor(() => expect(rows()).toHaveLength(4));
    await settled();
    expect(rows().find((row) => row.textContent?.includes('Aswan Grid'))?.dataset.high).toMatch(/^\d+$/);
  });

  it('recomputes a record when a panel says its facts changed', async () => {
    render(<DealDesk openDatabase={open} passOptions={passOptions} />);
    await settled();
    const key = recordKey(validSnapshot);
    const cell = () => rows().find((row) => row.dataset.key === key)!.querySelector('.desk-col-missingRoles')!.textContent;
    const before = cell();
    expect(before).toContain('SR');
    await assignMember(db, key, 'sr', 'p1', 30);
    await act(() => publish({ type: 'broadcast/facts', recordKey: key }));
    await waitFor(() => expect(cell()).not.toBe(before));
  });

  it('adds the records a backup imported while the desk is open brings', async () => {
    render(<DealDesk openDatabase={open} passOptions={passOptions} />);
    await settled();
    const imported = { recordKey: 'pipedrive|acme.pipedrive.com|deal|77', crm: 'pipedrive', host: 'acme.pipedrive.com', objectType: 'deal', recordId: '77', name: 'Imported deal', url: 'https://acme.pipedrive.com/deal/77', lastSeenAt: 1 };
    const empty = { notes: [], requirementValues: [], decisions: [], stakeholders: [], assignments: [], stageOverrides: [], directory: [] };
    await applyImport(db, BackupSchema.parse({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date().toISOString(), data: { records: [imported], ...empty } }));
    // What the options page publishes after an import.
    await act(() => publish({ type: 'broadcast/configuration' }));
    await waitFor(() => expect(rows()).toHaveLength(4));
    await settled();
    expect(rows().find((row) => row.dataset.key === imported.recordKey)?.textContent).toContain(t('deskNotRead'));
  });

  it('opens with the cached row of a record read again since, marked as not yet checked', async () => {
    const key = recordKey(validSnapshot);
    const record = (await allRecords(db)).find((row) => row.recordKey === key)!;
    const cached = await computeDeskRow(db, record, await loadDeskBasis(db, Date.now()));
    await db.put('deskRows', cached);
    await rememberRecord(db, validSnapshot, 50);
    // The pass never finishes a row: what shows is what the desk opened with.
    vi.spyOn(compute, 'computeDeskRow').mockReturnValue(new Promise(() => {}));
    render(<DealDesk openDatabase={open} passOptions={passOptions} />);
    await waitFor(() => expect(rows().map((candidate) => candidate.dataset.key)).toContain(key));
    const row = rows().find((candidate) => candidate.dataset.key === key)!;
    expect(row.dataset.pending).toBe('true');
    expect(row.dataset.high).toBe(String(cached.analysed!.high));
    expect(within(row).getByTestId('desk-medium').textContent).toBe(String(cached.analysed!.medium));
  });
});
