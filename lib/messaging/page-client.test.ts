// The panel's side of the messaging (docs/security.md, threat T5): only
// well-formed broadcasts from this extension reach its listeners, and every
// answer of the background is validated before the UI sees it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BroadcastSchema } from './protocol';
import { validSnapshot } from '@/test/support/snapshots';
import { corpusText } from '@/test/support/xss-corpus.mjs';
import { fetchTabState, framedByAnotherOrigin, onBroadcast, panelTarget } from './page-client';

beforeEach(() => fakeBrowser.reset());

/** Broadcasts are never answered. */
const noReply = () => undefined;

const validBroadcast = fc.oneof(
  fc.nat().map((tabId) => ({ type: 'broadcast/tab-state', tabId })),
  fc.constant({ type: 'broadcast/configuration' }),
  fc.option(fc.string({ minLength: 1, maxLength: 400 }), { nil: null }).map((recordKey) => ({ type: 'broadcast/notes', recordKey })),
);
const anyMessage = fc.oneof(
  fc.anything(),
  fc.record({ type: fc.constantFrom('broadcast/tab-state', 'broadcast/notes', 'broadcast/facts', 'broadcast/capture'), tabId: fc.anything(), recordKey: fc.anything(), outcome: fc.anything() }, { requiredKeys: ['type'] }),
);

describe('onBroadcast', () => {
  it('ignores valid broadcasts from any sender but this extension', async () => {
    const listener = vi.fn();
    const stop = onBroadcast(listener);
    await fc.assert(
      fc.asyncProperty(validBroadcast, fc.option(fc.string().filter((id) => id !== fakeBrowser.runtime.id), { nil: undefined }), async (message, id) => {
        await fakeBrowser.runtime.onMessage.trigger(message, { id, url: `chrome-extension://${id}/x.html` }, noReply);
      }),
      { numRuns: 100 },
    );
    expect(listener).not.toHaveBeenCalled();
    // The same broadcast from this extension is heard: the check above is not vacuous.
    await fakeBrowser.runtime.onMessage.trigger({ type: 'broadcast/configuration' }, { id: fakeBrowser.runtime.id }, noReply);
    expect(listener).toHaveBeenCalledWith({ type: 'broadcast/configuration' });
    stop();
  });

  it('passes on only what parses as a broadcast, from this extension too', async () => {
    const listener = vi.fn();
    const stop = onBroadcast(listener);
    await fc.assert(
      fc.asyncProperty(anyMessage, async (message) => {
        listener.mockClear();
        await fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id }, noReply);
        if (BroadcastSchema.safeParse(message).success) expect(listener).toHaveBeenCalledTimes(1);
        else expect(listener).not.toHaveBeenCalled();
      }),
      { numRuns: 200 },
    );
    stop();
  });
});

describe('fetchTabState', () => {
  it('refuses an answer that is not a valid tab state, whatever the background says', async () => {
    const answers = [
      undefined,
      { error: 'sender not allowed' },
      { result: { kind: 'record', snapshot: { ...validSnapshot, recordId: corpusText(2) } } },
      { result: { kind: 'record', snapshot: { ...validSnapshot, name: 'x'.repeat(2_001) } } },
      { result: { kind: 'html', html: corpusText(2) } },
    ];
    for (const answer of answers) {
      vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValueOnce(answer as never);
      await expect(fetchTabState(5)).rejects.toThrow();
    }
  });
});

describe('framedByAnotherOrigin', () => {
  const ours = { origin: 'chrome-extension://abc' } as Location;
  it('is false for a top-level page and for a frame of our own pages', () => {
    const top = { location: ours } as Window;
    Object.assign(top, { parent: top });
    expect(framedByAnotherOrigin(top)).toBe(false);
    expect(framedByAnotherOrigin({ parent: top, location: ours })).toBe(false);
  });

  it('is true when a page of another origin frames it', () => {
    const crmPage = {
      get location(): Location {
        throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
      },
    } as unknown as Window;
    expect(framedByAnotherOrigin({ parent: crmPage, location: ours })).toBe(true);
  });
});

describe('panelTarget', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('follows the window it is in, or the tab it is docked in, whatever the store package is asked', () => {
    vi.stubEnv('MODE', 'production');
    expect(panelTarget('')).toEqual({ windowId: 'current' });
    expect(panelTarget('?docked=1')).toEqual({ docked: true });
    // ?tabId= and ?windowId= are test hooks (issue 17): a store package ignores them.
    expect(panelTarget('?tabId=12')).toEqual({ windowId: 'current' });
    expect(panelTarget('?windowId=3')).toEqual({ windowId: 'current' });
  });

  it('is pinned to a tab or a window by the tests, in e2e builds only', () => {
    vi.stubEnv('MODE', 'e2e');
    expect(panelTarget('?tabId=12')).toEqual({ tabId: 12 });
    expect(panelTarget('?windowId=3')).toEqual({ windowId: 3 });
    expect(panelTarget('?tabId=-1')).toEqual({ windowId: 'current' });
    expect(panelTarget('?docked=1&tabId=12')).toEqual({ docked: true });
  });
});
