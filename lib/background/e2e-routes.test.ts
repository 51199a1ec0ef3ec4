import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleEndToEndMessage } from './e2e-routes';
import { validSnapshot } from '@/test/support/snapshots';

const contentScript = () => ({ id: fakeBrowser.runtime.id, url: validSnapshot.url, tab: { id: 5 } as never, frameId: 0 });

function send(message: unknown, sender: object): Promise<{ result?: unknown; error?: string } | undefined> {
  return new Promise((resolve) => {
    const async = handleEndToEndMessage(message, sender, (response) => resolve(response as never));
    if (async !== true) setTimeout(() => resolve(undefined), 20);
  });
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('e2e-only routes', () => {
  it('opens the panel pinned to the asking CRM tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const reply = await send({ type: 'e2e/open-page', page: 'sidepanel' }, contentScript());
    expect(reply?.error).toBeUndefined();
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/sidepanel.html?tabId=5') });
  });

  it.each([
    ['another extension', { ...contentScript(), id: 'intruder' }],
    ['a page on a non-CRM host', { ...contentScript(), url: 'https://evil.example/' }],
    ['a sub-frame of the CRM', { ...contentScript(), frameId: 3 }],
    ['one of our own pages', { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') }],
  ])('refuses %s and opens nothing', async (_name, sender) => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await send({ type: 'e2e/open-page', page: 'options' }, sender)).toEqual({ error: 'sender not allowed' });
    expect(create).not.toHaveBeenCalled();
  });

  it.each([
    { type: 'e2e/open-page', page: 'javascript:alert(1)' },
    { type: 'e2e/context-menu', selectionText: 42, pageUrl: '' },
    { type: 'e2e/unknown' },
    'e2e/open-page',
  ])('leaves malformed or foreign messages unanswered: %j', async (message) => {
    expect(await send(message, contentScript())).toBeUndefined();
  });
});
