// @vitest-environment happy-dom
import { beforeEach, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '@/lib/i18n';
import { readSignature } from '@/lib/panel/signature';
import { getDatabase } from '@/lib/store/connection';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { SignatureSection } from './SignatureSection';

beforeEach(async () => {
  fakeBrowser.reset();
  await (await getDatabase()).clear('settings');
});

describeInEachLocale('SignatureSection', (locale) => {
  it('stores the name written beside the facts the user records, and refuses one too long', async () => {
    const { container } = render(<SignatureSection />);
    const input = (await screen.findByRole('textbox', { name: t('optionsSignature') })) as HTMLInputElement;
    expect(input.value).toBe('');
    expectOnlyLocaleText(container, locale);
    fireEvent.change(input, { target: { value: 'x'.repeat(101) } });
    fireEvent.click(screen.getByRole('button', { name: t('signatureSave') }));
    expect((await screen.findByRole('alert')).textContent).toBe(t('signatureTooLong', '100'));
    expect(await readSignature(await getDatabase())).toBe('');
    fireEvent.change(input, { target: { value: ' Wang Fang ' } });
    fireEvent.click(screen.getByRole('button', { name: t('signatureSave') }));
    await screen.findByText(t('signatureSaved'));
    expect(await readSignature(await getDatabase())).toBe('Wang Fang');
  });

  it('shows the stored name', async () => {
    await (await getDatabase()).put('settings', '王芳', 'signature');
    render(<SignatureSection />);
    await waitFor(() => expect((screen.getByRole('textbox', { name: t('optionsSignature') }) as HTMLInputElement).value).toBe('王芳'));
  });
});
