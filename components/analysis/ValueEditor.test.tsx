// @vitest-environment happy-dom
import { expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { t } from '@/lib/i18n';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { ValueEditor } from './ValueEditor';

const DATA = ['Site power', 'No grid at 40 sites', 'Grid at half the sites', 'x'];

describeInEachLocale('ValueEditor', (locale) => {
  it('saves the typed value and whether the customer confirmed it', async () => {
    const save = vi.fn().mockResolvedValue({ ok: true });
    const close = vi.fn();
    const { container } = render(<ValueEditor label="Site power" initialValue="" initialConfirmed={false} save={save} close={close} />);
    fireEvent.change(screen.getByLabelText(t('valueLabel', 'Site power')), { target: { value: 'No grid at 40 sites' } });
    fireEvent.click(screen.getByLabelText(t('valueConfirmed')));
    expectOnlyLocaleText(container, locale, DATA);
    fireEvent.click(screen.getByRole('button', { name: t('valueSave') }));
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
    expect(save).toHaveBeenCalledWith('No grid at 40 sites', true, null);
  });

  it('shows a concurrent save instead of overwriting it, and saves on top only when asked', async () => {
    const save = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, conflict: { value: 'Grid at half the sites', setAt: 1234, setBy: '' } })
      .mockResolvedValueOnce({ ok: true });
    const close = vi.fn();
    const { container } = render(<ValueEditor label="Site power" initialValue="x" initialConfirmed={false} save={save} close={close} />);
    fireEvent.click(screen.getByRole('button', { name: t('valueSave') }));
    expect((await screen.findByTestId('value-conflict')).textContent).toContain(t('valueConflict', 'Grid at half the sites'));
    expectOnlyLocaleText(container, locale, DATA);
    expect(close).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: t('valueSaveMine') }));
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
    expect(save).toHaveBeenLastCalledWith('x', false, 1234);
  });

  it('keeps the other panel’s value when asked', async () => {
    const close = vi.fn();
    render(<ValueEditor label="Site power" initialValue="x" initialConfirmed={false} save={() => Promise.resolve({ ok: false, conflict: { value: 'Grid', setAt: 1, setBy: '' } })} close={close} />);
    fireEvent.click(screen.getByRole('button', { name: t('valueSave') }));
    fireEvent.click(await screen.findByRole('button', { name: t('valueKeepTheirs') }));
    expect(close).toHaveBeenCalled();
  });

  it('says a failed save changed nothing', async () => {
    const { container } = render(<ValueEditor label="Site power" initialValue="x" initialConfirmed={false} save={() => Promise.reject(new Error('disk'))} close={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: t('valueSave') }));
    expect((await screen.findByRole('alert')).textContent).toBe(t('valueSaveFailed'));
    expectOnlyLocaleText(container, locale, DATA);
  });
});
