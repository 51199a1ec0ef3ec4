// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as connection from '@/lib/store/connection';
import { getLocale, t } from '@/lib/i18n';
import { readLanguagePreference } from '@/lib/i18n/preference';
import { getDatabase } from '@/lib/store/connection';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { LanguageSection } from './LanguageSection';

beforeEach(async () => {
  fakeBrowser.reset();
  await (await getDatabase()).clear('settings');
});

describeInEachLocale('LanguageSection', (locale) => {
  it('offers the browser’s language and both locales, each named in the current language', async () => {
    const { container } = render(<LanguageSection onChange={vi.fn()} />);
    const select = screen.getByRole('combobox', { name: t('optionsLanguage') }) as HTMLSelectElement;
    await waitFor(() => expect(select.disabled).toBe(false));
    expect(select.value).toBe('auto');
    expect([...select.options].map((option) => option.textContent)).toEqual([t('languageAuto'), t('languageEn'), t('languageZh')]);
    expectOnlyLocaleText(container, locale);
  });

  it('stores a chosen language, applies it and asks the page to re-render', async () => {
    const onChange = vi.fn();
    render(<LanguageSection onChange={onChange} />);
    const select = screen.getByRole('combobox') as HTMLSelectElement;
    await waitFor(() => expect(select.disabled).toBe(false));
    const other = locale === 'en' ? 'zh-CN' : 'en';
    fireEvent.change(select, { target: { value: other } });
    await waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(getLocale()).toBe(other);
    expect(await readLanguagePreference(await getDatabase())).toBe(other);
    expect(document.documentElement.lang).toBe(other);
  });

  it('says when the stored choice cannot be read, and reads it again on retry', async () => {
    vi.spyOn(connection, 'getDatabase').mockRejectedValueOnce(new Error('IndexedDB is broken'));
    const { container } = render(<LanguageSection onChange={vi.fn()} />);
    const problem = await screen.findByTestId('load-error');
    expect(problem.textContent).toContain(t('languageLoadError'));
    expect((screen.getByRole('combobox') as HTMLSelectElement).disabled).toBe(true);
    expectOnlyLocaleText(container, locale);
    fireEvent.click(screen.getByRole('button', { name: t('loadRetry') }));
    await waitFor(() => expect((screen.getByRole('combobox') as HTMLSelectElement).disabled).toBe(false));
  });
});
