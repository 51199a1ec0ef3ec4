import type { Note } from '@/lib/domain/note';
import { compareText } from '@/lib/engines/compare';
import { t } from '@/lib/i18n';
import type { BriefContext } from './context';

// The appendix: every note of the record, oldest first, whole, whether or not
// a person made it a requirement value, so the reader can check a value
// against what was written down and see what else was heard.

/** Requirement ids each note became a value of, by note id. */
function acceptedAs(context: BriefContext): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const field of context.input.analysis.requirements.fields) {
    for (const entry of field.trail) {
      if (entry.source.kind !== 'note') continue;
      const ids = fields.get(entry.source.noteId) ?? [];
      if (!ids.includes(field.requirementId)) ids.push(field.requirementId);
      fields.set(entry.source.noteId, ids);
    }
  }
  return fields;
}

function noteLines(context: BriefContext, note: Note, requirementIds: readonly string[]): string[] {
  const { format } = context;
  const title = note.pageTitle.trim() === '' ? t('briefUntitledPage') : format.text(note.pageTitle);
  const status =
    requirementIds.length === 0
      ? t('briefNoteNotAccepted')
      : t('briefNoteAccepted', context.list(requirementIds.map((id) => context.label.requirement(id))));
  return [
    `- ${format.strong(t('briefLabelValue', context.day(note.capturedAt), title))}${t('briefParenthetical', status)}`,
    ...(note.url.trim() === '' ? [] : [`  ${format.text(note.url)}`]),
    ...format.quote(note.text, '  '),
  ];
}

export function notesAppendix(context: BriefContext): string[] {
  const accepted = acceptedAs(context);
  const notes = [...context.input.notes].sort((a, b) => a.capturedAt - b.capturedAt || compareText(a.id, b.id));
  // A blank line between notes: a note's quote ends before the next note starts.
  return notes.flatMap((note, i) => [...(i > 0 ? [''] : []), ...noteLines(context, note, accepted.get(note.id) ?? [])]);
}
