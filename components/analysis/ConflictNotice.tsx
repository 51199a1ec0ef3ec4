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
