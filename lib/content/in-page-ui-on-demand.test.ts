import { describe, expect, it, vi } from 'vitest';
import type { InPageUi } from './in-page-ui';
import { IN_PAGE_UI_GLOBAL, inPageUiOnDemand, registeredInPageUi, type InPageUiFactory } from './in-page-ui-on-demand';

const launcherOn = { launcher: true, placement: 'side-panel' } as const;
const launcherOff = { launcher: false, placement: 'side-panel' } as const;

/** A loader whose answer the test gives, and the real UI it leads to, watched. */
function harness() {
  const real: InPageUi = { show: vi.fn(), dock: vi.fn(), remove: vi.fn() };
  const factory = vi.fn(() => real) as unknown as InPageUiFactory;
  let answer: (value: InPageUiFactory | null) => void = () => undefined;
  const load = vi.fn(() => new Promise<InPageUiFactory | null>((resolve) => (answer = resolve)));
  const ui = inPageUiOnDemand(load, (create) => create({} as Document, { launcher: '', panel: '', frameTitle: '' }));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { real, factory, load, ui, answer: (value: InPageUiFactory | null = factory) => (answer(value), settle()) };
}

describe('the in-page UI, loaded on first need', () => {
  it('loads nothing for a page with nothing to show: not a record, or the badge turned off', () => {
    const { load, ui } = harness();
    ui.show(null);
    ui.show(launcherOff);
    ui.dock('close');
    expect(load).not.toHaveBeenCalled();
  });

  it('loads once for the badge and shows it the latest display asked for meanwhile', async () => {
    const { load, real, ui, answer } = harness();
    ui.show(launcherOn);
    ui.show({ launcher: true, placement: 'docked' });
    expect(load).toHaveBeenCalledOnce();
    await answer();
    expect(real.show).toHaveBeenCalledExactlyOnceWith({ launcher: true, placement: 'docked' });
    ui.show(launcherOff);
    ui.dock('toggle');
    expect(real.show).toHaveBeenLastCalledWith(launcherOff);
    expect(real.dock).toHaveBeenCalledExactlyOnceWith('toggle');
    expect(load).toHaveBeenCalledOnce();
  });

  it('opens the docked panel asked for before the UI arrived (a toggle twice is no panel); never without a record', async () => {
    const first = harness();
    first.ui.dock('open');
    expect(first.load).not.toHaveBeenCalled();
    first.ui.show(launcherOff);
    first.ui.dock('toggle');
    await first.answer();
    expect(first.real.dock).toHaveBeenCalledExactlyOnceWith('open');

    const second = harness();
    second.ui.show(launcherOff);
    second.ui.dock('toggle');
    second.ui.dock('toggle');
    await second.answer();
    expect(second.real.dock).not.toHaveBeenCalled();
  });

  it('shows nothing when removed while loading, or when the script could not be had, and tries again on the next display', async () => {
    const removed = harness();
    removed.ui.show(launcherOn);
    removed.ui.remove();
    await removed.answer();
    expect(removed.factory).not.toHaveBeenCalled();

    const refused = harness();
    refused.ui.show(launcherOn);
    await refused.answer(null);
    expect(refused.factory).not.toHaveBeenCalled();
    refused.ui.show(launcherOn);
    expect(refused.load).toHaveBeenCalledTimes(2);
    await refused.answer();
    expect(refused.real.show).toHaveBeenCalledWith(launcherOn);
  });

  it('finds the factory only where the injected script put a function', () => {
    const world = globalThis as Record<string, unknown>;
    try {
      world[IN_PAGE_UI_GLOBAL] = 'not a function';
      expect(registeredInPageUi()).toBeNull();
      const factory = () => undefined;
      world[IN_PAGE_UI_GLOBAL] = factory;
      expect(registeredInPageUi()).toBe(factory);
    } finally {
      delete world[IN_PAGE_UI_GLOBAL];
    }
  });
});
