// @vitest-environment happy-dom
// Imported files are attacker-controlled (docs/security.md, threat T4): a
// backup, a team directory (CSV or JSON) and a playbook made of the XSS
// corpus are stored as inert text; malformed or hostile files are refused
// with a message and change nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import Papa from 'papaparse';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IMPORTED_PLAYBOOK_SETTING } from '@/lib/deal/active-policy';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import { BACKUP_FORMAT, BACKUP_VERSION, TABLE_NAMES } from '@/lib/store/backup';
import { getDatabase } from '@/lib/store/connection';
import { listDirectory } from '@/lib/store/directory';
import { saveNote } from '@/lib/store/notes';
import { CANARY, SHORT_XSS_CORPUS, XSS_CORPUS, corpusText } from '@/test/support/xss-corpus.mjs';
import { DataSection } from './DataSection';
import { DirectorySection } from './DirectorySection';
import { PlaybookSection } from './PlaybookSection';

const KEY = 'salesforce|acme.lightning.force.com|Opportunity|0065g00000AbCdEAAZ';
const named = SHORT_XSS_CORPUS.filter((entry) => entry.text.trim() !== '');

/**
 * Everything the store holds, to show an import changed nothing; but the copy of IT's policy, which
 * any read of the playbook or directory keeps (lib/deal/managed-policy.ts), is the browser's, not the user's.
 */
async function storeContents(): Promise<unknown> {
  const db = await getDatabase();
  const [keys, values] = await Promise.all([db.getAllKeys('settings'), db.getAll('settings')]);
  const settings = keys.map((key, i) => [key, values[i]]).filter(([key]) => !String(key).startsWith('managedPolicyCopy:'));
  return { settings, ...Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (table) => [table, await db.getAll(table)]))) };
}

function choose(section: HTMLElement, name: string, content: string): void {
  const input = section.querySelector('input[type=file]')!;
  fireEvent.change(input, { target: { files: [new File([content], name)] } });
}

/** The section shows page data as text only. */
function expectInert(container: HTMLElement): void {
  expect(container.querySelectorAll('script, img, iframe, svg, a[href]').length).toBe(0);
  for (const element of Array.from(container.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) expect(attribute.name.startsWith('on')).toBe(false);
  }
  expect((window as unknown as Record<string, unknown>)[CANARY.global]).toBeUndefined();
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
  const db = await getDatabase();
  await Promise.all([...TABLE_NAMES, 'settings' as const].map((table) => db.clear(table)));
  // Something to lose: an import that is refused must leave it as it is.
  await saveNote(db, { id: 'kept', text: 'Budget approved', pageTitle: 'Mail', url: 'https://mail.example.com/1', capturedAt: 1, recordKey: KEY, recordName: 'Nile' });
});
afterEach(cleanup);

const person = (i: number, name: string) => ({ id: `p-${i}`, name, email: corpusText(i + 3), roles: ['sr'], skills: [corpusText(i + 4)], capacity: 3 });

const backupOf = (data: Partial<Record<(typeof TABLE_NAMES)[number], unknown[]>>) =>
  JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: '2026-11-27T10:00:00.000Z',
    data: { records: [], notes: [], requirementValues: [], decisions: [], stakeholders: [], assignments: [], directory: [], stageOverrides: [], ...data },
  });

