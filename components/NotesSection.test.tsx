// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setLocale } from '@/lib/i18n';
import { getDatabase } from '@/lib/store/connection';
import { saveNote } from '@/lib/store/notes';
import type { StoredNote } from '@/lib/store/rows';
import { NotesSection } from './NotesSection';

const record = { recordKey: 'salesforce|acme|Opportunity|1', name: 'Nile Telecom' };
const note = (id: string, text: string, extra: Partial<StoredNote> = {}): StoredNote => ({ id, text, pageTitle: 'Mail', url: 'https://mail.example.com/1', capturedAt: 1, ...extra });

beforeEach(async () => {
  fakeBrowser.reset();
  const db = await getDatabase();
  await db.clear('notes');
});
afterEach(() => {
  cleanup();
  setLocale('en');
});

describe('NotesSection', () => {
  it('searches the record’s notes', () => {
    render(<NotesSection record={record} notes={[note('a', 'Diesel cost'), note('b', 'Budget approved')]} />);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'diesel' } });
    return waitFor(() => expect(screen.getAllByTestId('note').map((li) => li.querySelector('.note-text')?.textContent)).toEqual(['Diesel cost']));
  });

  it('says when nothing matches, and when there are no notes, in Chinese too', async () => {
    setLocale('zh-CN');
    const { rerender } = render(<NotesSection record={record} notes={[note('a', 'Diesel cost')]} />);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'solar' } });
    await screen.findByText('没有与“solar”匹配的笔记。');
    rerender(<NotesSection record={record} notes={[]} />);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '' } });
    await screen.findByText(/此记录还没有笔记/);
  });

  it('moves an inbox note to the record', async () => {
    await saveNote(await getDatabase(), note('inbox-1', 'Captured in a chat'));
    render(<NotesSection record={record} notes={[]} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Inbox (1)' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Move to this record' }));
    await screen.findByRole('tab', { name: 'Inbox (0)' });
    expect((await (await getDatabase()).get('notes', 'inbox-1'))?.recordKey).toBe(record.recordKey);
  });

  it('deletes a note and brings it back with undo', async () => {
    const db = await getDatabase();
    await saveNote(db, note('r1', 'Keep me', { recordKey: record.recordKey }));
    render(<NotesSection record={record} notes={[note('r1', 'Keep me', { recordKey: record.recordKey })]} />);
    fireEvent.click(within(screen.getByTestId('note')).getByRole('button', { name: 'Delete' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await db.get('notes', 'r1'))?.text).toBe('Keep me'));
  });

  it('shows long lists a page at a time', () => {
    const many = Array.from({ length: 120 }, (_, i) => note(`n${i}`, `Note ${i}`));
    render(<NotesSection record={record} notes={many} />);
    expect(screen.getAllByTestId('note')).toHaveLength(50);
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more' }));
    expect(screen.getAllByTestId('note')).toHaveLength(100);
  });
});
