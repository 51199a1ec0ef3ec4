import { browser } from 'wxt/browser';
import { z } from '@/lib/zod/mini';
import { OPPORTUNITY_ID } from '@/lib/salesforce/org-match';
import { StoredNoteSchema } from '@/lib/store/rows';

// A capture is written here (storage.local, on disk) and to IndexedDB at the
// same time; it leaves the queue once IndexedDB committed it. A service worker
// stopped in between, or a write that failed, leaves the note here to be
// written again at the next start or capture. Nothing is lost either way.

const PREFIX = 'captureQueue:';

/**
 * A note on its way to the store. `salesforce`: the note also goes to the connected org,
 * through this outbox entry (written in the same transaction as the note). Entries
 * queued before Salesforce write-back existed have none, and parse as before.
 */
export const QueuedNoteSchema = z.extend(StoredNoteSchema, {
  salesforce: z.optional(z.object({ opportunityId: z.string().check(z.regex(OPPORTUNITY_ID)), outboxId: z.string().check(z.minLength(1), z.maxLength(64)) })),
});
export type QueuedNote = z.infer<typeof QueuedNoteSchema>;

export async function enqueue(note: QueuedNote): Promise<void> {
  await browser.storage.local.set({ [PREFIX + note.id]: note });
}

export async function dequeue(noteId: string): Promise<void> {
  await browser.storage.local.remove(PREFIX + noteId);
}

/** Notes still waiting to be written, oldest first. Entries that fail validation are dropped. */
export async function pendingNotes(): Promise<QueuedNote[]> {
  const all = await browser.storage.local.get(null);
  const pending: QueuedNote[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PREFIX)) continue;
    const parsed = QueuedNoteSchema.safeParse(value);
    if (parsed.success) pending.push(parsed.data);
    else await browser.storage.local.remove(key);
  }
  return pending.sort((a, b) => a.capturedAt - b.capturedAt);
}
