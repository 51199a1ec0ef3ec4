// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readDisplayPreferences } from '@/lib/display/preferences';
import { t } from '@/lib/i18n';
import { getDatabase } from '@/lib/store/connection';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { DisplaySection } from './DisplaySection';

beforeEach(async () => {
  fakeBrowser.reset();
  await (await getDatabase()).clear('settings');
});

afterEach(cleanup);

describeInEachLocale('DisplaySection', (locale) => {
  it('shows the launcher on and the side panel chosen by default', async () => {
    const { container } = render(<DisplaySection />);
    const launcher = screen.getByLabelText(t('displayLauncher')) as HTMLInputElement;
    await waitFor(() => expect(launcher.disabled).toBe(false));
    expect(launcher.checked).toBe(true);
    expect((screen.getByLabelText(t('displaySidePanel')) as HTMLInputElement).checked).toBe(true);
    expectOnlyLocaleText(container, locale);
  });

  it('stores a change at once and says it is saved', async () => {
    const { container } = render(<DisplaySection />);
    const docked = screen.getByLabelText(t('displayDocked')) as HTMLInputElement;
    await waitFor(() => expect((screen.getByLabelText(t('displayLauncher')) as HTMLInputElement).disabled).toBe(false));
    fireEvent.click(docked);
    fireEvent.click(screen.getByLabelText(t('displayLauncher')));
    await waitFor(() => expect(screen.getByTestId('display-saved').textContent).toBe(t('displaySaved')));
    await waitFor(async () => expect(await readDisplayPreferences(await getDatabase())).toEqual({ launcher: false, placement: 'docked' }));
    expectOnlyLocaleText(container, locale);
  });
});

it('tells every open extension page, so CRM tabs follow at once', async () => {
  const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
  render(<DisplaySection />);
  const launcher = screen.getByLabelText(t('displayLauncher')) as HTMLInputElement;
  await waitFor(() => expect(launcher.disabled).toBe(false));
  fireEvent.click(launcher);
  await waitFor(() => expect(sent).toHaveBeenCalledWith({ type: 'broadcast/configuration' }));
});

it('says when a setting could not be saved, and shows the stored value again', async () => {
  const db = await getDatabase();
  render(<DisplaySection />);
  const launcher = screen.getByLabelText(t('displayLauncher')) as HTMLInputElement;
  await waitFor(() => expect(launcher.disabled).toBe(false));
  vi.spyOn(db, 'transaction').mockImplementation(() => {
    throw new DOMException('Quota exceeded', 'QuotaExceededError');
  });
  fireEvent.click(launcher);
  await waitFor(() => expect(screen.getByTestId('display-saved').getAttribute('data-state')).toBe('failed'));
  expect(screen.getByTestId('display-saved').textContent).toBe(t('displaySaveFailed'));
  expect(launcher.checked).toBe(true);
});

it('says when the settings cannot be read, and reads them again on request', async () => {
  const db = await getDatabase();
  const read = db.get.bind(db); // idb's methods need their database as `this`
  const get = vi.spyOn(db, 'get').mockRejectedValueOnce(new DOMException('denied', 'UnknownError')).mockImplementation(read);
  render(<DisplaySection />);
  const error = await screen.findByTestId('load-error');
  expect(error.textContent).toContain(t('displayLoadError'));
  const launcher = screen.getByLabelText(t('displayLauncher')) as HTMLInputElement;
  expect(launcher.disabled).toBe(true);
  fireEvent.click(screen.getByRole('button', { name: t('loadRetry') }));
  await waitFor(() => expect(get).toHaveBeenCalledTimes(2));
  await waitFor(() => expect((screen.getByLabelText(t('displayLauncher')) as HTMLInputElement).disabled).toBe(false));
  expect(screen.queryByTestId('load-error')).toBeNull();
});
