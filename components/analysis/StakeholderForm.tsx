import { useState, type FormEvent } from 'react';
import { INFLUENCE_LEVELS, STANCES, type Influence, type Stance, type StakeholderAnnotations } from '@/lib/domain/stakeholder';
import type { Person } from '@/lib/domain/team';
import { t, type MessageKey } from '@/lib/i18n';

export const STANCE_LABEL: Record<Stance, MessageKey> = {
  supporter: 'stanceSupporter',
  neutral: 'stanceNeutral',
  opponent: 'stanceOpponent',
  unknown: 'stanceUnknown',
};
export const INFLUENCE_LABEL: Record<Influence, MessageKey> = {
  high: 'influenceHigh',
  medium: 'influenceMedium',
  low: 'influenceLow',
  unknown: 'influenceUnknown',
};

/** The annotations as the form's controls hold them: the owner as a select value, the day as an <input type=date> value. */
export interface AnnotationDraft {
  stance: Stance;
  influence: Influence;
  owner: string;
  lastEngaged: string;
}

export const EMPTY_DRAFT: AnnotationDraft = { stance: 'unknown', influence: 'unknown', owner: '', lastEngaged: '' };

export function draftOf(annotations: StakeholderAnnotations): AnnotationDraft {
  return {
    stance: annotations.stance,
    influence: annotations.influence,
    owner: annotations.ourOwner ?? '',
    lastEngaged: annotations.lastEngagedAt === undefined ? '' : new Date(annotations.lastEngagedAt).toISOString().slice(0, 10),
  };
}

export function annotationsOf(draft: AnnotationDraft): StakeholderAnnotations {
  // Noon UTC: the day picked is the day shown in every time zone.
  const engaged = draft.lastEngaged ? Date.parse(`${draft.lastEngaged}T12:00:00Z`) : NaN;
  return {
    stance: draft.stance,
    influence: draft.influence,
    ...(draft.owner ? { ourOwner: draft.owner } : {}),
    ...(Number.isFinite(engaged) ? { lastEngagedAt: engaged } : {}),
  };
}

/** Stance, influence, our owner and last engagement: what the team knows about a person, whoever listed them. */
export function AnnotationFields({ draft, onChange, directory }: { draft: AnnotationDraft; onChange: (draft: AnnotationDraft) => void; directory: readonly Person[] }) {
  const ownerKnown = draft.owner === '' || directory.some((person) => person.id === draft.owner);
  return (
    <>
      <label>
        {t('stakeholderStance')}{' '}
        <select value={draft.stance} onChange={(event) => onChange({ ...draft, stance: event.target.value as Stance })}>
          {STANCES.map((value) => (
            <option key={value} value={value}>
              {t(STANCE_LABEL[value])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('stakeholderInfluence')}{' '}
        <select value={draft.influence} onChange={(event) => onChange({ ...draft, influence: event.target.value as Influence })}>
          {INFLUENCE_LEVELS.map((value) => (
            <option key={value} value={value}>
              {t(INFLUENCE_LABEL[value])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('stakeholderOwner')}{' '}
        <select value={draft.owner} onChange={(event) => onChange({ ...draft, owner: event.target.value })}>
          <option value="">{t('stakeholderNoOwner')}</option>
          {/* An owner who left the directory stays selectable, so saving other fields does not drop them silently. */}
          {!ownerKnown && <option value={draft.owner}>{draft.owner}</option>}
          {directory.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('stakeholderLastEngaged')} <input type="date" value={draft.lastEngaged} onChange={(event) => onChange({ ...draft, lastEngaged: event.target.value })} />
      </label>
    </>
  );
}

export interface NewStakeholder extends StakeholderAnnotations {
  name: string;
  title?: string;
}

/** A person at the customer for one decision-chain role: who, stance, influence, our owner, last contact. */
export function StakeholderForm({ roleLabel, directory, onSave, onCancel }: { roleLabel: string; directory: readonly Person[]; onSave: (person: NewStakeholder) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ name: name.trim(), ...(title.trim() ? { title: title.trim() } : {}), ...annotationsOf(draft) });
  };
  return (
    <form className="stakeholder-form" onSubmit={submit} aria-label={t('stakeholderAdd', roleLabel)} data-testid="stakeholder-form">
      <label>
        {t('stakeholderName')} <input required maxLength={200} value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <label>
        {t('stakeholderTitle')} <input maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <AnnotationFields draft={draft} onChange={setDraft} directory={directory} />
      <p>
        <button type="submit">{t('stakeholderSave')}</button>{' '}
        <button type="button" className="secondary" onClick={onCancel}>
          {t('valueCancel')}
        </button>
      </p>
    </form>
  );
}
