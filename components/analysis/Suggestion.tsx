import { useId, useState } from 'react';
import type { NoteMention } from '@/lib/engines/note-mentions';
import { t } from '@/lib/i18n';
import { formatFigure } from '@/lib/i18n/format';
import type { Figure } from '@/lib/domain/figure';

/** The figures a value states, normalised, as a short list beside it. */
export function FigureList({ figures }: { figures: readonly Figure[] | undefined }) {
  if (!figures || figures.length === 0) return null;
  return (
    <p className="figures small" data-testid="figures">
      {t('figuresHeading')}{' '}
      {figures.map((figure) => (
        <span key={`${figure.kind}|${figure.start}|${figure.text}`} className="figure" data-kind={figure.kind} title={figure.text}>
          {formatFigure(figure)}
        </span>
      ))}
    </p>
  );
}

/**
 * A note's proposal for a field: the whole statement that states the fact
 * and the figures read from it; accepted as it is, edited first, or rejected
 * (then it is not proposed again and makes nothing required).
 */
export function Suggestion({
  label,
  mention,
  accept,
  reject,
}: {
  /** The requirement's label, for the editor's accessible name. */
  label: string;
  mention: NoteMention;
  accept: (edited?: string) => void;
  reject: () => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const editorId = useId();
  return (
    <div className="suggestion" data-testid="suggestion">
      <p className="small">
        {t('suggestionHeading')} <q>{mention.value}</q>
      </p>
      <FigureList figures={mention.figures} />
      {draft === null ? (
        <>
          <button type="button" onClick={() => accept()}>
            {t('suggestionAccept')}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setDraft(mention.value)}>
            {t('suggestionEdit')}
          </button>{' '}
          <button type="button" className="secondary" onClick={reject}>
            {t('suggestionReject')}
          </button>
        </>
      ) : (
        <>
          <label htmlFor={editorId} className="small">
            {t('suggestionEditLabel', label)}
          </label>
          <textarea id={editorId} value={draft} rows={3} onChange={(event) => setDraft(event.target.value)} />
          <button type="button" disabled={draft.trim() === ''} onClick={() => accept(draft)}>
            {t('suggestionAcceptEdited')}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setDraft(null)}>
            {t('valueCancel')}
          </button>
        </>
      )}
    </div>
  );
}
