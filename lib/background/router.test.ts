import { beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BroadcastSchema, InPageUiRequestSchema, PanelRequestSchema } from '@/lib/messaging/protocol';
import { contentScriptOnCrm, isExtensionPage, type SenderInfo } from '@/lib/messaging/sender';
import { getDatabase } from '@/lib/store/connection';
import { syncCustomContentScripts } from '@/lib/custom-crm/content-scripts';
import { handleMessage } from './router';
import { readTabState, writeTabState } from './tab-states';
import { DEFAULT_DISPLAY, writeDisplayPreferences } from '@/lib/display/preferences';
import { validSnapshot } from '@/test/support/snapshots';
import { corpusText } from '@/test/support/xss-corpus.mjs';

// Registering content scripts is what a `broadcast/configuration` leads to: watched, not run.
vi.mock('@/lib/custom-crm/content-scripts', () => ({ syncCustomContentScripts: vi.fn(async () => undefined) }));

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

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
  vi.mocked(syncCustomContentScripts).mockClear();
  // A display push to the CRM tabs starts by looking them up: watched, answered with none.
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([] as never);
  await (await getDatabase()).clear('records');
});

describe('background message router', () => {
  it('stores a record reported by our content script on a CRM tab', async () => {
    const reply = await send({ type: 'page/state', state: { kind: 'record', snapshot: validSnapshot } }, contentScript());
    expect(reply).toEqual({ result: { ok: true, display: DEFAULT_DISPLAY } });
    expect(await readTabState(5)).toEqual({ kind: 'record', snapshot: validSnapshot });
    // The pages showing the tab get the new state with the notification: no second hop.
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'broadcast/tab-state', tabId: 5, state: { kind: 'record', snapshot: validSnapshot } });
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

  describe('Salesforce requests', () => {
    const options = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html'), tab: { id: 9 } as never, frameId: 0 });
    const launchWebAuthFlow = () => vi.spyOn(fakeBrowser.identity, 'launchWebAuthFlow').mockRejectedValue(new Error('The user did not approve access.'));

    it.each([
      ['a content script on a CRM page', contentScript()],
      ['the panel', panel()],
      ['the panel docked in a CRM page', { ...panel(), tab: { id: 5 } as never, frameId: 4 }],
      ['the options page framed by another page', { ...options(), frameId: 2 }],
      ['another extension’s options page', { ...options(), id: 'intruder' }],
    ])('refuses connect and disconnect from %s, before any sign-in window opens', async (_name, sender) => {
      const flow = launchWebAuthFlow();
      for (const message of [{ type: 'salesforce/connect', loginHost: 'login.salesforce.com', clientId: '3MVG9abc.def' }, { type: 'salesforce/disconnect' }]) {
        expect(await send(message, sender)).toEqual({ error: 'sender not allowed' });
      }
      expect(flow).not.toHaveBeenCalled();
    });

    it('lets the options page connect (here the user closes the sign-in window: an error, nothing stored)', async () => {
      const flow = launchWebAuthFlow();
      vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockReturnValue('https://abc.chromiumapp.org/salesforce');
      const reply = await send({ type: 'salesforce/connect', loginHost: 'login.salesforce.com', clientId: '3MVG9abc.def' }, options());
      expect(reply).toEqual({ error: 'The user did not approve access.' });
      expect(flow).toHaveBeenCalledOnce();
      expect(await (await getDatabase()).get('settings', 'salesforce.org')).toBeUndefined();
    });

    it('tells any extension page the state but never to a content script', async () => {
      vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockReturnValue('https://abc.chromiumapp.org/salesforce');
      expect(await send({ type: 'salesforce/status' }, panel())).toMatchObject({ result: { state: 'not-connected', redirectUri: 'https://abc.chromiumapp.org/salesforce' } });
      expect(await send({ type: 'salesforce/status' }, contentScript())).toEqual({ error: 'sender not allowed' });
    });
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

  it('asks the content script of a record page not read yet to read it when a panel asks for that tab, and only then', async () => {
    const asked = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true } as never);
    await send({ type: 'page/state', state: { kind: 'unrecognised', reason: 'not-read-yet', adapter: 'salesforce' } }, contentScript());
    expect(asked).not.toHaveBeenCalled();
    expect(await send({ type: 'panel/tab-state', tabId: 5 }, panel())).toEqual({ result: { kind: 'unrecognised', reason: 'not-read-yet', adapter: 'salesforce' } });
    expect(asked).toHaveBeenCalledExactlyOnceWith(5, { type: 'page/read' }, { frameId: 0 });
    await send({ type: 'page/state', state: { kind: 'record', snapshot: validSnapshot } }, contentScript());
    await send({ type: 'panel/tab-state', tabId: 5 }, panel());
    expect(asked).toHaveBeenCalledOnce(); // read: nothing more to ask
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

  describe('the in-page UI asked for by a content script', () => {
    it('is injected into the asking document (Chromium names it) or else the top frame of the sender’s tab, the frames’ title with the answer', async () => {
      const injected = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
      vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key) => (key === 'extName' ? '铁三角' : ''));
      expect(await send({ type: 'page/in-page-ui' }, { ...contentScript(), documentId: 'DOC-1' })).toEqual({ result: { ok: true, frameTitle: '铁三角' } });
      expect(injected).toHaveBeenLastCalledWith({ target: { tabId: 5, documentIds: ['DOC-1'] }, files: ['/in-page-ui.js'] });
      expect(await send({ type: 'page/in-page-ui' }, contentScript())).toEqual({ result: { ok: true, frameTitle: '铁三角' } });
      expect(injected).toHaveBeenLastCalledWith({ target: { tabId: 5, frameIds: [0] }, files: ['/in-page-ui.js'] });
    });

    it('says so when the page refuses the script', async () => {
      vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page'));
      expect(await send({ type: 'page/in-page-ui' }, contentScript())).toEqual({ error: 'Cannot access contents of the page' });
    });
  });

  it('ignores malformed payloads without answering or storing', async () => {
    const bad = { type: 'page/state', state: { kind: 'record', snapshot: { ...validSnapshot, recordId: '<script>' } } };
    expect(await send(bad, contentScript())).toBeUndefined();
    expect(await readTabState(5)).toEqual({ kind: 'none' });
  });
});

