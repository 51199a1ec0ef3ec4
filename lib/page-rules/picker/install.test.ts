// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installPicker } from './install';
import { PICKER_GLOBAL, type PickerApi } from './protocol';

const OPTIONS = { part: 'stage', banner: 'Click the stage value', cancelHint: 'Esc to cancel' } as const;

let scope: Record<string, unknown>;

beforeEach(() => {
  document.body.innerHTML = '<dl><dt>Stage</dt><dd data-field="stage">Qualify</dd></dl>';
  scope = {};
  installPicker(scope, document);
});

afterEach(() => {
  window.dispatchEvent(new Event('pagehide'));
});

const picker = () => scope[PICKER_GLOBAL] as PickerApi | undefined;
const overlays = () => document.documentElement.children.length - 2; // head and body aside

describe('installPicker', () => {
  it('puts one entry point on the global object and takes it away when the pick ends', async () => {
    const api = picker();
    expect(typeof api?.start).toBe('function');
    const pick = (api as PickerApi).start(OPTIONS);
    expect(overlays()).toBe(1);
    window.dispatchEvent(new Event('pagehide'));
    await expect(pick).resolves.toEqual({ cancelled: true });
    expect(picker()).toBeUndefined();
    expect(overlays()).toBe(0);
  });

  it('runs one pick at a time: a new one cancels the one running', async () => {
    const api = picker() as PickerApi;
    const first = api.start(OPTIONS);
    const second = api.start(OPTIONS);
    await expect(first).resolves.toEqual({ cancelled: true });
    expect(picker()).toBe(api);
    expect(overlays()).toBe(1);
    window.dispatchEvent(new Event('pagehide'));
    await expect(second).resolves.toEqual({ cancelled: true });
    expect(picker()).toBeUndefined();
  });

  it('refuses options without a known part, and draws nothing', async () => {
    const api = picker() as PickerApi;
    await expect(api.start({ ...OPTIONS, part: 'password' } as never)).rejects.toThrow();
    await expect(api.start(null as never)).rejects.toThrow();
    expect(overlays()).toBe(0);
  });

  it('cuts banner texts to a bounded length', async () => {
    const shadows: ShadowRoot[] = [];
    const attachShadow = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      shadows.push(attachShadow.call(this, init));
      return shadows[shadows.length - 1] as ShadowRoot;
    });
    const pick = (picker() as PickerApi).start({ ...OPTIONS, banner: 'b'.repeat(10_000) });
    const shown = shadows[0]?.textContent ?? '';
    expect(shown).toContain('b'.repeat(200));
    expect(shown).not.toContain('b'.repeat(201));
    window.dispatchEvent(new Event('pagehide'));
    await pick;
  });
});
