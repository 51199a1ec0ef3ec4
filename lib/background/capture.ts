import { recordKey } from '../crm/snapshot';
import type { Database } from '../store/db';
import { MAX_NOTE_CHARS } from '../store/note-schema';
import { addNote } from '../store/notes';
import type { TabState } from '../messaging/protocol';

export interface CaptureInput {
  /** The selection as read from the page (full text), or the menu's selectionText as a fallback. */
  text: string;
  pageTitle: string;
  pageUrl: string;
  /** State of the tab the selection came from. */
  tabState: TabState;
  now: number;
  newId: () => string;
}

export type CaptureOutcome =
  | { outcome: 'saved'; recordKey: string | null; noteId: string }
  | { outcome: 'empty' }
  | { outcome: 'too-long'; length: number }
  | { outcome: 'failed'; error: string };

/**
 * Stores a selection as a customer note of the tab's record, or in the inbox
 * when the tab shows none. Resolves 'saved' only after the write committed.
 */
export async function captureNote(db: Database, input: CaptureInput): Promise<CaptureOutcome> {
  if (input.text.trim() === '') return { outcome: 'empty' };
  // Refused, never cut: a truncated meeting note would silently lose its end.
  if (input.text.length > MAX_NOTE_CHARS) return { outcome: 'too-long', length: input.text.length };

  const record = input.tabState.kind === 'record' ? input.tabState.snapshot : undefined;
  const note = {
    id: input.newId(),
    text: input.text,
    pageTitle: input.pageTitle.slice(0, 2_000),
    url: input.pageUrl.slice(0, 4_096),
    capturedAt: input.now,
    ...(record ? { recordKey: recordKey(record), recordName: record.name ?? record.recordId } : {}),
  };
  try {
    await addNote(db, note);
  } catch (error) {
    return { outcome: 'failed', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  return { outcome: 'saved', recordKey: note.recordKey ?? null, noteId: note.id };
}
