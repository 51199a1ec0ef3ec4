import { browser } from 'wxt/browser';
import { readsContactLists } from '@/lib/enrich/vocabulary';
import type { RecordSnapshot } from '@/lib/crm/snapshot';
import type { PageStateMessage } from '@/lib/messaging/protocol';
import { activeRulesFor } from '@/lib/deal/active-page-rules';
import type { PageRule } from '@/lib/page-rules/schema';
import { requestRead } from './read-request';
import { readTabState } from './tab-states';

// Decides when a CRM tab gets the enricher (entrypoints/enricher.ts): the page
// rules and the label reader that complete what the content script's adapter
// read, kept out of the content script every CRM page loads. Injected into the
// reporting frame of a record page whose read misses parts or contact details,
// whose adapter found no contacts at all (the enricher may find them in a list
// labelled as contacts), or that page rules exist for; once per document (the page's isolated world
// keeps it until the document goes), on hosts the extension may run on. The
// rules are handed to it as data, then the content script is asked to read
// again, now enriched.

/** The built enricher (WXT unlisted script). */
export const ENRICHER_FILE = '/enricher.js';

/** The document a content script reported from. `documentId` where the browser gives one (Chromium); Firefox gives none. */
export interface ReportingDocument {
  tabId: number;
  frameId: number;
  documentId?: string;
}

/** What was injected in a tab, kept in storage.session so a restarted service worker does not inject again. */
interface Injected {
  frameId: number;
  documentId?: string;
  /** The record type whose rules the enricher holds. */
  objectType: string;
}

const keyOf = (tabId: number) => `enricher:${tabId}`;

async function readInjected(tabId: number): Promise<Injected | undefined> {
  const stored = (await browser.storage.session.get(keyOf(tabId)))[keyOf(tabId)] as Partial<Injected> | undefined;
  return typeof stored?.objectType === 'string' && typeof stored.frameId === 'number'
    ? { frameId: stored.frameId, objectType: stored.objectType, ...(typeof stored.documentId === 'string' ? { documentId: stored.documentId } : {}) }
    : undefined;
}

/**
 * True when the enricher has something to add to `snapshot`: a part or a
 * contact detail the adapter missed, contacts a known adapter found none of
 * (a record without contacts then costs one injection per document), or page rules.
 */
export function needsEnrichment(snapshot: RecordSnapshot, rules: readonly PageRule[]): boolean {
  const noContacts = snapshot.contacts.length === 0 && snapshot.adapter === snapshot.crm && readsContactLists(snapshot.crm);
  return snapshot.missing.length > 0 || (snapshot.unreadContactDetails?.length ?? 0) > 0 || noContacts || rules.length > 0;
}

/**
 * Hands `rules` to the enricher in the page; -1 when there is none (a new
 * document). Runs in the page, serialised by `scripting.executeScript`: it
 * names the enricher's global itself (ENRICHER_GLOBAL in
 * lib/crm/enrich-registration.ts) and may use nothing from this module.
 */
export function handRules(rules: unknown): number {
  const enricher = (globalThis as { __ironTriangleEnricher?: { setRules?: (rules: unknown) => number } }).__ironTriangleEnricher;
  return typeof enricher?.setRules === 'function' ? enricher.setRules(rules) : -1;
}

/** True when the extension may run scripts on the page at `url`: a built-in CRM host, or one the user granted. */
async function mayRunOn(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [`${new URL(url).origin}/*`] });
  } catch {
    return false;
  }
}

/** Hands `rules` to the enricher of the frame, injecting it first when the frame has none. */
async function injectWithRules(frame: ReportingDocument, rules: readonly PageRule[], installed: boolean): Promise<void> {
  const target = { tabId: frame.tabId, frameIds: [frame.frameId] };
  const hand = async () => (await browser.scripting.executeScript({ target, func: handRules, args: [rules] }))[0]?.result;
  if (installed && (await hand()) !== -1) return;
  await browser.scripting.executeScript({ target, files: [ENRICHER_FILE] });
  await hand();
}

/**
 * Gives the frame the enricher if its record needs it and it has none yet,
 * and the rules of its record type when it shows another type than before.
 * `force`: hand the rules again, and ask for a read, whatever was injected.
 */
async function enrichRecord(frame: ReportingDocument, snapshot: RecordSnapshot, force = false): Promise<void> {
  const injected = await readInjected(frame.tabId);
  const sameDocument = injected !== undefined && injected.frameId === frame.frameId && injected.documentId === frame.documentId;
  if (sameDocument && injected.objectType === snapshot.objectType && !force) return;
  const rules = await activeRulesFor(snapshot.crm, snapshot.host, snapshot.objectType);
  if (!sameDocument && !needsEnrichment(snapshot, rules)) return;
  if (!(await mayRunOn(snapshot.url))) return;
  await injectWithRules(frame, rules, sameDocument);
  const record: Injected = { frameId: frame.frameId, objectType: snapshot.objectType, ...(frame.documentId ? { documentId: frame.documentId } : {}) };
  await browser.storage.session.set({ [keyOf(frame.tabId)]: record });
  // The read that brought this state was made without the enricher, or without these rules.
  if (!sameDocument || rules.length > 0 || force) await requestRead(frame.tabId);
}

/** Work on one tab runs in order: two quick states must not inject twice. */
const queues = new Map<number, Promise<void>>();

function queued(tabId: number, work: () => Promise<void>): Promise<void> {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(work).catch(() => undefined); // a tab gone, a page refusing scripts: no enrichment
  queues.set(tabId, next);
  void next.then(() => {
    if (queues.get(tabId) === next) queues.delete(tabId);
  });
  return next;
}

/**
 * Called with each page state the background accepted. A record gets the
 * enricher when it needs it (see above). Any other state from a browser that
 * gives no document id may come from a new document (a reload): the enricher
 * is then taken as gone, and injected again for the next record that needs it.
 */
export function enrichReportedPage(frame: ReportingDocument, state: PageStateMessage['state']): Promise<void> {
  return queued(frame.tabId, async () => {
    if (state.kind === 'record') await enrichRecord(frame, state.snapshot);
    else if (frame.documentId === undefined) await browser.storage.session.remove(keyOf(frame.tabId));
  });
}

/**
 * Hands the tab's enricher the rules as they are now (after a rule was saved,
 * imported or removed) and reads the record again; injects the enricher when
 * the record now has rules and had none. Nothing for a tab showing no record.
 */
export function refreshEnrichment(tabId: number): Promise<void> {
  return queued(tabId, async () => {
    const state = await readTabState(tabId);
    if (state.kind !== 'record') return;
    const injected = await readInjected(tabId);
    await enrichRecord({ tabId, frameId: injected?.frameId ?? 0, ...(injected?.documentId ? { documentId: injected.documentId } : {}) }, state.snapshot, true);
  });
}

/** After the options changed the rules (a removal, an import, the policy): every open tab's enricher gets them now, not at its next page. */
export async function refreshEveryEnrichment(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.flatMap((tab) => (tab.id === undefined ? [] : [refreshEnrichment(tab.id)])));
}