// --- Fuzzed: every message that is not allowed is refused and changes nothing ----------

/** Everything a refused message could have touched: tab states, remembered records, broadcasts, content scripts, display pushes. */
async function touched(): Promise<unknown> {
  return {
    session: await fakeBrowser.storage.session.get(null),
    records: await (await getDatabase()).getAll('records'),
    broadcasts: vi.mocked(fakeBrowser.runtime.sendMessage).mock.calls.length,
    registrations: vi.mocked(syncCustomContentScripts).mock.calls.length,
    displayPushes: vi.mocked(fakeBrowser.tabs.query).mock.calls.length,
  };
}

/** Refused: answered with an error or not answered at all, never with a result. */
const refused = (reply: { result?: unknown; error?: string } | undefined) => reply === undefined || (reply.error !== undefined && !('result' in reply));

const pageState = { type: 'page/state', state: { kind: 'record', snapshot: validSnapshot } };
const knownTypes = ['page/state', 'page/custom-crm', 'page/in-page-ui', 'panel/tab-state', 'broadcast/tab-state', 'broadcast/notes', 'broadcast/facts', 'broadcast/configuration', 'broadcast/capture'];

/** Any message: random values, and objects that look like ours with random contents (corpus strings included). */
const anyPayload = fc.oneof(
  fc.anything(),
  fc.record({ type: fc.constantFrom(...knownTypes), state: fc.anything(), tabId: fc.anything(), recordKey: fc.anything(), outcome: fc.anything() }, { requiredKeys: ['type'] }),
  fc.record({
    type: fc.constant('page/state'),
    // A snapshot whose record id is a corpus string: everything else about it is valid.
    state: fc.record({ kind: fc.constantFrom('record', 'unrecognised', 'none'), snapshot: fc.nat({ max: 60 }).map((i) => ({ ...validSnapshot, recordId: corpusText(i) })) }),
  }),
);

const ourId = () => fakeBrowser.runtime.id;
const tricky = [
  'http://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view',
  'https://acme.lightning.force.com.evil.example/',
  'https://evil.example/?u=https://acme.lightning.force.com/',
  'https://evil.example/#acme.lightning.force.com',
  'https://lightning.force.com@evil.example/',
  'javascript:alert(1)//acme.lightning.force.com',
  'data:text/html,acme.lightning.force.com',
  'chrome-extension://intruder/sidepanel.html',
  'about:blank',
  '',
];
const nonCrmUrl = fc.oneof(fc.constantFrom(...tricky), fc.webUrl().filter((url) => !/(force|salesforce|dynamics|hubspot|pipedrive|zoho|odoo)\./.test(url)));

