// @vitest-environment happy-dom
import { beforeEach, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readDisplayPreferences } from '@/lib/display/preferences';
import { t } from '@/lib/i18n';
import { getDatabase } from '@/lib/store/connection';
import { describeInEachLocale, expectOnlyLocaleText } from '../testing/locales';
import { DisplaySection } from './DisplaySection';

beforeEach(async () => {
  fakeBrowser.reset();
  await (await getDatabase()).clear('settings');
});

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
