import type { StoredNote } from '@/lib/store/rows';
import { getLocale, t } from '@/lib/i18n';
import type { Loadable } from './hooks/useTabRecord';

/** Only web pages are linked; anything else (javascript:, data:, file:) is shown as text. */
function safeHref(url: string): string | undefined {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function NoteItem({ note }: { note: StoredNote }) {
  const href = safeHref(note.url);
  const when = new Date(note.capturedAt).toLocaleString(getLocale());
  return (
    <li className="note" data-testid="note">
      <p className="note-text">{note.text}</p>
      <p className="note-meta">
        <time dateTime={new Date(note.capturedAt).toISOString()}>{when}</time>
        {' · '}
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer" title={t('noteSourceLink')}>
            {note.pageTitle || note.url}
          </a>
        ) : (
          <span>{note.pageTitle || note.url}</span>
        )}
      </p>
    </li>
  );
}

export function NotesList({ notes }: { notes: Loadable<StoredNote[]> }) {
  return (
    <section className="notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('notesHeading')}</h2>
      {notes.status === 'loading' && <p className="muted">{t('panelLoading')}</p>}
      {notes.status === 'error' && (
        <p className="error" role="alert">
          {t('notesError')}
        </p>
      )}
      {notes.status === 'ready' &&
        (notes.value.length === 0 ? (
          <p className="muted">{t('notesEmpty')}</p>
        ) : (
          <ul data-testid="notes-list">
            {notes.value.map((note) => (
              <NoteItem key={note.id} note={note} />
            ))}
          </ul>
        ))}
    </section>
  );
}
