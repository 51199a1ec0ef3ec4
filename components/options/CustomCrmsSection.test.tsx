// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readCustomCrms } from '@/lib/custom-crm/store';
import { t } from '@/lib/i18n';
import { getDatabase } from '@/lib/store/connection';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { CustomCrmsSection } from './CustomCrmsSection';

const DATA = ['Acme CRM', 'crm.acme.example', 'https://crm.acme.example/*', 'CRM', 'CSS', 'JSON'];
let granted: boolean;

beforeEach(async () => {
  fakeBrowser.reset();
  await (await getDatabase()).clear('settings');
  granted = true;
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() => Promise.resolve(granted));
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(() => Promise.resolve(granted));
  vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(undefined);
});

function addAcme() {
  fireEvent.change(screen.getByLabelText(t('customCrmName')), { target: { value: 'Acme CRM' } });
  fireEvent.change(screen.getByLabelText(t('customCrmHost')), { target: { value: 'crm.acme.example' } });
  fireEvent.click(screen.getByRole('button', { name: t('customCrmAdd') }));
}

describeInEachLocale('CustomCrmsSection', (locale) => {
  it('adds a CRM after access to its one host is granted, and removes it with its access', async () => {
    const { container } = render(<CustomCrmsSection />);
    await screen.findByText(t('customCrmsEmpty'));
    expectOnlyLocaleText(container, locale, DATA);
    addAcme();
    const item = await screen.findByTestId('custom-crm');
    expect(item.textContent).toContain('https://crm.acme.example/*');
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://crm.acme.example/*'] });
    expect(screen.getByTestId('options-status').textContent).toBe(t('customCrmAdded', 'Acme CRM'));
    expect((await readCustomCrms(await getDatabase())).map((crm) => crm.name)).toEqual(['Acme CRM']);
    expectOnlyLocaleText(container, locale, DATA);
    fireEvent.click(within(item).getByRole('button', { name: t('customCrmRemove', 'Acme CRM') }));
    await screen.findByText(t('customCrmsEmpty'));
    await waitFor(() => expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({ origins: ['https://crm.acme.example/*'] }));
  });

  it('adds nothing when access is refused, and says so', async () => {
    granted = false;
    const { container } = render(<CustomCrmsSection />);
    await screen.findByText(t('customCrmsEmpty'));
    addAcme();
    await waitFor(() => expect(screen.getByTestId('options-status').textContent).toBe(t('customCrmDenied', 'https://crm.acme.example/*')));
    expect(await readCustomCrms(await getDatabase())).toEqual([]);
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('names the optional selectors in the user’s language', async () => {
    render(<CustomCrmsSection />);
    await screen.findByText(t('customCrmsEmpty'));
    expect(screen.getByText(t('customCrmSelectors')).tagName).toBe('SUMMARY');
    expect(screen.getByLabelText(t('customCrmSelector', t('partStage')))).toBeTruthy();
  });
});
