import type { NoteMention } from '../engines/note-mentions';
import { getDatabase } from '../store/connection';
import { publish } from './client';
import { assignMember, decideSuggestion, unassignMember } from '../store/facts';

// What the panel writes. Extension pages share the extension's IndexedDB with
// the background, so they write directly and then tell other open pages.

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
  await publish({ type: 'broadcast/facts', recordKey });
}

export async function rejectSuggestion(recordKey: string, fieldId: string, mention: NoteMention, now: number): Promise<void> {
  await decideSuggestion(await getDatabase(), { recordKey, noteId: mention.noteId, fieldId, decision: 'rejected', decidedAt: now });
  await publish({ type: 'broadcast/facts', recordKey });
}

export async function assign(recordKey: string, roleId: string, personId: string, now: number): Promise<void> {
  await assignMember(await getDatabase(), recordKey, roleId, personId, now);
  await publish({ type: 'broadcast/facts', recordKey });
}

export async function unassign(recordKey: string, roleId: string, personId: string): Promise<void> {
  await unassignMember(await getDatabase(), recordKey, roleId, personId);
  await publish({ type: 'broadcast/facts', recordKey });
}
