// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import * as connection from '@/lib/store/connection';
import { getDatabase } from '@/lib/store/connection';
import { saveNote } from '@/lib/store/notes';
import type { StoredNote } from '@/lib/store/rows';
import { NotesSection } from './NotesSection';
import { describeInEachLocale, expectOnlyLocaleText } from './testing/locales';

const record = { recordKey: 'salesforce|acme|Opportunity|1', name: 'Nile Telecom' };
const note = (id: string, text: string, extra: Partial<StoredNote> = {}): StoredNote => ({ id, text, pageTitle: 'Mail', url: 'https://mail.example.com/1', capturedAt: 1, ...extra });
const many = (count: number) => Array.from({ length: count }, (_, i) => note(`n${i}`, `Note ${i}`, { capturedAt: Date.UTC(2027, 0, 1) + i * 60_000 }));
const DATA = ['Nile Telecom', 'Mail', 'Diesel cost', 'Budget approved', 'Captured in a chat', 'Keep me', 'diesel', 'solar'];
const shownTexts = () => screen.queryAllByTestId('note').map((item) => item.querySelector('.note-text')?.textContent);

beforeEach(async () => {
  fakeBrowser.reset();
  const db = await getDatabase();
  await db.clear('notes');
});

describeInEachLocale('NotesSection', (locale) => {
  it('searches the record’s notes', async () => {
    const { container } = render(<NotesSection record={record} notes={[note('a', 'Diesel cost'), note('b', 'Budget approved')]} />);
    fireEvent.change(screen.getByRole('searchbox', { name: t('notesSearch') }), { target: { value: 'diesel' } });
    await waitFor(() => expect(shownTexts()).toEqual(['Diesel cost']));
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('says when nothing matches, and when there are no notes', async () => {
    const { rerender, container } = render(<NotesSection record={record} notes={[note('a', 'Diesel cost')]} />);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'solar' } });
    await screen.findByText(t('notesNoMatch', 'solar'));
    rerender(<NotesSection record={record} notes={[]} />);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '' } });
    await screen.findByText(t('notesEmpty'));
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('shows the capture time in the locale’s format', () => {
    render(<NotesSection record={record} notes={[note('a', 'Diesel cost', { capturedAt: Date.UTC(2027, 2, 15, 12) })]} />);
    expect(screen.getByTestId('note').querySelector('time')?.textContent).toMatch(locale === 'en' ? /^Mar 15, 2027/ : /^2027年3月15日/);
  });

  it('moves an inbox note to the record', async () => {
    await saveNote(await getDatabase(), note('inbox-1', 'Captured in a chat'));
    const { container } = render(<NotesSection record={record} notes={[]} />);
    fireEvent.click(await screen.findByRole('tab', { name: t('notesTabInbox', '1') }));
    expectOnlyLocaleText(container, locale, DATA);
    fireEvent.click(await screen.findByRole('button', { name: t('noteMoveHere') }));
    await screen.findByRole('tab', { name: t('notesTabInbox', '0') });
    expect((await (await getDatabase()).get('notes', 'inbox-1'))?.recordKey).toBe(record.recordKey);
    expect(screen.getByText(t('inboxEmpty'))).toBeTruthy();
  });

  it('deletes a note and brings it back with undo', async () => {
    const db = await getDatabase();
    await saveNote(db, note('r1', 'Keep me', { recordKey: record.recordKey }));
    render(<NotesSection record={record} notes={[note('r1', 'Keep me', { recordKey: record.recordKey })]} />);
    fireEvent.click(within(screen.getByTestId('note')).getByRole('button', { name: t('noteDelete') }));
    await waitFor(async () => expect(await db.get('notes', 'r1')).toBeUndefined());
    fireEvent.click(await screen.findByRole('button', { name: t('noteUndo') }));
    await waitFor(async () => expect((await db.get('notes', 'r1'))?.text).toBe('Keep me'));
  });

  it('says the inbox could not be read, and reads it again on retry', async () => {
    await saveNote(await getDatabase(), note('inbox-1', 'Captured in a chat'));
    const read = vi.spyOn(connection, 'getDatabase').mockRejectedValueOnce(new Error('IndexedDB is broken'));
    const { container } = render(<NotesSection record={record} notes={[]} />);
    fireEvent.click(screen.getByRole('tab', { name: t('notesTabInbox', '…') }));
    const problem = await screen.findByTestId('load-error');
    expect(problem.textContent).toContain(t('notesError'));
    expectOnlyLocaleText(container, locale, DATA);
    fireEvent.click(within(problem).getByRole('button', { name: t('loadRetry') }));
    await waitFor(() => expect(shownTexts()).toEqual(['Captured in a chat']));
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('renders only a window of 5 000 notes, and later notes as the list scrolls', () => {
    const notes = many(5000);
    const { container } = render(<NotesSection record={record} notes={notes} />);
    const list = screen.getByRole('list', { name: t('notesListRecord', formatNumber(5000)) });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(30);
    expect(rows[0]?.getAttribute('aria-setsize')).toBe('5000');
    expect(rows[0]?.getAttribute('aria-posinset')).toBe('1');
    expect(shownTexts()).toContain('Note 0');
    expect(shownTexts()).not.toContain('Note 4999');
    expectOnlyLocaleText(container, locale, [...DATA, ...notes.map((n) => n.text)]);

    const scroller = screen.getByTestId('notes-list-scroller');
    act(() => {
      scroller.scrollTop = parseFloat(getComputedStyle(list).height) - 440;
      fireEvent.scroll(scroller);
    });
    expect(shownTexts()).toContain('Note 4999');
    expect(shownTexts()).not.toContain('Note 0');
    expect(screen.getAllByTestId('note').length).toBeLessThan(30);
    const last = within(list).getAllByRole('listitem').at(-1);
    expect(last?.getAttribute('aria-posinset')).toBe('5000');
  });

  it('moves through 5 000 notes with the keyboard and keeps focus on the row while the list scrolls away', () => {
    render(<NotesSection record={record} notes={many(5000)} />);
    const first = screen.getAllByRole('listitem')[0] as HTMLElement;
    expect(first.tabIndex).toBe(0);
    act(() => first.focus());
    fireEvent.keyDown(first, { key: 'End' });
    const focused = document.activeElement as HTMLElement;
    expect(focused.getAttribute('aria-posinset')).toBe('5000');
    expect(focused.querySelector('.note-text')?.textContent).toBe('Note 4999');
    fireEvent.keyDown(focused, { key: 'ArrowUp' });
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('4999');

    const scroller = screen.getByTestId('notes-list-scroller');
    act(() => {
      scroller.scrollTop = 0;
      fireEvent.scroll(scroller);
    });
    expect(shownTexts()).toContain('Note 0');
    // The focused row stays in the DOM (and focused) although it is far out of view.
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('4999');
    expect(shownTexts()).toContain('Note 4998');
  });

  it('searches all 5 000 notes, not only the rendered ones', async () => {
    render(<NotesSection record={record} notes={many(5000)} />);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'Note 4321' } });
    await waitFor(() => expect(shownTexts()).toEqual(['Note 4321']));
    expect(screen.getByRole('listitem').getAttribute('aria-setsize')).toBe('1');
  });
});
