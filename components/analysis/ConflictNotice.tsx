import { t } from '@/lib/i18n';

/**
 * Someone saved the same thing in another panel while this one was editing:
 * what they saved, and the user's choice to keep it or save theirs on top.
 * Every editor of stored facts shows a conflict this one way.
 */
export function ConflictNotice({ text, keepTheirs, saveMine }: { text: string; keepTheirs: () => void; saveMine: () => void }) {
  return (
    <div role="alert" className="warning small" data-testid="value-conflict">
      <p>{text}</p>
      <button type="button" onClick={keepTheirs}>
        {t('valueKeepTheirs')}
      </button>{' '}
      <button type="button" className="secondary" onClick={saveMine}>
        {t('valueSaveMine')}
      </button>
    </div>
  );
}

/**
 * The foot of an editor of stored facts: Save and Cancel, or — after another
 * panel saved first — the conflict to decide; and what a failed save changed (nothing).
 */
export function EditorActions({ conflictText, saveMine, close, failed }: { conflictText: string | null; saveMine: () => void; close: () => void; failed: boolean }) {
  return (
    <>
      {conflictText !== null ? (
        <ConflictNotice text={conflictText} keepTheirs={close} saveMine={saveMine} />
      ) : (
        <p>
          <button type="submit">{t('valueSave')}</button>{' '}
          <button type="button" className="secondary" onClick={close}>
            {t('valueCancel')}
          </button>
        </p>
      )}
      {failed && (
        <p role="alert" className="error small">
          {t('valueSaveFailed')}
        </p>
      )}
    </>
  );
}
