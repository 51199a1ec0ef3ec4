import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { validSnapshot } from '@/test/support/snapshots';
import { catalogsForTest } from '@/lib/i18n';
import { writeLanguagePreference } from '@/lib/i18n/preference';
import { MAX_PAGE_RULES, type PageRule } from '@/lib/page-rules/schema';
import { readPageRules, writePageRules } from '@/lib/page-rules/store';
import { getDatabase } from '@/lib/store/connection';
import { refreshEnrichment } from './enrichment';
import { mayPointIn, pointAtIt } from './point-at-it';
import { handleMessage } from './router';
import { writeTabState } from './tab-states';

// Re-reading the tab with the new rule is the enricher's job (enrichment.ts): watched, not run.
vi.mock('./enrichment', () => ({ refreshEnrichment: vi.fn(async () => undefined) }));

const TAB = 9;
const HOST = validSnapshot.host;
const STAGE_SELECTOR = '[data-testid="deal-stage"]';

/** What the picker's `start` answers in the page; `inject` fails the file injection when set. */
let answer: unknown;
let inject: Error | null;
let tabUrl: string | undefined;
const executeScript = vi.fn(async (injection: { files?: string[]; args?: unknown[] }) => {
  if (injection.files) {
    if (inject) throw inject;
    return [{ frameId: 0, result: undefined }];
  }
  return [{ frameId: 0, result: answer }];
});

const rule = (overrides: Partial<PageRule>): PageRule => ({
  id: 'r1',
  crm: 'salesforce',
  host: HOST,
  objectType: 'Opportunity',
  part: 'stage',
  locator: { kind: 'beside-label', label: 'Stage' },
  origin: 'user',
  createdAt: 1,
  ...overrides,
});

beforeEach(async () => {
  fakeBrowser.reset();
  answer = { locator: { kind: 'selector', selector: STAGE_SELECTOR }, preview: 'Needs Analysis' };
  inject = null;
  tabUrl = validSnapshot.url;
  executeScript.mockClear();
  vi.mocked(refreshEnrichment).mockClear();
  // fakeBrowser has no scripting; its tabs.get knows no tabs: stand-ins for the CRM tab.
  Object.assign(fakeBrowser, { scripting: { executeScript } });
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => {
    if (id !== TAB || tabUrl === 'gone') throw new Error(`No tab with id: ${id}`);
    return { id, url: tabUrl } as never;
  });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
  const db = await getDatabase();
  await writePageRules(db, []);
  await writeLanguagePreference(db, 'en');
  await writeTabState(TAB, { kind: 'record', snapshot: { ...validSnapshot, stage: undefined, missing: ['stage'] } });
});
afterEach(() => {
  Reflect.deleteProperty(fakeBrowser, 'scripting');
});

const stored = async () => readPageRules(await getDatabase());