describe('backup import', () => {
  it('stores corpus values as the very same text', async () => {
    const notes = XSS_CORPUS.map((entry, i) => ({
      id: `n-${i}`,
      text: entry.text,
      pageTitle: corpusText(i + 2).slice(0, 2_000),
      url: 'javascript:alert(1)',
      capturedAt: 10 + i,
      recordKey: KEY,
      recordName: corpusText(i + 5).slice(0, 2_000),
    }));
    const people = named.map((entry, i) => person(i, entry.text.trim()));
    const { container } = render(<DataSection />);
    choose(container, 'backup.json', backupOf({ notes, directory: people }));
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    await screen.findByText('Imported.');
    const db = await getDatabase();
    for (const note of notes) expect((await db.get('notes', note.id))?.text).toBe(note.text);
    expect((await listDirectory(db)).map((p) => p.name).sort()).toEqual(people.map((p) => p.name).sort());
    expectInert(container);
  });

  it.each([
    ['not JSON', 'backup.json', '<script>window.__pwned=1</script>', 'The file is not valid JSON.'],
    ['another format', 'backup.json', JSON.stringify({ format: 'evil', version: 1, data: {} }), 'Not imported — nothing was changed:'],
    ['a note over 100 000 characters', 'backup.json', backupOf({ notes: [{ id: 'x', text: 'x'.repeat(100_001), pageTitle: '', url: '', capturedAt: 1 }] }), 'Not imported — nothing was changed:'],
    ['a duplicate key', 'backup.json', backupOf({ directory: [person(1, 'A'), person(1, 'B')] }), 'Not imported — nothing was changed:'],
    ['a corpus string where a number belongs', 'backup.json', backupOf({ notes: [{ id: 'x', text: 'x', pageTitle: '', url: '', capturedAt: corpusText(3) }] }), 'Not imported — nothing was changed:'],
    ['deeply nested arrays', 'backup.json', `${'['.repeat(50_000)}${']'.repeat(50_000)}`, 'Not imported — nothing was changed:'],
  ])('refuses %s with a message and changes nothing', async (_name, file, content, message) => {
    const before = await storeContents();
    const { container } = render(<DataSection />);
    choose(container, file, content);
    expect(within(await screen.findByRole('alert')).getByText(message)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(await storeContents()).toEqual(before);
    expectInert(container);
  });

  it('drops __proto__ keys: no prototype is polluted, the row is stored without them', async () => {
    const note = '{"id":"p","__proto__":{"polluted":true},"text":"t","pageTitle":"","url":"","capturedAt":1,"constructor":{"prototype":{"polluted":true}}}';
    const { container } = render(<DataSection />);
    choose(container, 'backup.json', backupOf({}).replace('"notes":[]', `"notes":[${note}]`));
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    await screen.findByText('Imported.');
    const stored = await (await getDatabase()).get('notes', 'p');
    expect(stored?.text).toBe('t');
    expect(Object.keys(stored!)).not.toContain('constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expectInert(container);
  });
});

describe('team directory import', () => {
  it('CSV: corpus names, e-mails and skills are stored as text', async () => {
    const csv = Papa.unparse(
      named.map((entry, i) => ({ id: `p-${i}`, name: entry.text, email: corpusText(i + 3), roles: 'sr;fr', skills: corpusText(i + 4).replace(/[;|；、]/g, ' '), capacity: 3 })),
    );
    const { container } = render(<DirectorySection />);
    choose(container, 'team.csv', csv);
    fireEvent.click(await screen.findByRole('button', { name: `Replace the directory with the ${named.length} valid people` }));
    await screen.findByText(`Directory replaced: ${named.length} people.`);
    const stored = await listDirectory(await getDatabase());
    expect(stored.map((p) => p.name).sort()).toEqual(named.map((entry) => entry.text.trim()).sort());
    expectInert(container);
  });

  it.each([
    ['JSON that is not JSON', 'team.json', '{"people": [<img src=x onerror=alert(1)>]}', 'The file is not valid JSON.'],
    ['JSON that is no list of people', 'team.json', JSON.stringify({ people: corpusText(2) }), 'Expected an array of people'],
    ['CSV without the required columns', 'team.csv', `name,${corpusText(2)}\nA,B`, 'Missing column "id".'],
    ['CSV of binary garbage', 'team.csv', '\u0000\u0001\u0002\uFFFD'.repeat(1_000), 'Missing column "id".'],
  ])('refuses %s with a message and changes nothing', async (_name, file, content, message) => {
    const before = await storeContents();
    const { container } = render(<DirectorySection />);
    choose(container, file, content);
    expect((await screen.findAllByText(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: /Replace the directory/ })).toBeNull();
    expect(await storeContents()).toEqual(before);
    expectInert(container);
  });
});

describe('playbook import', () => {
  it('stores a playbook whose labels are corpus strings as text', async () => {
    const playbook = structuredClone(DEFAULT_PLAYBOOK);
    playbook.name = { en: corpusText(2), 'zh-CN': corpusText(3) };
    playbook.requirements.forEach((requirement, i) => (requirement.label = { en: named[i]!.text, 'zh-CN': named[i + 1]!.text }));
    const text = JSON.stringify(playbook);
    const { container } = render(<PlaybookSection />);
    choose(container, 'playbook.json', text);
    await screen.findByText(`Playbook imported: ${corpusText(2)}.`);
    expect(await (await getDatabase()).get('settings', IMPORTED_PLAYBOOK_SETTING)).toBe(text);
    expectInert(container);
  });

  it.each([
    ['not JSON', '<svg onload=alert(1)>', 'The file is not valid JSON.'],
    ['a playbook with a hostile id', JSON.stringify({ ...DEFAULT_PLAYBOOK, id: corpusText(2) }), 'Not imported — nothing was changed:'],
    ['a playbook with an unknown key', JSON.stringify({ ...DEFAULT_PLAYBOOK, __proto__: { polluted: true }, script: corpusText(2) }), 'Not imported — nothing was changed:'],
  ])('refuses %s with a message and changes nothing', async (_name, content, message) => {
    const before = await storeContents();
    const { container } = render(<PlaybookSection />);
    choose(container, 'playbook.json', content);
    expect(within(await screen.findByRole('alert')).getByText(message)).toBeTruthy();
    expect(await storeContents()).toEqual(before);
    expectInert(container);
  });
});
