import type { CrmAdapter, RecordRef } from './adapter';
import { withEnrichment } from './enrich-registration';
import { MAX_CONTACTS, MAX_FIELDS } from './limits';
import type { PageState, UnrecognisedReason } from './page-state';

export interface PageReading {
  state: PageState;
  /** The element holding the record in view, for the observer; null when none rendered. */
  root: Element | null;
}

/** The record `url` names when `adapter` reads its type (from the URL alone: cheap), else why not. May throw. */
function readableRecord(adapter: CrmAdapter, url: URL, doc: Document): RecordRef | UnrecognisedReason {
  const ref = adapter.recognize(url, doc);
  if (!ref) return 'not-a-record-page';
  if (adapter.objectTypes !== 'any' && !adapter.objectTypes.includes(ref.objectType)) return 'unsupported-object';
  return ref;
}

/**
 * What `adapter` makes of the page at `url`. Runs in the content script on
 * every change, so it never throws: an adapter failure is reported as a page
 * the adapter could not read.
 */
export function readPage(adapter: CrmAdapter, url: URL, doc: Document, now: number): PageReading {
  const unrecognised = (reason: UnrecognisedReason): PageReading => ({
    state: { kind: 'unrecognised', reason, adapter: adapter.id },
    root: null,
  });
  try {
    const ref = readableRecord(adapter, url, doc);
    if (typeof ref === 'string') return unrecognised(ref);
    const root = adapter.findRecordRoot(doc, ref);
    if (!root) return unrecognised('record-not-rendered');
    // Completed by page rules and the label reader when the background injected them (entrypoints/enricher.ts).
    const extraction = withEnrichment({ crm: adapter.id, host: url.host, objectType: ref.objectType }, root, adapter.extract(root, ref));
    return {
      root,
      state: {
        kind: 'record',
        snapshot: {
          ...extraction,
          // Bounded here as well as in the adapter: the background refuses oversized snapshots.
          fields: extraction.fields.slice(0, MAX_FIELDS),
          contacts: extraction.contacts.slice(0, MAX_CONTACTS),
          crm: adapter.id,
          adapter: adapter.id,
          host: url.host,
          url: url.href,
          objectType: ref.objectType,
          recordId: ref.recordId,
          readAt: now,
        },
      },
    };
  } catch {
    return unrecognised('record-not-rendered');
  }
}

/**
 * What to say of a record page before reading it: that it is one and has not
 * been read yet. Null when `url` is no record page `adapter` reads (that is
 * cheap to say: `readPage` tells it from the URL alone). Never throws.
 */
export function recordPageNotRead(adapter: CrmAdapter, url: URL, doc: Document): PageState | null {
  try {
    return typeof readableRecord(adapter, url, doc) === 'string' ? null : { kind: 'unrecognised', reason: 'not-read-yet', adapter: adapter.id };
  } catch {
    return null;
  }
}

/** A key that changes exactly when what the user would see changes (the read time aside). */
export function pageStateKey(state: PageState): string {
  return JSON.stringify(state.kind === 'record' ? { ...state.snapshot, readAt: 0 } : state);
}

/** What a record page shows, whichever record the URL names: its key without the record's id, address and read time. */
export function recordContentKey(state: Extract<PageState, { kind: 'record' }>): string {
  return JSON.stringify({ ...state.snapshot, recordId: '', url: '', readAt: 0 });
}
