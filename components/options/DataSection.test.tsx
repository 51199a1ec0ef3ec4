// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '@/lib/i18n';
import * as files from '@/lib/options/files';
import { exportBackup } from '@/lib/store/backup';
import { getDatabase } from '@/lib/store/connection';
import { saveNote } from '@/lib/store/notes';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { DataSection } from './DataSection';

const choose = (text: string) => fireEvent.change(screen.getByLabelText(t('dataImport')), { target: { files: [new File([text], 'backup.json')] } });
const note = { id: 'n1', text: 'Diesel at remote sites', pageTitle: 'Mail', url: 'https://mail.example.com/1', capturedAt: 1 };

beforeEach(async () => {
  fakeBrowser.reset();
  await (await getDatabase()).clear('notes');
});

describeInEachLocale('DataSection', (locale) => {
  it('exports everything as one JSON file', async () => {
    await saveNote(await getDatabase(), note);
    const download = vi.spyOn(files, 'download').mockImplementation(() => {});
    const { container } = render(<DataSection />);
    fireEvent.click(screen.getByRole('button', { name: t('dataExport') }));
    await waitFor(() => expect(download).toHaveBeenCalled());
    const [filename, content] = download.mock.calls[0] ?? [];
    expect(filename).toMatch(/^iron-triangle-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(content ?? '').data.notes).toEqual([expect.objectContaining(note)]);
    expectOnlyLocaleText(container, locale, ['JSON']);
  });

  it('previews a backup table by table, named in the user’s language, and imports it only when asked', async () => {
    const db = await getDatabase();
    await saveNote(db, note);
    const backup = JSON.stringify(await exportBackup(db, new Date()));
    await db.clear('notes');
    const { container } = render(<DataSection />);
    choose(backup);
    const preview = await screen.findByTestId('data-preview');
    expect(within(preview).getByText(t('dataPreviewRow', t('tableNotes'), '1', '0', '0'))).toBeTruthy();
    expect(within(preview).getByText(t('dataPreviewRow', t('tableDirectory'), '0', '0', '0'))).toBeTruthy();
    expect(await db.get('notes', 'n1')).toBeUndefined();
    expectOnlyLocaleText(container, locale, ['JSON']);
    fireEvent.click(within(preview).getByRole('button', { name: t('dataApply') }));
    await waitFor(() => expect(screen.getByTestId('options-status').textContent).toBe(t('dataImported')));
    expect(await db.get('notes', 'n1')).toMatchObject(note);
  });

  it('refuses a file that is not a backup, with the reason', async () => {
    render(<DataSection />);
    choose('{ nope');
    await waitFor(() => expect(screen.getByTestId('options-status').textContent).toContain(t('fileNotJson')));
    choose(JSON.stringify({ format: 'something-else' }));
    await waitFor(() => expect(screen.getByTestId('options-status').textContent).toContain(t('importRejected')));
    expect(screen.queryByTestId('data-preview')).toBeNull();
    expectOnlyLocaleText(screen.getByRole('heading', { name: t('optionsData') }).parentElement as HTMLElement, locale, [
      'JSON',
      ...within(screen.getByTestId('options-status')).queryAllByRole('listitem').map((item) => item.textContent ?? ''),
    ]);
  });
});
