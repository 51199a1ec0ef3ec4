// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Locale } from '@/lib/domain/locales';
import { setLocale } from '@/lib/i18n';
import { DockedStorageBlocked } from './DockedStorageBlocked';

afterEach(() => {
  cleanup();
  setLocale('en');
});

const TEXT: Record<Locale, { alert: RegExp; close: string }> = {
  en: { alert: /blocks storage for pages embedded in other sites/, close: 'Close the docked panel' },
  'zh-CN': { alert: /阻止了嵌入其他网站的页面使用存储/, close: '关闭页内面板' },
};

describe.each(Object.keys(TEXT) as Locale[])('DockedStorageBlocked (%s)', (locale) => {
  it('says why the docked panel cannot show the deal and closes itself from its button', async () => {
    setLocale(locale);
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ result: { ok: true } } as never);
    render(<DockedStorageBlocked />);
    expect(screen.getByRole('alert').textContent).toMatch(TEXT[locale].alert);
    fireEvent.click(screen.getByRole('button', { name: TEXT[locale].close }));
    // The background closes it in the tab the page is framed in (the sender's).
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith({ type: 'framed/dock', action: 'close' }));
  });
});
