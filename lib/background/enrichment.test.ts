import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installEnricher } from '@/lib/enrich/enricher';
import { ENRICHER_GLOBAL } from '@/lib/crm/enrich-registration';
import type { RecordSnapshot } from '@/lib/crm/snapshot';
import type { PageRule } from '@/lib/page-rules/schema';
import { writePageRules } from '@/lib/page-rules/store';
import { getDatabase } from '@/lib/store/connection';
import { ENRICHER_FILE, enrichReportedPage, handRules, needsEnrichment, refreshEnrichment, refreshEveryEnrichment } from './enrichment';
import { writeTabState } from './tab-states';

const TAB = 4;
const HOST = 'acme.lightning.force.com';

const snapshot = (overrides: Partial<RecordSnapshot> = {}): RecordSnapshot => ({
  crm: 'salesforce',
  adapter: 'salesforce',
  host: HOST,
  url: `https://${HOST}/lightning/r/Opportunity/0065g00000AbCdEAAV/view`,
  objectType: 'Opportunity',
  recordId: '0065g00000AbCdEAAV',
  fields: [],
  // Read in full: a record whose adapter found no contacts brings the enricher (see needsEnrichment).
  contacts: [{ name: 'Mona Adel', title: 'Chief Executive Officer', role: 'Decision Maker', email: 'mona.adel@alexport.example' }],
  missing: [],
  readAt: 1,
  ...overrides,
});
const record = (overrides: Partial<RecordSnapshot> = {}) => ({ kind: 'record' as const, snapshot: snapshot(overrides) });
const notRead = { kind: 'unrecognised' as const, reason: 'not-read-yet' as const, adapter: 'salesforce' };

const stageRule: PageRule = {
  id: 'stage-1',
  crm: 'salesforce',
  host: HOST,
  objectType: 'Opportunity',
  part: 'stage',
  locator: { kind: 'beside-label', label: 'Phase' },
  origin: 'user',
  createdAt: 1,
};

/** What the page would answer: whether an enricher is installed there (once the file was injected). */
let pageHasEnricher: boolean;
let executeScript: ReturnType<typeof vi.fn>;
let granted: boolean;
let readsAsked: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  fakeBrowser.reset();
  await writePageRules(await getDatabase(), []);
  pageHasEnricher = false;
  granted = true;
  executeScript = vi.fn(async (injection: { files?: string[]; func?: (rules: unknown) => number; args?: unknown[] }) => {
    if (injection.files) pageHasEnricher = true;
    return [{ frameId: 0, result: injection.func ? (pageHasEnricher ? ((injection.args?.[0] as unknown[]) ?? []).length : -1) : undefined }];
  });
  Object.assign(fakeBrowser, { scripting: { executeScript } });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => granted);
  readsAsked = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true } as never);
});
afterEach(() => {
  Reflect.deleteProperty(fakeBrowser, 'scripting');
});

const injectedFiles = () => executeScript.mock.calls.filter(([injection]) => injection.files).map(([injection]) => injection);
const handedRules = () => executeScript.mock.calls.filter(([injection]) => injection.func).map(([injection]) => injection.args[0] as PageRule[]);

