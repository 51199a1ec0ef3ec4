import type { NoteMention } from '../engines/note-mentions';
import { getDatabase } from '../store/connection';
import { publish } from './client';
import { assignMember, decideSuggestion, unassignMember } from '../store/facts';
import { deleteNote, moveNote, saveNote } from '../store/notes';
import type { StoredNote } from '../store/rows';

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

export async function moveNoteToRecord(noteId: string, record: { recordKey: string; name: string }): Promise<void> {
  await moveNote(await getDatabase(), noteId, record);
  await publish({ type: 'broadcast/notes', recordKey: record.recordKey });
  await publish({ type: 'broadcast/notes', recordKey: null });
}

/** Deletes a note and returns it, for the panel's undo. */
export async function removeNote(noteId: string): Promise<StoredNote | undefined> {
  const deleted = await deleteNote(await getDatabase(), noteId);
  await publish({ type: 'broadcast/notes', recordKey: deleted?.recordKey ?? null });
  return deleted;
}

export async function restoreNote(note: StoredNote): Promise<void> {
  await saveNote(await getDatabase(), note);
  await publish({ type: 'broadcast/notes', recordKey: note.recordKey ?? null });
}
