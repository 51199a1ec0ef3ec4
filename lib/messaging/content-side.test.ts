// @vitest-environment happy-dom
// The content script's side of the messaging (docs/security.md, threat T5).
// It builds the custom-CRM reader from whatever the background answers to
// `page/custom-crm` (entrypoints/custom.content.ts), and it changes what the
// CRM page shows (launcher, docked panel) on commands (lib/content/start.ts):
// whatever arrives, nothing throws, and only well-formed commands from this
// extension's own pages act.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CrmAdapter } from '@/lib/crm/adapter';
import { createCustomAdapter } from '@/lib/custom-crm/adapter';
import type { CustomCrmDefinition } from '@/lib/custom-crm/definition';
import { reportRecordsOf } from '@/lib/content/start';
import { PageCommandSchema } from './protocol';
import { validSnapshot } from '@/test/support/snapshots';
import { corpusText } from '@/test/support/xss-corpus.mjs';

// What the page shows is the in-page UI's job and reading is the watcher's: both watched here, not run.
const ui = vi.hoisted(() => ({ show: vi.fn(), dock: vi.fn(), remove: vi.fn() }));
const watch = vi.hoisted(() => ({ readNow: vi.fn(), stop: vi.fn() }));
vi.mock('@/lib/content/in-page-ui-on-demand', () => ({ inPageUiOnDemand: () => ui, registeredInPageUi: () => null }));
vi.mock('@/lib/content/page-watcher', () => ({ watchPage: () => watch }));

const definition = fc.record(
  {
    id: fc.oneof(fc.string(), fc.nat({ max: 60 }).map(corpusText), fc.anything()),
    name: fc.oneof(fc.string(), fc.nat({ max: 60 }).map(corpusText), fc.anything()),
    hostPattern: fc.oneof(fc.constantFrom('<all_urls>', '*://*/*', 'https://*/*', 'http://crm.example.com/*', 'https://crm.example.com/x'), fc.string(), fc.anything()),
    selectors: fc.anything(),
    createdAt: fc.anything(),
  },
  { requiredKeys: [] },
);

describe('custom-CRM reader built from the background’s answer', () => {
  it('never throws and never matches a broad or malformed host pattern', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), definition), (reply) => {
        const adapter = createCustomAdapter(reply as CustomCrmDefinition);
        for (const pattern of adapter.matches) expect(pattern).toMatch(/^https:\/\/(?:\*\.)?[a-z0-9.-]+\/\*$/);
        expect(adapter.label.length).toBeLessThanOrEqual(80 + ' (best-effort reader)'.length);
        expect(() => adapter.recognize(new URL('https://crm.example.com/deals/1'), document)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('commands to the content script', () => {
  const adapter = { id: 'salesforce' } as CrmAdapter;
  let stop: () => void = () => undefined;
  const ourPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
  const trigger = (message: unknown, sender: object) => fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined);

  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('Iron Triangle');
    Object.values(ui).forEach((spy) => spy.mockClear());
    watch.readNow.mockReset().mockResolvedValue(undefined);
    reportRecordsOf(adapter, (cleanup) => (stop = cleanup));
  });
  afterEach(() => stop());

  const validCommand = fc.oneof(
    fc.record({ type: fc.constant('page/display'), display: fc.record({ launcher: fc.boolean(), placement: fc.constantFrom('side-panel', 'docked') }) }),
    fc.record({ type: fc.constant('page/docked'), action: fc.constantFrom('open', 'close', 'toggle') }),
    fc.constant({ type: 'page/read' }),
  );
  const notOurPage = fc.oneof(
    fc.string().filter((id) => id !== fakeBrowser.runtime.id).map((id) => ({ id, url: `chrome-extension://${id}/options.html` })),
    // Another tab's content script of this extension: its URL is the CRM page's.
    fc.constant({ id: 'test-extension-id', url: validSnapshot.url, tab: { id: 3 }, frameId: 0 }),
    fc.webUrl().map((url) => ({ url })),
    fc.constant({}),
  );

  it('ignores valid commands from anyone but this extension’s pages', async () => {
    await fc.assert(
      fc.asyncProperty(validCommand, notOurPage, async (command, sender) => {
        await trigger(command, sender);
      }),
      { numRuns: 100 },
    );
    expect(ui.show).not.toHaveBeenCalled();
    expect(ui.dock).not.toHaveBeenCalled();
    expect(watch.readNow).not.toHaveBeenCalled();
  });

  it('answers a read request through sendResponse once the read is done, and a failed read not at all', async () => {
    const sendResponse = vi.fn();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'page/read' }, ourPage(), sendResponse);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true }));
    watch.readNow.mockRejectedValueOnce(new Error('page gone'));
    sendResponse.mockClear();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'page/read' }, ourPage(), sendResponse);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it('acts on exactly the well-formed commands of this extension’s pages', async () => {
    const near = fc.oneof(
      validCommand,
      fc.record({ type: fc.constantFrom('page/display', 'page/docked', 'page/read'), display: fc.anything(), action: fc.oneof(fc.string(), fc.nat({ max: 60 }).map(corpusText)) }, { requiredKeys: ['type'] }),
      fc.anything(),
    );
    await fc.assert(
      fc.asyncProperty(near, async (message) => {
        ui.show.mockClear();
        ui.dock.mockClear();
        watch.readNow.mockClear();
        await trigger(message, ourPage());
        const parsed = PageCommandSchema.safeParse(message);
        if (!parsed.success) {
          expect(ui.show).not.toHaveBeenCalled();
          expect(ui.dock).not.toHaveBeenCalled();
          expect(watch.readNow).not.toHaveBeenCalled();
        } else if (parsed.data.type === 'page/display') expect(ui.show).toHaveBeenCalledWith(parsed.data.display);
        else if (parsed.data.type === 'page/docked') expect(ui.dock).toHaveBeenCalledWith(parsed.data.action);
        else expect(watch.readNow).toHaveBeenCalledOnce();
      }),
      { numRuns: 300 },
    );
  });
});