describe('when the enricher is injected', () => {
  it('injects it into the reporting frame of a record with a missing part, hands it the rules and asks for a read', async () => {
    await enrichReportedPage({ tabId: TAB, frameId: 0, documentId: 'doc-1' }, record({ missing: ['stage'] }));
    expect(injectedFiles()).toEqual([{ target: { tabId: TAB, frameIds: [0] }, files: [ENRICHER_FILE] }]);
    expect(handedRules()).toEqual([[]]);
    expect(readsAsked).toHaveBeenCalledWith(TAB, { type: 'page/read' }, { frameId: 0 });
  });

  it('injects it for unread contact details, and for page rules of the record type, with those rules', async () => {
    await enrichReportedPage({ tabId: TAB, frameId: 0, documentId: 'doc-1' }, record({ unreadContactDetails: ['role'] }));
    expect(injectedFiles()).toHaveLength(1);

    await writePageRules(await getDatabase(), [stageRule, { ...stageRule, id: 'other-type', objectType: 'Account' }, { ...stageRule, id: 'other-host', host: 'other.lightning.force.com' }]);
    await enrichReportedPage({ tabId: TAB + 1, frameId: 0, documentId: 'doc-2' }, record());
    expect(injectedFiles()).toHaveLength(2);
    expect(handedRules().at(-1)).toEqual([stageRule]);
  });

  it('injects it once per document into a record whose adapter found no contacts, and asks for a read', async () => {
    const document = { tabId: TAB, frameId: 0, documentId: 'doc-1' };
    await enrichReportedPage(document, record({ contacts: [] }));
    await enrichReportedPage(document, record({ contacts: [], readAt: 2 })); // the enriched read found none either
    expect(injectedFiles()).toHaveLength(1);
    expect(readsAsked).toHaveBeenCalledTimes(1);
  });

  it('does not inject into a record read in full without rules, nor into a page that is no record', async () => {
    await enrichReportedPage({ tabId: TAB, frameId: 0, documentId: 'doc-1' }, record());
    await enrichReportedPage({ tabId: TAB, frameId: 0, documentId: 'doc-1' }, notRead);
    expect(executeScript).not.toHaveBeenCalled();
    expect(readsAsked).not.toHaveBeenCalled();
  });

  it('does not inject on a host the extension may not run on', async () => {
    granted = false;
    await enrichReportedPage({ tabId: TAB, frameId: 0, documentId: 'doc-1' }, record({ missing: ['stage'] }));
    expect(executeScript).not.toHaveBeenCalled();
    expect(fakeBrowser.permissions.contains).toHaveBeenCalledWith({ origins: [`https://${HOST}/*`] });
  });

  it('injects once per document, whatever the states that follow, and again in a new document', async () => {
    const document = { tabId: TAB, frameId: 0, documentId: 'doc-1' };
    await Promise.all([
      enrichReportedPage(document, record({ missing: ['stage'] })),
      enrichReportedPage(document, record({ missing: ['stage'], readAt: 2 })),
    ]);
    await enrichReportedPage(document, record({ missing: [], sources: { stage: 'label' } }));
    await enrichReportedPage(document, notRead);
    await enrichReportedPage(document, record({ missing: ['amount'] }));
    expect(injectedFiles()).toHaveLength(1);
    expect(readsAsked).toHaveBeenCalledTimes(1);

    pageHasEnricher = false; // the tab loaded a new document
    await enrichReportedPage({ ...document, documentId: 'doc-2' }, record({ missing: ['stage'] }));
    expect(injectedFiles()).toHaveLength(2);
  });

  it('without document ids (Firefox), takes a state that is no record for a possible new document', async () => {
    const document = { tabId: TAB, frameId: 0 };
    await enrichReportedPage(document, record({ missing: ['stage'] }));
    await enrichReportedPage(document, record({ missing: ['stage'], readAt: 2 }));
    expect(injectedFiles()).toHaveLength(1);

    pageHasEnricher = false; // reloaded: the new document first says it has not read its record yet
    await enrichReportedPage(document, notRead);
    await enrichReportedPage(document, record({ missing: ['stage'] }));
    expect(injectedFiles()).toHaveLength(2);
  });

  it('hands the rules of another record type shown in the same document, injecting again if the enricher has gone', async () => {
    await writePageRules(await getDatabase(), [{ ...stageRule, objectType: 'Account', id: 'account-rule' }]);
    const document = { tabId: TAB, frameId: 0 };
    await enrichReportedPage(document, record({ missing: ['stage'] }));
    await enrichReportedPage(document, record({ objectType: 'Account' }));
    expect(handedRules().map((rules) => rules.map((rule) => rule.id))).toEqual([[], ['account-rule']]);
    expect(injectedFiles()).toHaveLength(1);
    expect(readsAsked).toHaveBeenCalledTimes(2);

    pageHasEnricher = false; // a reload the states did not show
    await enrichReportedPage(document, record({ objectType: 'Opportunity', missing: ['stage'] }));
    expect(injectedFiles()).toHaveLength(2);
  });

  it('survives a page that refuses scripts', async () => {
    executeScript.mockRejectedValue(new Error('Cannot access contents of the page'));
    await expect(enrichReportedPage({ tabId: TAB, frameId: 0 }, record({ missing: ['stage'] }))).resolves.toBeUndefined();
    expect(readsAsked).not.toHaveBeenCalled();
  });
});

