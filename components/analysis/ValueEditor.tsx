import { useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n';
import type { ValueSave } from '@/lib/panel/actions';
import { EditorActions } from './ConflictNotice';

export interface ValueEditorProps {
  label: string;
  initialValue: string;
  initialConfirmed: boolean;
  /** Saves based on `basedOn` (null: the newest value the panel shows); resolves with the outcome. */
  save(value: string, confirmed: boolean, basedOn: number | null): Promise<ValueSave>;
  close(): void;
}

/** Edits a requirement value; a concurrent save elsewhere is shown and decided by the user, never overwritten silently. */
export function ValueEditor({ label, initialValue, initialConfirmed, save, close }: ValueEditorProps) {
  const [value, setValue] = useState(initialValue);
  const [confirmed, setConfirmed] = useState(initialConfirmed);
  const [conflict, setConflict] = useState<{ value: string; setAt: number } | null>(null);
  const [failed, setFailed] = useState(false);

  const submit = (basedOn: number | null) =>
    save(value, confirmed, basedOn).then(
      (result) => (result.ok ? close() : setConflict(result.conflict)),
      () => setFailed(true),
    );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFailed(false);
    void submit(null);
  };

  return (
    <form className="value-editor" onSubmit={onSubmit} data-testid="value-editor">
      <label>
        <span className="visually-hidden">{t('valueLabel', label)}</span>
        {/* Opened by a press on "Add a value" or a next action: the user's next keys are the value. */}
        <textarea autoFocus value={value} onChange={(event) => setValue(event.target.value)} rows={3} maxLength={20_000} required aria-label={t('valueLabel', label)} />
      </label>
      <label className="small">
        <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} /> {t('valueConfirmed')}
      </label>
      <EditorActions
        conflictText={conflict ? t('valueConflict', conflict.value) : null}
        saveMine={() => {
          if (conflict) void submit(conflict.setAt);
        }}
        close={close}
        failed={failed}
      />
    </form>
  );
}
