import { useState, type FormEvent } from 'react';
import type { StakeholderAnnotations } from '@/lib/domain/stakeholder';
import type { Person } from '@/lib/domain/team';
import { t } from '@/lib/i18n';
import { formatDay } from '@/lib/i18n/format';
import type { StakeholderSave } from '@/lib/panel/actions';
import type { StoredStakeholder } from '@/lib/store/rows';
import { EditorActions } from './ConflictNotice';
import { AnnotationFields, annotationsOf, draftOf, INFLUENCE_LABEL, STANCE_LABEL } from './StakeholderForm';

export interface StakeholderEditorProps {
  name: string;
  initial: StakeholderAnnotations;
  directory: readonly Person[];
  /** The deal's other people at the customer, whom this one may report to; without them whom they report to is kept as it is. */
  others?: readonly { id: string; name: string; title?: string | undefined }[];
  /** Saves based on `basedOn` (undefined: the version the panel showed when editing began). */
  save(annotations: StakeholderAnnotations, basedOn?: number): Promise<StakeholderSave>;
  close(): void;
}

/** The owner's name in the directory, or their id if they left it, or "nobody yet". */
export function ownerName(ownerId: string | undefined, directory: readonly Person[]): string {
  if (ownerId === undefined) return t('stakeholderNoOwner');
  return directory.find((person) => person.id === ownerId)?.name ?? ownerId;
}

function conflictText(name: string, theirs: StoredStakeholder, directory: readonly Person[]): string {
  return t(
    'stakeholderConflict',
    name,
    t(STANCE_LABEL[theirs.stance]),
    t(INFLUENCE_LABEL[theirs.influence]),
    ownerName(theirs.ourOwner, directory),
    theirs.lastEngagedAt === undefined ? t('stakeholderNeverEngaged') : formatDay(theirs.lastEngagedAt),
  );
}

/**
 * Edits what the team knows about a person in the decision chain — also a
 * contact the CRM lists, whose name and title stay the CRM's. A save another
 * panel made meanwhile is shown for the user to decide, never overwritten.
 */
export function StakeholderEditor({ name, initial, directory, others, save, close }: StakeholderEditorProps) {
  const [draft, setDraft] = useState(() => draftOf(initial));
  const [reportsTo, setReportsTo] = useState(initial.reportsTo ?? '');
  const [conflict, setConflict] = useState<StoredStakeholder | null>(null);
  const [failed, setFailed] = useState(false);

  const submit = (basedOn?: number) => {
    setFailed(false);
    return save({ ...annotationsOf(draft), ...(reportsTo ? { reportsTo } : {}) }, basedOn).then(
      (result) => (result.ok ? close() : setConflict(result.conflict)),
      () => setFailed(true),
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  return (
    <form className="stakeholder-form" onSubmit={onSubmit} aria-label={t('stakeholderEditLabel', name)} data-testid="stakeholder-editor">
      <AnnotationFields draft={draft} onChange={setDraft} directory={directory} />
      {others && <ReportsToField value={reportsTo} onChange={setReportsTo} others={others} />}
      <EditorActions
        conflictText={conflict ? conflictText(name, conflict, directory) : null}
        saveMine={() => {
          if (conflict) void submit(conflict.updatedAt);
        }}
        close={close}
        failed={failed}
      />
    </form>
  );
}

/** Whom the person reports to: nobody, or one of the deal's other people. */
function ReportsToField({ value, onChange, others }: { value: string; onChange: (id: string) => void; others: NonNullable<StakeholderEditorProps['others']> }) {
  // Someone no longer listed stays selectable, so saving other fields does not drop the line silently.
  const known = value === '' || others.some((person) => person.id === value);
  return (
    <label>
      {t('stakeholderReportsTo')}{' '}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('stakeholderReportsToNobody')}</option>
        {!known && <option value={value}>{value}</option>}
        {others.map((person) => (
          <option key={person.id} value={person.id}>
            {person.title ? t('stakeholderNameWithTitle', person.name, person.title) : person.name}
          </option>
        ))}
      </select>
    </label>
  );
}