describe('refreshing a tab after its rules changed', () => {
  it('hands the enricher the new rules and reads again', async () => {
    await writeTabState(TAB, record({ missing: ['stage'] }));
    await enrichReportedPage({ tabId: TAB, frameId: 0, documentId: 'doc-1' }, record({ missing: ['stage'] }));
    await writePageRules(await getDatabase(), [stageRule]);
    await refreshEnrichment(TAB);
    expect(handedRules()).toEqual([[], [stageRule]]);
    expect(injectedFiles()).toHaveLength(1);
    expect(readsAsked).toHaveBeenCalledTimes(2);
  });

  it('injects the enricher into a record that now has a rule, and leaves other tabs alone', async () => {
    await writeTabState(TAB, record());
    await writePageRules(await getDatabase(), [stageRule]);
    await refreshEnrichment(TAB);
    expect(injectedFiles()).toHaveLength(1);
    expect(handedRules()).toEqual([[stageRule]]);

    await refreshEnrichment(TAB + 1); // no record there
    expect(executeScript).toHaveBeenCalledTimes(2);
  });

  it('after the options changed the rules, hands them to every open tab that shows a record', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: TAB }, { id: TAB + 1 }, {}] as never);
    await writeTabState(TAB, record({ missing: ['stage'] }));
    await enrichReportedPage({ tabId: TAB, frameId: 0, documentId: 'doc-1' }, record({ missing: ['stage'] }));
    await writePageRules(await getDatabase(), [stageRule]); // an import
    await refreshEveryEnrichment();
    expect(handedRules()).toEqual([[], [stageRule]]);
    await writePageRules(await getDatabase(), []); // a removal
    await refreshEveryEnrichment();
    expect(handedRules()).toEqual([[], [stageRule], []]);
    expect(readsAsked).toHaveBeenCalledTimes(3);
  });
});

describe('the rule hand-over, run in the page', () => {
  afterEach(() => Reflect.deleteProperty(globalThis, ENRICHER_GLOBAL));

  it('reaches the enricher the injected script registers, which keeps only valid rules', () => {
    expect(handRules([stageRule])).toBe(-1);
    installEnricher();
    expect(handRules([stageRule, { ...stageRule, id: 'NOT VALID' }, { ...stageRule, id: 'classy', locator: { kind: 'selector', selector: '.hashed_1x' } }])).toBe(1);
  });
});

describe('needsEnrichment', () => {
  it('is true for a missing part, an unread contact detail or a rule only', () => {
    expect(needsEnrichment(snapshot(), [])).toBe(false);
    expect(needsEnrichment(snapshot({ unreadContactDetails: [] }), [])).toBe(false);
    expect(needsEnrichment(snapshot({ missing: ['owner'] }), [])).toBe(true);
    expect(needsEnrichment(snapshot({ unreadContactDetails: ['title'] }), [])).toBe(true);
    expect(needsEnrichment(snapshot(), [stageRule])).toBe(true);
  });

  it('is true for a record whose known adapter found no contacts, as the enricher may read them from a labelled list', () => {
    expect(needsEnrichment(snapshot({ contacts: [] }), [])).toBe(true);
    expect(needsEnrichment(snapshot({ crm: 'dynamics', adapter: 'dynamics', contacts: [] }), [])).toBe(true);
    // Not for a CRM whose vocabulary names no contact list columns (Pipedrive), nor one the user defined.
    expect(needsEnrichment(snapshot({ crm: 'pipedrive', adapter: 'pipedrive', contacts: [] }), [])).toBe(false);
    expect(needsEnrichment(snapshot({ crm: 'custom-acme', adapter: 'custom-acme', contacts: [] }), [])).toBe(false);
  });
});
