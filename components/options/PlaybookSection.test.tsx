// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '@/lib/i18n';
import defaultPlaybookJson from '@/lib/playbook/default-playbook.json';
import * as connection from '@/lib/store/connection';
import { getDatabase } from '@/lib/store/connection';
import * as files from '@/lib/options/files';
import { readPageRules, writePageRules } from '@/lib/page-rules/store';
import type { PageRule } from '@/lib/page-rules/schema';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { PlaybookSection } from './PlaybookSection';

const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });
const choose = (label: string, chosen: File) => fireEvent.change(screen.getByLabelText(label), { target: { files: [chosen] } });
const custom = { ...defaultPlaybookJson, version: '2.1.0-acme', name: { en: 'Acme telecom playbook', 'zh-CN': 'Acme 电信打法' } };
const DATA = ['LTC', '2.0.0', '2.1.0-acme', 'Acme', 'JSON'];

beforeEach(async () => {
  fakeBrowser.reset();
  await (await getDatabase()).clear('settings');
});

const stageRule = { crm: 'pipedrive', host: 'acme.pipedrive.com', objectType: 'deal', part: 'stage', locator: { kind: 'selector', selector: '[data-testid="deal-stage"]' } } as const;
const mine: PageRule = { id: 'mine', ...stageRule, locator: { kind: 'beside-label', label: 'Phase' }, origin: 'user', createdAt: 1 };

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

  it('imports the page rules a playbook carries as imported rules, in place of earlier ones for the same part', async () => {
    const kept: PageRule = { ...mine, id: 'kept', part: 'owner' };
    await writePageRules(await getDatabase(), [mine, kept]);
    const { container } = render(<PlaybookSection />);
    await screen.findByTestId('playbook-active');
    choose(t('playbookImport'), file('acme.json', JSON.stringify({ ...custom, pageRules: [stageRule] })));
    await waitFor(() => expect(screen.getByTestId('options-status').textContent).toBe(t('playbookImportedWithRules', custom.name[locale], '1')));
    const rules = await readPageRules(await getDatabase());
    expect(rules.map(({ id, part, origin }) => [id === 'kept' ? id : 'new', part, origin])).toEqual([['kept', 'owner', 'user'], ['new', 'stage', 'import']]);
    expect(rules[1]?.locator).toEqual(stageRule.locator);
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('refuses a playbook with one unsafe page rule, saying where, and changes nothing', async () => {
    await writePageRules(await getDatabase(), [mine]);
    render(<PlaybookSection />);
    await screen.findByTestId('playbook-active');
    const unsafe = { ...stageRule, part: 'amount', locator: { kind: 'selector', selector: 'div.amount-3fa9' } };
    choose(t('playbookImport'), file('acme.json', JSON.stringify({ ...custom, pageRules: [stageRule, unsafe] })));
    const status = await screen.findByTestId('options-status');
    expect(status.textContent).toContain(t('importRejected'));
    expect(within(status).getAllByRole('listitem').map((item) => item.textContent)).toContainEqual(expect.stringMatching(/^pageRules\.1\.locator: /));
    expect(await readPageRules(await getDatabase())).toEqual([mine]);
    expect(screen.getByTestId('playbook-active').textContent).toContain(defaultPlaybookJson.version);
  });

  it('exports the playbook with the user’s page rules, which import again', async () => {
    await writePageRules(await getDatabase(), [mine]);
    const download = vi.spyOn(files, 'download').mockImplementation(() => {});
    render(<PlaybookSection />);
    await screen.findByTestId('playbook-active');
    fireEvent.click(screen.getByRole('button', { name: t('playbookExport') }));
    await waitFor(() => expect(download).toHaveBeenCalled());
    const exported = JSON.parse(String(download.mock.calls[0]?.[1])) as { pageRules: unknown[] };
    expect(exported.pageRules).toEqual([{ crm: 'pipedrive', host: 'acme.pipedrive.com', objectType: 'deal', part: 'stage', locator: { kind: 'beside-label', label: 'Phase' } }]);
    download.mockRestore();
  });
});
