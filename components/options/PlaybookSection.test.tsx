// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '@/lib/i18n';
import defaultPlaybookJson from '@/lib/playbook/default-playbook.json';
import * as connection from '@/lib/store/connection';
import { getDatabase } from '@/lib/store/connection';
import { describeInEachLocale, expectOnlyLocaleText } from '../testing/locales';
import { PlaybookSection } from './PlaybookSection';

const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });
const choose = (label: string, chosen: File) => fireEvent.change(screen.getByLabelText(label), { target: { files: [chosen] } });
const custom = { ...defaultPlaybookJson, version: '2.1.0-acme', name: { en: 'Acme telecom playbook', 'zh-CN': 'Acme 电信打法' } };
const DATA = ['LTC', '2.0.0', '2.1.0-acme', 'Acme', 'JSON'];

beforeEach(async () => {
  fakeBrowser.reset();
  await (await getDatabase()).clear('settings');
});

describeInEachLocale('PlaybookSection', (locale) => {
  it('shows the playbook in force, its version and where it comes from', async () => {
    const { container } = render(<PlaybookSection />);
    expect(screen.getByTestId('loading').textContent).toBe(t('optionsLoading'));
    const active = await screen.findByTestId('playbook-active');
    expect(active.textContent).toBe(t('playbookActive', defaultPlaybookJson.name[locale], defaultPlaybookJson.version, t('playbookSourceDefault')));
    expect(screen.queryByRole('button', { name: t('playbookRemoveImport') })).toBeNull();
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('refuses an invalid playbook with the path of each error, and a file that is not JSON', async () => {
    const { container } = render(<PlaybookSection />);
    await screen.findByTestId('playbook-active');
    choose(t('playbookImport'), file('broken.json', JSON.stringify({ ...defaultPlaybookJson, stages: 'none' })));
    const status = await screen.findByTestId('options-status');
    expect(status.getAttribute('role')).toBe('alert');
    expect(status.textContent).toContain(t('importRejected'));
    expect(within(status).getAllByRole('listitem').some((item) => item.textContent?.startsWith('stages'))).toBe(true);
    choose(t('playbookImport'), file('notes.json', 'not json'));
    await waitFor(() => expect(screen.getByTestId('options-status').textContent).toBe(t('fileNotJson')));
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('imports a valid playbook, puts it in force, and goes back to the default on request', async () => {
    const { container } = render(<PlaybookSection />);
    await screen.findByTestId('playbook-active');
    choose(t('playbookImport'), file('acme.json', JSON.stringify(custom)));
    await waitFor(() => expect(screen.getByTestId('options-status').textContent).toBe(t('playbookImported', custom.name[locale])));
    await waitFor(() => expect(screen.getByTestId('playbook-active').textContent).toBe(t('playbookActive', custom.name[locale], custom.version, t('playbookSourceImported'))));
    expectOnlyLocaleText(container, locale, DATA);
    fireEvent.click(screen.getByRole('button', { name: t('playbookRemoveImport') }));
    await waitFor(() => expect(screen.getByTestId('playbook-active').textContent).toContain(defaultPlaybookJson.version));
  });

  it('says it could not read the playbook, and reads it again on retry', async () => {
    vi.spyOn(connection, 'getDatabase').mockRejectedValueOnce(new Error('IndexedDB is broken'));
    const { container } = render(<PlaybookSection />);
    const problem = await screen.findByTestId('load-error');
    expect(problem.textContent).toContain(t('playbookLoadError'));
    expectOnlyLocaleText(container, locale, DATA);
    fireEvent.click(within(problem).getByRole('button', { name: t('loadRetry') }));
    await screen.findByTestId('playbook-active');
  });
});