/** Every kind of sender, legitimate ones included. */
const anySender = fc.oneof(
  fc.constant(null).map(() => contentScript()),
  fc.constant(null).map(() => panel()),
  fc.record({ id: fc.string(), url: fc.oneof(nonCrmUrl, fc.constant(crmUrl)), tab: fc.option(fc.record({ id: fc.integer() }), { nil: undefined }), frameId: fc.option(fc.integer(), { nil: undefined }) }, { requiredKeys: [] }),
  fc.record({ url: nonCrmUrl }, { requiredKeys: [] }),
);

/** Senders that may not report page state: each differs from our content script in one respect. */
const notOurContentScript = fc.oneof(
  fc.string().filter((id) => id !== ourId()).map((id) => ({ ...contentScript(), id })),
  fc.integer({ min: 1, max: 1_000 }).map((frameId) => ({ ...contentScript(), frameId })),
  fc.constantFrom(undefined, -1).map((frameId) => ({ ...contentScript(), frameId })),
  nonCrmUrl.map((url) => ({ ...contentScript(), url })),
  fc.constantFrom(undefined, {}, { id: undefined }, { id: -1 }, { id: 1.5 }).map((tab) => ({ ...contentScript(), tab: tab as never })),
  fc.constant(null).map(() => panel()),
);

/** Senders that are not a page of this extension. */
const notOurPage = fc.oneof(
  fc.constant(null).map(() => contentScript()),
  fc.string().filter((id) => id !== ourId()).map((id) => ({ ...panel(), id })),
  fc.string().filter((id) => id !== ourId()).map((id) => ({ id, url: `chrome-extension://${id}/options.html` })),
  nonCrmUrl.map((url) => ({ id: ourId(), url })),
  fc.constant({ id: undefined, url: undefined }),
);

describe('background message router, fuzzed', () => {
  it('any payload from any sender: a malformed one is refused and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(anyPayload, anySender, async (message, sender) => {
        // The allowed messages the generators can make (a page of ours asking for a tab or announcing a change,
        // our content script asking for the in-page UI): tested on their own.
        const fromOurPage = isExtensionPage(sender as SenderInfo, ourId(), fakeBrowser.runtime.getURL('/'));
        fc.pre(!(fromOurPage && (BroadcastSchema.safeParse(message).success || PanelRequestSchema.safeParse(message).success)));
        fc.pre(!(contentScriptOnCrm(sender as SenderInfo, ourId()) && InPageUiRequestSchema.safeParse(message).success));
        const before = await touched();
        const reply = await send(message, sender);
        expect(refused(reply)).toBe(true);
        expect(await touched()).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it('panel requests from content scripts (or any sender but our pages) are refused and reveal nothing', async () => {
    await writeTabState(5, { kind: 'record', snapshot: validSnapshot });
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 10 }), notOurPage, async (tabId, sender) => {
        const before = await touched();
        expect(await send({ type: 'panel/tab-state', tabId }, sender)).toEqual({ error: 'sender not allowed' });
        expect(await touched()).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it('page state, custom-CRM questions and in-page UI requests from anything but our top-frame content script on a CRM are refused and change nothing', async () => {
    const injected = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    await fc.assert(
      fc.asyncProperty(notOurContentScript, fc.constantFrom(pageState, { type: 'page/custom-crm' }, { type: 'page/in-page-ui' }), async (sender, message) => {
        const before = await touched();
        expect(await send(message, sender)).toEqual({ error: 'sender not allowed' });
        expect(await touched()).toEqual(before);
        expect(await readTabState(5)).toEqual({ kind: 'none' });
        expect(injected).not.toHaveBeenCalled();
      }),
      { numRuns: 80 },
    );
  });

  it('broadcasts from anything but our pages register and push nothing; from our pages they do', async () => {
    await fc.assert(
      fc.asyncProperty(notOurPage, async (sender) => {
        const before = await touched();
        expect(await send({ type: 'broadcast/configuration' }, sender)).toBeUndefined();
        expect(await touched()).toEqual(before);
      }),
      { numRuns: 40 },
    );
    await send({ type: 'broadcast/configuration' }, panel());
    await vi.waitFor(() => expect(syncCustomContentScripts).toHaveBeenCalledTimes(1));
    // Once to push the display preferences, once to hand the page rules to every open tab.
    await vi.waitFor(() => expect(fakeBrowser.tabs.query).toHaveBeenCalledTimes(2));
  });
});
