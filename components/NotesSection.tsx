import { useDeferredValue, useId, useMemo, useState } from 'react';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import { moveNoteToRecord, removeNote, restoreNote } from '@/lib/panel/actions';
import type { StoredNote } from '@/lib/store/rows';
import { useInbox } from './hooks/useInbox';
import { LoadError, Loading } from './LoadState';
import { NoteItem } from './NoteItem';
import { VirtualList } from './VirtualList';

/** A note row's usual height before it is measured: two lines of text, the meta line and the actions. */
const NOTE_ROW_ESTIMATE = 112;
/** The note list scrolls within this height, so the sections below stay in reach. */
const NOTE_LIST_HEIGHT = 440;

const noteKey = (note: StoredNote) => note.id;

function matches(note: StoredNote, needle: string): boolean {
  return needle === '' || note.text.toLocaleLowerCase().includes(needle) || note.pageTitle.toLocaleLowerCase().includes(needle);
}

/** The record's notes and the inbox: search, move an inbox note here, delete with undo. Long lists are windowed. */
export function NotesSection({ record, notes }: { record: { recordKey: string; name: string }; notes: StoredNote[] }) {
  const { data: inbox, reload: retryInbox } = useInbox();
  const [tab, setTab] = useState<'record' | 'inbox'>('record');
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [deleted, setDeleted] = useState<StoredNote | null>(null);
  const [failed, setFailed] = useState(false);
  const id = useId();

  const attempt = (work: Promise<unknown>) => {
    setFailed(false);
    work.catch(() => setFailed(true));
  };
  const list = tab === 'record' ? notes : inbox.status === 'ready' ? inbox.value : null;
  const visible = useMemo(() => {
    const needle = deferredQuery.trim().toLocaleLowerCase();
    return list?.filter((note) => matches(note, needle)) ?? [];
  }, [list, deferredQuery]);

  const renderNote = (note: StoredNote) => (
    <NoteItem note={note}>
      {tab === 'inbox' && (
        <button type="button" onClick={() => attempt(moveNoteToRecord(note.id, record))}>
          {t('noteMoveHere')}
        </button>
      )}{' '}
      <button type="button" className="secondary" onClick={() => attempt(removeNote(note.id).then((gone) => setDeleted(gone ?? null)))}>
        {t('noteDelete')}
      </button>
    </NoteItem>
  );

  const tabButton = (which: 'record' | 'inbox', text: string) => (
    <button
      type="button"
      role="tab"
      id={`${id}-${which}`}
      aria-selected={tab === which}
      aria-controls={`${id}-panel`}
      className={tab === which ? '' : 'secondary'}
      onClick={() => setTab(which)}
      data-testid={which === 'inbox' ? 'inbox-tab' : 'record-notes-tab'}
    >
      {text}
    </button>
  );

  return (
    <section aria-labelledby="notes-heading" data-testid="notes-section">
      <h2 id="notes-heading">{t('notesHeading')}</h2>
      <div role="tablist" className="tabs">
        {tabButton('record', t('notesTabRecord', formatNumber(notes.length)))}
        {tabButton('inbox', t('notesTabInbox', inbox.status === 'ready' ? formatNumber(inbox.value.length) : '…'))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`}>
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
        {list === null ? (
          inbox.status === 'error' ? (
            <LoadError text={t('notesError')} retry={retryInbox} />
          ) : (
            <Loading text={t('notesLoading')} />
          )
        ) : list.length === 0 ? (
          <p className="muted">{tab === 'record' ? t('notesEmpty') : t('inboxEmpty')}</p>
        ) : visible.length === 0 ? (
          <p className="muted">{t('notesNoMatch', deferredQuery)}</p>
        ) : (
          <VirtualList
            key={tab} // each list starts at its top
            items={visible}
            itemKey={noteKey}
            renderItem={renderNote}
            label={tab === 'record' ? t('notesListRecord', formatNumber(visible.length)) : t('notesListInbox', formatNumber(visible.length))}
            estimatedRowHeight={NOTE_ROW_ESTIMATE}
            viewportHeight={NOTE_LIST_HEIGHT}
            testId="notes-list"
          />
        )}
      </div>
    </section>
  );
}