describe('pointing at a value', () => {
  it('injects the picker into the record’s frame only when asked, starts it with the banner, and keeps the rule', async () => {
    const result = await pointAtIt(TAB, 'stage', 1_000, () => 'new-rule');
    expect(result).toEqual({ outcome: 'saved', part: 'stage', preview: 'Needs Analysis' });
    const [first, second] = executeScript.mock.calls.map(([injection]) => injection);
    expect(first).toMatchObject({ target: { tabId: TAB, frameIds: [0] }, files: ['/picker.js'] });
    expect(second).toMatchObject({ target: { tabId: TAB, frameIds: [0] } });
    const [name, options] = (second as { args: [string, Record<string, string>] }).args;
    expect(name).toBe('__ironTrianglePicker');
    expect(options).toEqual({
      part: 'stage',
      banner: catalogsForTest.en.pointBanner.message.replace('$1', 'stage'),
      cancelHint: catalogsForTest.en.pointCancelHint.message,
      unusableHint: catalogsForTest.en.pointUnusable.message,
    });
    expect(await stored()).toEqual([
      { id: 'new-rule', crm: 'salesforce', host: HOST, objectType: 'Opportunity', part: 'stage', locator: { kind: 'selector', selector: STAGE_SELECTOR }, origin: 'user', createdAt: 1_000 },
    ]);
    expect(refreshEnrichment).toHaveBeenCalledWith(TAB);
  });

  it('says the banner in the language the user chose', async () => {
    await writeLanguagePreference(await getDatabase(), 'zh-CN');
    await pointAtIt(TAB, 'amount');
    const options = (executeScript.mock.calls[1]?.[0] as { args: [string, Record<string, string>] }).args[1];
    expect(options.banner).toBe(catalogsForTest['zh-CN'].pointBanner.message.replace('$1', catalogsForTest['zh-CN'].partAmount.message));
    expect(options.cancelHint).toBe(catalogsForTest['zh-CN'].pointCancelHint.message);
  });

  it('replaces an earlier rule for the same part of that record type on that host, and keeps the others', async () => {
    const kept = [rule({ id: 'amount', part: 'amount' }), rule({ id: 'other-host', host: 'other.lightning.force.com' }), rule({ id: 'every-host', host: '*', origin: 'import' })];
    await writePageRules(await getDatabase(), [rule({ id: 'old-stage' }), ...kept]);
    await pointAtIt(TAB, 'stage', 2, () => 'new-stage');
    expect((await stored()).map((entry) => entry.id)).toEqual(['amount', 'other-host', 'every-host', 'new-stage']);
  });

  it('takes CRM, host and record type from the tab, whatever the page answers besides the locator', async () => {
    answer = { locator: { kind: 'beside-label', label: 'Phase' }, preview: 'x', crm: 'hubspot', host: 'evil.example', origin: 'policy', objectType: 'Account' };
    await pointAtIt(TAB, 'stage', 3, () => 'r');
    expect(await stored()).toEqual([expect.objectContaining({ crm: 'salesforce', host: HOST, objectType: 'Opportunity', origin: 'user', locator: { kind: 'beside-label', label: 'Phase' } })]);
  });

  it('cuts a long preview to what the panel shows', async () => {
    answer = { locator: { kind: 'selector', selector: STAGE_SELECTOR }, preview: 'x'.repeat(5_000) };
    const result = await pointAtIt(TAB, 'stage');
    expect(result).toMatchObject({ outcome: 'saved', preview: 'x'.repeat(200) });
  });
});

