import { useDeferredValue, useState } from 'react';
import { t } from '@/lib/i18n';
import { moveNoteToRecord, removeNote, restoreNote } from '@/lib/panel/actions';
import type { StoredNote } from '@/lib/store/rows';
import { useInbox } from './hooks/useInbox';
import type { Loadable } from './hooks/useTabRecord';
import { NoteItem } from './NoteItem';

/** Notes rendered at once; more on request, so thousands of notes never block the panel. */
const PAGE = 50;

function matches(note: StoredNote, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase();
  return needle === '' || note.text.toLocaleLowerCase().includes(needle) || note.pageTitle.toLocaleLowerCase().includes(needle);
}

/** The record's notes and the inbox: search, move an inbox note here, delete with undo. */
export function NotesSection({ record, notes }: { record: { recordKey: string; name: string }; notes: StoredNote[] }) {
  const inbox = useInbox();
  const [tab, setTab] = useState<'record' | 'inbox'>('record');
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [shown, setShown] = useState(PAGE);
  const [deleted, setDeleted] = useState<StoredNote | null>(null);
  const [failed, setFailed] = useState(false);

  const attempt = (work: Promise<unknown>) => {
    setFailed(false);
    work.catch(() => setFailed(true));
  };
  const inboxNotes: Loadable<StoredNote[]> = inbox;
  const list = tab === 'record' ? notes : inboxNotes.status === 'ready' ? inboxNotes.value : [];
  const visible = list.filter((note) => matches(note, deferredQuery));

  return (
    <section aria-labelledby="notes-heading" data-testid="notes-section">
      <h2 id="notes-heading">{t('notesHeading')}</h2>
      <div role="tablist" className="tabs">
        <button type="button" role="tab" aria-selected={tab === 'record'} className={tab === 'record' ? '' : 'secondary'} onClick={() => setTab('record')}>
          {t('notesTabRecord', String(notes.length))}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'inbox'}
          className={tab === 'inbox' ? '' : 'secondary'}
          onClick={() => setTab('inbox')}
          data-testid="inbox-tab"
        >
          {t('notesTabInbox', inbox.status === 'ready' ? String(inbox.value.length) : '…')}
        </button>
      </div>
      <input type="search" className="search" aria-label={t('notesSearch')} placeholder={t('notesSearch')} value={query} onChange={(event) => setQuery(event.target.value)} />
      {deleted && (
        <p role="status" className="small">
          {t('noteDeleted')}{' '}
          <button type="button" className="link-button" onClick={() => attempt(restoreNote(deleted).then(() => setDeleted(null)))}>
            {t('noteUndo')}
          </button>
        </p>
      )}
      {failed && (
        <p role="alert" className="error small">
          {t('noteActionFailed')}
        </p>
      )}
      {tab === 'inbox' && inbox.status === 'error' && (
        <p role="alert" className="error">
          {t('notesError')}
        </p>
      )}
      {list.length === 0 ? (
        <p className="muted">{tab === 'record' ? t('notesEmpty') : t('inboxEmpty')}</p>
      ) : visible.length === 0 ? (
        <p className="muted">{t('notesNoMatch', deferredQuery)}</p>
      ) : (
        <ul data-testid="notes-list" className="notes-list">
          {visible.slice(0, shown).map((note) => (
            <NoteItem key={note.id} note={note}>
              {tab === 'inbox' && (
                <button type="button" onClick={() => attempt(moveNoteToRecord(note.id, record))}>
                  {t('noteMoveHere')}
                </button>
              )}{' '}
              <button type="button" className="secondary" onClick={() => attempt(removeNote(note.id).then((note) => setDeleted(note ?? null)))}>
                {t('noteDelete')}
              </button>
            </NoteItem>
          ))}
        </ul>
      )}
      {visible.length > shown && (
        <button type="button" className="secondary" onClick={() => setShown(shown + PAGE)}>
          {t('notesShowMore', String(Math.min(PAGE, visible.length - shown)))}
        </button>
      )}
    </section>
  );
}
