import { useState, type FormEvent } from 'react';
import { INFLUENCE_LEVELS, STANCES, type Influence, type Stance } from '@/lib/domain/stakeholder';
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

export interface NewStakeholder {
  name: string;
  title?: string;
  stance: Stance;
  influence: Influence;
  ourOwner?: string;
  lastEngagedAt?: number;
}

/** A person at the customer for one decision-chain role: who, stance, influence, our owner, last contact. */
export function StakeholderForm({ roleLabel, directory, onSave, onCancel }: { roleLabel: string; directory: readonly Person[]; onSave: (person: NewStakeholder) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [stance, setStance] = useState<Stance>('unknown');
  const [influence, setInfluence] = useState<Influence>('unknown');
  const [owner, setOwner] = useState('');
  const [lastEngaged, setLastEngaged] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const engaged = lastEngaged ? Date.parse(`${lastEngaged}T12:00:00Z`) : NaN;
    onSave({
      name: name.trim(),
      ...(title.trim() ? { title: title.trim() } : {}),
      stance,
      influence,
      ...(owner ? { ourOwner: owner } : {}),
      ...(Number.isFinite(engaged) ? { lastEngagedAt: engaged } : {}),
    });
  };
  return (
    <form className="stakeholder-form" onSubmit={submit} aria-label={t('stakeholderAdd', roleLabel)} data-testid="stakeholder-form">
      <label>
        {t('stakeholderName')} <input required maxLength={200} value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <label>
        {t('stakeholderTitle')} <input maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label>
        {t('stakeholderStance')}{' '}
        <select value={stance} onChange={(event) => setStance(event.target.value as Stance)}>
          {STANCES.map((value) => (
            <option key={value} value={value}>
              {t(STANCE_LABEL[value])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('stakeholderInfluence')}{' '}
        <select value={influence} onChange={(event) => setInfluence(event.target.value as Influence)}>
          {INFLUENCE_LEVELS.map((value) => (
            <option key={value} value={value}>
              {t(INFLUENCE_LABEL[value])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('stakeholderOwner')}{' '}
        <select value={owner} onChange={(event) => setOwner(event.target.value)}>
          <option value="">{t('stakeholderNoOwner')}</option>
          {directory.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('stakeholderLastEngaged')} <input type="date" value={lastEngaged} onChange={(event) => setLastEngaged(event.target.value)} />
      </label>
      <p>
        <button type="submit">{t('stakeholderSave')}</button>{' '}
        <button type="button" className="secondary" onClick={onCancel}>
          {t('valueCancel')}
        </button>
      </p>
    </form>
  );
}
