import type { ReactNode } from 'react';
import type { StoredNote } from '@/lib/store/rows';
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/format';

/** Only web pages are linked; anything else (javascript:, data:, file:) is shown as text. */
function safeHref(url: string): string | undefined {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** One note: its text, when and where it was captured, and the actions the list offers for it. */
export function NoteItem({ note, children }: { note: StoredNote; children?: ReactNode }) {
  const href = safeHref(note.url);
  return (
    <article className="note" data-testid="note">
      <p className="note-text">{note.text}</p>
      <p className="note-meta">
        {note.author && (
          <>
            <span data-testid="note-author">{note.author.name ? t('noteAuthorSalesforce', note.author.name) : t('noteAuthorUnknown')}</span>
            {' · '}
          </>
        )}
        <time dateTime={new Date(note.capturedAt).toISOString()}>{formatDateTime(note.capturedAt)}</time>
        {(note.pageTitle || note.url) && ' · '}
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer" title={t('noteSourceLink')}>
            {note.pageTitle || note.url}
          </a>
        ) : (
          <span>{note.pageTitle || note.url}</span>
        )}
      </p>
      {children && <div className="note-actions">{children}</div>}
    </article>
  );
}
