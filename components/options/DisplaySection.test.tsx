// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_DISPLAY, readDisplayPreferences, writeDisplayPreferences } from '@/lib/display/preferences';
import { setLocale, type Locale } from '@/lib/i18n';
import { getDatabase } from '@/lib/store/connection';
import { DisplaySection } from './DisplaySection';

const TEXT: Record<Locale, { heading: string; badge: string; docked: string; saved: string }> = {
  en: { heading: 'In the CRM page', badge: 'Show the gap badge on CRM record pages', docked: 'Docked inside the CRM page', saved: 'Saved. Open CRM tabs follow at once.' },
  'zh-CN': { heading: '在 CRM 页面中', badge: '在 CRM 记录页显示缺口徽标', docked: '停靠在 CRM 页面内', saved: '已保存。已打开的 CRM 标签页会立即更新。' },
};

beforeEach(async () => {
  fakeBrowser.reset();
  await writeDisplayPreferences(await getDatabase(), DEFAULT_DISPLAY);
});

afterEach(() => {
  cleanup();
  setLocale('en');
});

describe.each(Object.keys(TEXT) as Locale[])('DisplaySection (%s)', (locale) => {
  const text = TEXT[locale];

  it('shows the stored preferences and saves a change, telling every open page', async () => {
    setLocale(locale);
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    render(<DisplaySection />);
    expect(screen.getByRole('region', { name: text.heading })).toBeTruthy();
    const badge = (await screen.findByLabelText(text.badge)) as HTMLInputElement;
    await vi.waitFor(() => expect(badge.checked).toBe(true));
    fireEvent.click(screen.getByLabelText(text.docked));
    await vi.waitFor(() => expect(screen.getByTestId('display-saved').textContent).toBe(text.saved));
    expect(await readDisplayPreferences(await getDatabase())).toEqual({ launcher: true, placement: 'docked' });
    expect(sent).toHaveBeenCalledWith({ type: 'broadcast/configuration' });

    fireEvent.click(badge);
    await vi.waitFor(async () => expect(await readDisplayPreferences(await getDatabase())).toEqual({ launcher: false, placement: 'docked' }));
    expect(badge.checked).toBe(false);
  });
});

it('says when a setting could not be saved', async () => {
  const db = await getDatabase();
  render(<DisplaySection />);
  const badge = (await screen.findByLabelText(TEXT.en.badge)) as HTMLInputElement;
  await vi.waitFor(() => expect(badge.disabled).toBe(false));
  vi.spyOn(db, 'transaction').mockImplementation(() => {
    throw new DOMException('Quota exceeded', 'QuotaExceededError');
  });
  fireEvent.click(badge);
  await vi.waitFor(() => expect(screen.getByTestId('display-saved').getAttribute('data-state')).toBe('failed'));
  expect(screen.getByTestId('display-saved').textContent).toBe('Could not save this setting. Nothing was changed.');
  expect(badge.checked).toBe(true);
});
