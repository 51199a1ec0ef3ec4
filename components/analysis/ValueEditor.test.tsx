// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { setLocale } from '@/lib/i18n';
import { ValueEditor } from './ValueEditor';

afterEach(() => {
  cleanup();
  setLocale('en');
});

describe('ValueEditor', () => {
  it('saves the typed value and whether the customer confirmed it', async () => {
    const save = vi.fn().mockResolvedValue({ ok: true });
    const close = vi.fn();
    render(<ValueEditor label="Site power" initialValue="" initialConfirmed={false} save={save} close={close} />);
    fireEvent.change(screen.getByLabelText('Value of Site power'), { target: { value: 'No grid at 40 sites' } });
    fireEvent.click(screen.getByLabelText('Confirmed by the customer'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
    expect(save).toHaveBeenCalledWith('No grid at 40 sites', true, null);
  });

  it('shows a concurrent save instead of overwriting it, and saves on top only when asked', async () => {
    const save = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, conflict: { value: 'Grid at half the sites', setAt: 1234, setBy: '' } })
      .mockResolvedValueOnce({ ok: true });
    const close = vi.fn();
    render(<ValueEditor label="Site power" initialValue="x" initialConfirmed={false} save={save} close={close} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('value-conflict')).textContent).toContain('another panel saved “Grid at half the sites”');
    expect(close).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Save mine on top' }));
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
    expect(save).toHaveBeenLastCalledWith('x', false, 1234);
  });

  it('says a failed save changed nothing, in Chinese too', async () => {
    setLocale('zh-CN');
    render(<ValueEditor label="站点供电" initialValue="x" initialConfirmed={false} save={() => Promise.reject(new Error('disk'))} close={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findByRole('alert')).textContent).toBe('未保存，未做任何更改，请重试。');
  });
});
