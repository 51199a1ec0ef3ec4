import { browser } from 'wxt/browser';
import { StoredNoteSchema, type StoredNote } from '../store/rows';

// A capture is first written here (storage.local, on disk) and only then to
// IndexedDB; it leaves the queue once IndexedDB committed it. A service worker
// stopped in between, or a write that failed, leaves the note here to be
// written again at the next start or capture. Nothing is lost either way.

const PREFIX = 'captureQueue:';

export async function enqueue(note: StoredNote): Promise<void> {
  await browser.storage.local.set({ [PREFIX + note.id]: note });
}

export async function dequeue(noteId: string): Promise<void> {
  await browser.storage.local.remove(PREFIX + noteId);
}

/** Notes still waiting to be written, oldest first. Entries that fail validation are dropped. */
export async function pendingNotes(): Promise<StoredNote[]> {
  const all = await browser.storage.local.get(null);
  const pending: StoredNote[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PREFIX)) continue;
    const parsed = StoredNoteSchema.safeParse(value);
    if (parsed.success) pending.push(parsed.data);
    else await browser.storage.local.remove(key);
  }
  return pending.sort((a, b) => a.capturedAt - b.capturedAt);
}
