import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from './router';
import { readTabState } from './tab-states';
import { DEFAULT_DISPLAY, writeDisplayPreferences } from '@/lib/display/preferences';
import { getDatabase } from '@/lib/store/connection';
import { validSnapshot } from '@/test/support/snapshots';

const crmUrl = validSnapshot.url;
const contentScript = () => ({ id: fakeBrowser.runtime.id, url: crmUrl, tab: { id: 5 } as never, frameId: 0 });
const panel = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') });

/** Calls the handler like the browser does and resolves with what it replied. */
function send(message: unknown, sender: object): Promise<{ result?: unknown; error?: string } | undefined> {
  return new Promise((resolve) => {
    const async = handleMessage(message, sender, (response) => resolve(response as never));
    if (async !== true) setTimeout(() => resolve(undefined), 20);
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
});

describe('background message router', () => {
  it('stores a record reported by our content script on a CRM tab', async () => {
    const reply = await send({ type: 'page/state', state: { kind: 'record', snapshot: validSnapshot } }, contentScript());
    expect(reply).toEqual({ result: { ok: true, display: DEFAULT_DISPLAY } });
    expect(await readTabState(5)).toEqual({ kind: 'record', snapshot: validSnapshot });
  });

  it('answers a content script with the stored display preferences', async () => {
    const chosen = { launcher: false, placement: 'docked' } as const;
    await writeDisplayPreferences(await getDatabase(), chosen);
    const reply = await send({ type: 'page/state', state: { kind: 'record', snapshot: validSnapshot } }, contentScript());
    expect(reply).toEqual({ result: { ok: true, display: chosen } });
    await writeDisplayPreferences(await getDatabase(), DEFAULT_DISPLAY);
  });

  it('refuses a record whose host is not the sending page’s host', async () => {
    const snapshot = { ...validSnapshot, host: 'other.lightning.force.com' };
    const reply = await send({ type: 'page/state', state: { kind: 'record', snapshot } }, contentScript());
    expect(reply).toEqual({ result: { ok: false } });
    expect(await readTabState(5)).toEqual({ kind: 'none' });
  });

  it.each([
    ['another extension', { ...contentScript(), id: 'intruder' }],
    ['a page on a non-CRM host', { ...contentScript(), url: 'https://evil.example/' }],
    ['a sub-frame of the CRM', { ...contentScript(), frameId: 3 }],
  ])('refuses page state from %s', async (_name, sender) => {
    const reply = await send({ type: 'page/state', state: { kind: 'record', snapshot: validSnapshot } }, sender);
    expect(reply).toEqual({ error: 'sender not allowed' });
    expect(await readTabState(5)).toEqual({ kind: 'none' });
  });

  it('refuses panel requests from a content script', async () => {
    await send({ type: 'page/state', state: { kind: 'record', snapshot: validSnapshot } }, contentScript());
    expect(await send({ type: 'panel/tab-state', tabId: 5 }, contentScript())).toEqual({ error: 'sender not allowed' });
  });

  it('answers the panel with the tab’s state', async () => {
    await send({ type: 'page/state', state: { kind: 'record', snapshot: validSnapshot } }, contentScript());
    expect(await send({ type: 'panel/tab-state', tabId: 5 }, panel())).toEqual({ result: { kind: 'record', snapshot: validSnapshot } });
    expect(await send({ type: 'panel/tab-state', tabId: 6 }, panel())).toEqual({ result: { kind: 'none' } });
  });

  describe('pages framed in a CRM tab (launcher, docked panel)', () => {
    const framed = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/launcher.html'), tab: { id: 5 } as never, frameId: 4 });

    it('answers the launcher with the badge of the tab it is framed in, never another', async () => {
      await send({ type: 'page/state', state: { kind: 'record', snapshot: validSnapshot } }, contentScript());
      const reply = await send({ type: 'framed/badge', tabId: 6 }, framed());
      expect(reply?.result).toMatchObject({ tabId: 5, recordKey: expect.stringContaining(validSnapshot.recordId), display: DEFAULT_DISPLAY, locale: 'en' });
      expect((reply?.result as { gapCount: number }).gapCount).toBeGreaterThan(0);
      expect(await send({ type: 'framed/own-tab' }, framed())).toEqual({ result: { tabId: 5 } });
    });

    it('relays a dock command to the top frame of the sender’s tab only', async () => {
      const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
      expect(await send({ type: 'framed/dock', action: 'toggle' }, framed())).toEqual({ result: { ok: true } });
      expect(sent).toHaveBeenCalledWith(5, { type: 'page/docked', action: 'toggle' }, { frameId: 0 });
    });

    it.each([
      ['a content script', contentScript()],
      ['an extension page outside any tab', panel()],
      ['another extension framed in the tab', { ...framed(), id: 'intruder' }],
      ['a web page framed in the tab', { ...framed(), url: 'https://evil.example/frame.html' }],
    ])('refuses %s', async (_name, sender) => {
      const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
      for (const message of [{ type: 'framed/badge' }, { type: 'framed/own-tab' }, { type: 'framed/dock', action: 'open' }]) {
        expect(await send(message, sender)).toEqual({ error: 'sender not allowed' });
      }
      expect(sent).not.toHaveBeenCalled();
    });
  });

  it('ignores malformed payloads without answering or storing', async () => {
    const bad = { type: 'page/state', state: { kind: 'record', snapshot: { ...validSnapshot, recordId: '<script>' } } };
    expect(await send(bad, contentScript())).toBeUndefined();
    expect(await readTabState(5)).toEqual({ kind: 'none' });
  });
});
