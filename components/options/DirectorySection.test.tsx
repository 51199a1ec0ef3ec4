// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '@/lib/i18n';
import * as connection from '@/lib/store/connection';
import { getDatabase } from '@/lib/store/connection';
import { listDirectory } from '@/lib/store/directory';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { DirectorySection } from './DirectorySection';

const CSV = [
  'id,name,email,roles,skills,industries,regions,languages,capacity,open deals',
  'p1,Amina Yusuf,amina@acme.com,power-specialist;sr,solar power,Telecommunications,East Africa,English,5,3',
  'p2,Chen Bo,,fr,,,,,4,',
  ',Nameless,,sr,,,,,lots,',
].join('\n');
const choose = (text: string, name = 'team.csv') => fireEvent.change(screen.getByLabelText(t('directoryImport')), { target: { files: [new File([text], name)] } });

beforeEach(async () => {
  fakeBrowser.reset();
  await (await getDatabase()).clear('directory');
});

describeInEachLocale('DirectorySection', (locale) => {
  it('previews an import with its row errors, and replaces the directory only when asked', async () => {
    const { container } = render(<DirectorySection />);
    await screen.findByText(t('directoryCount', '0'));
    choose(CSV);
    const preview = await screen.findByTestId('directory-preview');
    expect(preview.textContent).toContain(t('directoryPreview', '2', '1'));
    expect(within(preview).getAllByRole('listitem')[0]?.textContent).toMatch(locale === 'en' ? /^Row 4, / : /^第 4 行，/);
    expect(await listDirectory(await getDatabase())).toEqual([]);
    // Row errors carry the importer's own message (its language is the importer's concern): only the section's text is checked.
    expectOnlyLocaleText(screen.getByRole('heading', { name: t('optionsDirectory') }).parentElement as HTMLElement, locale, [
      ...within(preview).getAllByRole('listitem').map((item) => item.textContent ?? ''),
      'CSV',
      'JSON',
    ]);
    fireEvent.click(within(preview).getByRole('button', { name: t('directoryReplace', '2') }));
    await waitFor(() => expect(screen.getByTestId('options-status').textContent).toBe(t('directoryReplaced', '2')));
    await screen.findByText(t('directoryCount', '2'));
    expect((await listDirectory(await getDatabase())).map((person) => person.name).sort()).toEqual(['Amina Yusuf', 'Chen Bo']);
    expect(container.querySelector('[data-testid=directory-preview]')).toBeNull();
  });

  it('refuses a JSON file that is not JSON', async () => {
    render(<DirectorySection />);
    await screen.findByText(t('directoryCount', '0'));
    choose('{ nope', 'team.json');
    await waitFor(() => expect(screen.getByTestId('options-status').textContent).toBe(t('fileNotJson')));
  });

  it('says it could not read the directory, and reads it again on retry', async () => {
    vi.spyOn(connection, 'getDatabase').mockRejectedValueOnce(new Error('IndexedDB is broken'));
    const { container } = render(<DirectorySection />);
    const problem = await screen.findByTestId('load-error');
    expect(problem.textContent).toContain(t('directoryLoadError'));
    expectOnlyLocaleText(container, locale, ['CSV', 'JSON']);
    fireEvent.click(within(problem).getByRole('button', { name: t('loadRetry') }));
    await screen.findByText(t('directoryCount', '0'));
  });
});
