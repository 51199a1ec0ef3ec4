// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '@/lib/i18n';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { AboutSection } from './AboutSection';

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Iron Triangle', version: '1.4.2' });
});

describeInEachLocale('AboutSection', (locale) => {
  it('states the privacy promise and the installed version', () => {
    const { container } = render(<AboutSection />);
    expect(screen.getByRole('heading', { name: t('optionsAbout') })).toBeTruthy();
    expect(screen.getByText(t('aboutPrivacy'))).toBeTruthy();
    expect(screen.getByText(t('aboutVersion', '1.4.2'))).toBeTruthy();
    expectOnlyLocaleText(container, locale, ['1.4.2']);
  });
});
