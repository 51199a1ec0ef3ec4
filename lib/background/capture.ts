import { recordKey } from '@/lib/crm/snapshot';
import type { Database } from '@/lib/store/db';
import { MAX_NOTE_CHARS } from '@/lib/store/rows';
import { saveNote } from '@/lib/store/notes';
import { saveNoteWithOutbox } from '@/lib/store/outbox';
import type { TabState } from '@/lib/messaging/protocol';
import { dequeue, enqueue, pendingNotes, type QueuedNote } from './capture-queue';

export interface CaptureInput {
  /** The selection as read from the page (full text), or the menu's selectionText as a fallback. */
  text: string;
  pageTitle: string;
  pageUrl: string;
  /** State of the tab the selection came from. */
  tabState: TabState;
  now: number;
  newId: () => string;
  /**
   * The Salesforce opportunity the note also goes to, when the tab's record is one
   * of the connected org (the caller decides: see org-match.ts).
   */
  salesforceOpportunityId?: string;
}

export type CaptureOutcome =
  /** `toSalesforce`: an outbox entry was written with the note. */
  | { outcome: 'saved'; recordKey: string | null; noteId: string; toSalesforce: boolean }
  | { outcome: 'empty' }
  | { outcome: 'too-long'; length: number }
  /** Not in the store yet, but safe in the capture queue; written again later. */
  | { outcome: 'queued'; noteId: string; error: string }
  /** The browser's storage quota is exhausted; the note waits in the queue. */
  | { outcome: 'quota'; noteId: string }
  /** Could not even be queued: nothing was stored. */
  | { outcome: 'failed'; error: string };

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
const isQuotaError = (error: unknown) => error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message));

/** Writes a note to the store, with its outbox entry if it has one; resolves the id of the note kept (a repeated capture keeps the first). */
async function store(db: Database, { salesforce, ...note }: QueuedNote): Promise<string> {
  if (salesforce && note.recordKey !== undefined) return saveNoteWithOutbox(db, { ...note, recordKey: note.recordKey }, salesforce.opportunityId, salesforce.outboxId);
  return saveNote(db, note);
}

/** Writes a queued note to the store, then lets go of its queue entry. */
async function commitQueued(db: Database, note: QueuedNote): Promise<void> {
  await store(db, note);
  await dequeue(note.id);
}

/**
 * Stores a selection as a customer note of the tab's record, or in the inbox
 * when the tab shows none. Resolves 'saved' only after the write committed.
 */
export async function captureNote(db: Database, input: CaptureInput): Promise<CaptureOutcome> {
  if (input.text.trim() === '') return { outcome: 'empty' };
  // Refused, never cut: a truncated meeting note would silently lose its end.
  if (input.text.length > MAX_NOTE_CHARS) return { outcome: 'too-long', length: input.text.length };

  const record = input.tabState.kind === 'record' ? input.tabState.snapshot : undefined;
  const note: QueuedNote = {
    id: input.newId(),
    text: input.text,
    pageTitle: input.pageTitle.slice(0, 2_000),
    url: input.pageUrl.slice(0, 4_096),
    capturedAt: input.now,
    ...(record ? { recordKey: recordKey(record), recordName: record.name ?? record.recordId } : {}),
    ...(record && input.salesforceOpportunityId ? { salesforce: { opportunityId: input.salesforceOpportunityId, outboxId: input.newId() } } : {}),
  };
  // The queue (storage.local) and the store (IndexedDB) are written at once, not one after the other:
  // either keeps the note, and the user is told only once both have settled (`store.capture` in
  // `npm run bench`). The queue entry goes once the store has the note.
  const [queued, stored] = await Promise.allSettled([enqueue(note), store(db, note)]);
  if (stored.status === 'fulfilled') {
    // Not waited for: the note is durable already, and a leftover entry is written again harmlessly.
    if (queued.status === 'fulfilled') void dequeue(note.id).catch(() => undefined);
    return { outcome: 'saved', recordKey: note.recordKey ?? null, noteId: stored.value, toSalesforce: note.salesforce !== undefined };
  }
  if (queued.status === 'rejected') return { outcome: 'failed', error: isQuotaError(queued.reason) ? 'QuotaExceededError' : describe(queued.reason) };
  return isQuotaError(stored.reason) ? { outcome: 'quota', noteId: note.id } : { outcome: 'queued', noteId: note.id, error: describe(stored.reason) };
}

/** Writes every note still in the queue; returns how many were committed now. */
export async function flushCaptureQueue(db: Database): Promise<number> {
  let committed = 0;
  for (const note of await pendingNotes()) {
    try {
      await commitQueued(db, note);
      committed++;
    } catch {
      // Still queued; the next start or capture tries again.
    }
  }
  return committed;
}
