import { browser } from 'wxt/browser';
import type { NoteMention } from '../engines/note-mentions';
import type { Broadcast } from '../messaging/protocol';
import { getDatabase } from '../store/connection';
import { assignMember, decideSuggestion, unassignMember } from '../store/facts';

// What the panel writes. Extension pages share the extension's IndexedDB with
// the background, so they write directly and then tell other open pages.

async function announce(message: Broadcast): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // No other extension page is listening.
  }
}

export async function acceptSuggestion(recordKey: string, fieldId: string, mention: NoteMention, now: number): Promise<void> {
  await decideSuggestion(
    await getDatabase(),
    { recordKey, noteId: mention.noteId, fieldId, decision: 'accepted', decidedAt: now },
    {
      id: crypto.randomUUID(),
      value: {
        fieldId,
        value: mention.quote,
        source: { kind: 'note', noteId: mention.noteId, quote: mention.quote, url: mention.url },
        confirmedByCustomer: false,
        setBy: '',
        setAt: now,
      },
    },
  );
  await announce({ type: 'broadcast/facts', recordKey });
}

export async function rejectSuggestion(recordKey: string, fieldId: string, mention: NoteMention, now: number): Promise<void> {
  await decideSuggestion(await getDatabase(), { recordKey, noteId: mention.noteId, fieldId, decision: 'rejected', decidedAt: now });
  await announce({ type: 'broadcast/facts', recordKey });
}

export async function assign(recordKey: string, roleId: string, personId: string, now: number): Promise<void> {
  await assignMember(await getDatabase(), recordKey, roleId, personId, now);
  await announce({ type: 'broadcast/facts', recordKey });
}

export async function unassign(recordKey: string, roleId: string, personId: string): Promise<void> {
  await unassignMember(await getDatabase(), recordKey, roleId, personId);
  await announce({ type: 'broadcast/facts', recordKey });
}
