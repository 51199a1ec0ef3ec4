import { useEffect, useId, useState } from 'react';
import { explain } from '@/lib/domain/explain';
import { getLocale, t } from '@/lib/i18n';
import { formatFigure } from '@/lib/i18n/format';
import { tryNote, type LabResult, type LabTrigger } from '@/lib/engines/lab';
import { loadActivePlaybook } from '@/lib/deal/active-policy';
import type { Playbook } from '@/lib/playbook/schema';
import { getDatabase } from '@/lib/store/connection';
import { isConfiguration, useStoredData } from '@/components/hooks/useStoredData';
import { LoadError, Loading } from '@/components/LoadState';

/** Long enough to let a typist finish a word, short enough to feel live; reading one note takes a few milliseconds. */
export const LAB_DEBOUNCE_MS = 150;

/**
 * The playbook lab: a note pasted here goes through the panel's own code
 * (`tryNote`: the facts it proposes, the roles it brings in) against the
 * playbook in force. Nothing is stored and nothing leaves the device.
 */
export function PlaybookLab() {
  const { data, reload } = useStoredData('playbook', () => getDatabase().then(loadActivePlaybook), isConfiguration);
  const playbook = data.status === 'ready' ? data.value.playbook : null;
  const [text, setText] = useState('');
  const [tried, setTried] = useState<{ text: string; playbook: Playbook; result: LabResult } | null>(null);
  const noteId = useId();

  useEffect(() => {
    if (playbook === null) return;
    const timer = setTimeout(() => setTried({ text, playbook, result: tryNote(playbook, text, { now: Date.now() }) }), LAB_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, playbook]);

  const result = tried !== null && tried.playbook === playbook && tried.text.trim() !== '' ? tried.result : null;
  return (
    <section aria-labelledby="lab-heading" data-testid="playbook-lab">
      <h2 id="lab-heading">{t('labTitle')}</h2>
      <p className="small muted">{t('labIntro')}</p>
      <div className="value-editor">
        <label htmlFor={noteId}>{t('labNoteLabel')}</label>
        <textarea id={noteId} rows={5} value={text} onChange={(event) => setText(event.target.value)} spellCheck={false} />
      </div>
      {data.status === 'loading' && <Loading text={t('optionsLoading')} />}
      {data.status === 'error' && <LoadError text={t('playbookLoadError')} retry={reload} />}
      <div aria-live="polite" data-testid="lab-results">
        {playbook !== null && (result === null ? <p className="muted">{t('labEmpty')}</p> : <LabResults playbook={playbook} result={result} />)}
      </div>
    </section>
  );
}

function LabResults({ playbook, result }: { playbook: Playbook; result: LabResult }) {
  const locale = getLocale();
  if (result.proposals.length === 0 && result.triggers.length === 0) return <p data-testid="lab-nothing">{t('labNothing')}</p>;
  const requirements = new Map(playbook.requirements.map((requirement) => [requirement.id, requirement]));
  const teamTriggers = result.triggers.filter((trigger) => trigger.side === 'team');
  const customerTriggers = result.triggers.filter((trigger) => trigger.side === 'customer');
  return (
    <>
      <h3>{t('labProposals')}</h3>
      {result.proposals.length === 0 ? (
        <p className="muted">{t('labNone')}</p>
      ) : (
        <ul data-testid="lab-proposals">
          {result.proposals.map((proposal) => (
            <li key={proposal.requirementId} data-requirement={proposal.requirementId}>
              <strong>{requirements.get(proposal.requirementId)?.label[locale] ?? proposal.requirementId}</strong>
              {t('labSeparator')}
              <span>{proposal.value}</span>
              {proposal.figures.length > 0 && (
                <span className="small muted" data-testid="lab-figures">
                  {' '}
                  {t('labFigures', proposal.figures.map(formatFigure).join(t('labListSeparator')))}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('labTeamRoles')}</h3>
      <RoleList testId="lab-team-roles" triggers={teamTriggers} labels={new Map(playbook.teamRoles.map((role) => [role.id, role.label[locale]]))} playbook={playbook} />
      <h3>{t('labCustomerRoles')}</h3>
      <RoleList
        testId="lab-customer-roles"
        triggers={customerTriggers}
        labels={new Map(playbook.decisionRoles.map((role) => [role.id, role.label[locale]]))}
        playbook={playbook}
      />
    </>
  );
}

/** One line per role, with each reason the note gives for it: level, from which stage, and the playbook's words. */
function RoleList({ testId, triggers, labels, playbook }: { testId: string; triggers: LabTrigger[]; labels: Map<string, string>; playbook: Playbook }) {
  const locale = getLocale();
  if (triggers.length === 0) return <p className="muted">{t('labNone')}</p>;
  const roles = [...new Set(triggers.map((trigger) => trigger.role))];
  const stageLabel = (id: string) => playbook.stages.find((stage) => stage.id === id)?.label[locale] ?? id;
  return (
    <ul data-testid={testId}>
      {roles.map((role) => (
        <li key={role} data-role={role}>
          <strong>{labels.get(role) ?? role}</strong>
          <ul>
            {triggers
              .filter((trigger) => trigger.role === role)
              .map((trigger, index) => (
                <li key={index} className="small">
                  {t(
                    trigger.onceAccepted ? 'labTriggerOnceAccepted' : 'labTrigger',
                    t(trigger.level === 'required' ? 'labRequired' : 'labSuggested'),
                    stageLabel(trigger.stage),
                    explain(trigger.because, locale),
                  )}
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