describe('nothing is stored', () => {
  it('when the user cancels', async () => {
    answer = { cancelled: true };
    expect(await pointAtIt(TAB, 'stage')).toEqual({ outcome: 'cancelled' });
    expect(await stored()).toEqual([]);
    expect(refreshEnrichment).not.toHaveBeenCalled();
  });

  it.each([
    ['a class selector', { locator: { kind: 'selector', selector: '.slds-path__item.is-current' }, preview: 'x' }],
    ['a selector list', { locator: { kind: 'selector', selector: '[data-a], body' }, preview: 'x' }],
    ['nested :has()', { locator: { kind: 'selector', selector: 'div:has(span:has(b))' }, preview: 'x' }],
    ['a label with bidi overrides', { locator: { kind: 'beside-label', label: 'Stage\u202e' }, preview: 'x' }],
  ])('when the picker’s answer is not a safe rule: %s', async (_, unsafe) => {
    answer = unsafe;
    expect(await pointAtIt(TAB, 'stage')).toEqual({ outcome: 'failed', reason: 'unusable-rule' });
    expect(await stored()).toEqual([]);
  });

  it.each([
    ['nothing', undefined],
    ['null (no picker in the frame)', null],
    ['a string', '<img src=x onerror=alert(1)>'],
    ['a locator of an unknown kind', { locator: { kind: 'xpath', xpath: '//b' }, preview: 'x' }],
    ['a selector over the length limit', { locator: { kind: 'selector', selector: `[data-a="${'a'.repeat(400)}"]` }, preview: 'x' }],
  ])('when the picker answers %s', async (_, garbage) => {
    answer = garbage;
    expect(await pointAtIt(TAB, 'stage')).toEqual({ outcome: 'failed', reason: 'picker-failed' });
    expect(await stored()).toEqual([]);
  });

  it('when the tab is gone', async () => {
    tabUrl = 'gone';
    expect(await pointAtIt(TAB, 'stage')).toEqual({ outcome: 'failed', reason: 'tab-gone' });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('when the extension may not see the tab (no host permission: no URL)', async () => {
    tabUrl = undefined;
    expect(await pointAtIt(TAB, 'stage')).toEqual({ outcome: 'failed', reason: 'no-permission' });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('when the browser refuses to run the picker in the page', async () => {
    inject = new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');
    expect(await pointAtIt(TAB, 'stage')).toEqual({ outcome: 'failed', reason: 'no-permission' });
    expect(await stored()).toEqual([]);
  });

  it('when the tab does not show a record, or shows another host than its record', async () => {
    await writeTabState(TAB, { kind: 'unrecognised', reason: 'not-a-record-page', adapter: 'salesforce' });
    expect(await pointAtIt(TAB, 'stage')).toEqual({ outcome: 'failed', reason: 'not-a-record' });
    await writeTabState(TAB, { kind: 'record', snapshot: validSnapshot });
    tabUrl = 'https://other.lightning.force.com/lightning/page/home';
    expect(await pointAtIt(TAB, 'stage')).toEqual({ outcome: 'failed', reason: 'not-a-record' });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('when the tab moved to another record type while the user pointed', async () => {
    executeScript.mockImplementationOnce(async () => [{ frameId: 0, result: undefined }]);
    executeScript.mockImplementationOnce(async () => {
      await writeTabState(TAB, { kind: 'record', snapshot: { ...validSnapshot, objectType: 'Account' } });
      return [{ frameId: 0, result: answer }];
    });
    expect(await pointAtIt(TAB, 'stage')).toEqual({ outcome: 'failed', reason: 'not-a-record' });
    expect(await stored()).toEqual([]);
  });

  it('when the store is full', async () => {
    const full = Array.from({ length: MAX_PAGE_RULES }, (_, i) => rule({ id: `r${i}`, objectType: `Type${i}` }));
    await writePageRules(await getDatabase(), full);
    expect(await pointAtIt(TAB, 'stage')).toEqual({ outcome: 'failed', reason: 'too-many-rules' });
    expect(await stored()).toHaveLength(MAX_PAGE_RULES);
  });
});

describe('the panel’s request', () => {
  const panel = (extra: object = {}) => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html'), ...extra });
  function send(message: unknown, sender: object): Promise<{ result?: unknown; error?: string } | undefined> {
    return new Promise((resolve) => {
      if (handleMessage(message, sender, (response) => resolve(response as never)) !== true) setTimeout(() => resolve(undefined), 20);
    });
  }

  it('is answered for an extension page with the outcome', async () => {
    expect(await send({ type: 'panel/point-at-it', tabId: TAB, part: 'stage' }, panel())).toEqual({ result: { outcome: 'saved', part: 'stage', preview: 'Needs Analysis' } });
  });

  it.each([
    ['a CRM page', { id: fakeBrowser.runtime.id, url: validSnapshot.url, tab: { id: TAB }, frameId: 0 }],
    ['another extension', { id: 'someone-else', url: 'chrome-extension://someone-else/panel.html' }],
    ['our panel framed in another tab', { tab: { id: TAB + 1 }, frameId: 3 }],
  ])('is refused from %s', async (_, sender) => {
    const from = 'url' in sender ? sender : panel(sender);
    const reply = await send({ type: 'panel/point-at-it', tabId: TAB, part: 'stage' }, from);
    expect(reply?.result).toBeUndefined();
    expect(executeScript).not.toHaveBeenCalled();
  });

  it.each([
    ['a part that is not one', { type: 'panel/point-at-it', tabId: TAB, part: 'contacts' }],
    ['a tab id that is not one', { type: 'panel/point-at-it', tabId: -1, part: 'stage' }],
    ['no part', { type: 'panel/point-at-it', tabId: TAB }],
  ])('is ignored with %s', async (_, message) => {
    expect(await send(message, panel())).toBeUndefined();
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('may come from the docked panel for the tab it is framed in', () => {
    expect(mayPointIn({ tab: { id: TAB }, frameId: 2 }, TAB)).toBe(true);
    expect(mayPointIn({ tab: { id: TAB }, frameId: 2 }, TAB + 1)).toBe(false);
    expect(mayPointIn({}, TAB)).toBe(true);
    expect(mayPointIn({ tab: { id: 40 }, frameId: 0 }, TAB)).toBe(true);
  });
});
