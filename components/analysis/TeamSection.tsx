import { useRef } from 'react';
import type { RoleNeed, TeamReport } from '@/lib/engines/team';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import { bringIntoView, useFocusRequest, type FocusRequest } from './focus';
import { UrgencyBadge } from './NextActions';
import { say, type PlaybookLabels } from './text';

export interface TeamActions {
  assign(roleId: string, personId: string): void;
  unassign(roleId: string, personId: string): void;
}

/** How many candidates to show per role: enough to choose, few enough to scan. */
const SHOWN_CANDIDATES = 3;

function Role({ role, labels, actions, focus }: { role: RoleNeed; labels: PlaybookLabels; actions: TeamActions; focus: FocusRequest | null }) {
  const need = role.need === 'required' ? t('roleRequired') : role.need === 'suggested' ? t('roleSuggested') : t('roleAssignedOnly');
  const item = useRef<HTMLLIElement>(null);
  useFocusRequest(focus, (action) => {
    if (action.kind !== 'assign-member' || action.roleId !== role.roleId) return;
    // The best candidate's button when there is one: choosing stays the user's, one key away.
    bringIntoView(item.current?.querySelector<HTMLElement>('[data-testid=candidate] button') ?? item.current ?? null);
  });
  const teamAssigned = role.assigned.filter((member) => member.source === 'team');
  return (
    <li ref={item} tabIndex={-1} className={`role role-${role.status}`} data-testid="team-role" data-role={role.roleId} data-status={role.status}>
      <div className="requirement-head">
        <span className="requirement-label">{labels.teamRole(role.roleId)}</span>
        <span className={`badge badge-${role.need}`}>{need}</span>
        {role.urgency && <UrgencyBadge urgency={role.urgency} />}
      </div>
      <ul className="reasons small">
        {role.triggers.map((trigger) => (
          <li key={trigger.ruleId} data-testid="role-reason">
            {say(trigger.because)} <span className="muted">— {say(trigger.evidence)}</span>
          </li>
        ))}
      </ul>
      {role.assigned
        .filter((member) => member.source === 'crm-owner')
        .map((member) => (
          <p key={member.personId} className="small" data-testid="assigned-member" data-source="crm-owner">
            {t('roleHeldByOwner', member.name ?? member.personId)}
          </p>
        ))}
      {teamAssigned.map((member) => (
        <p key={member.personId} className="small" data-testid="assigned-member">
          {t('roleAssigned', member.name ?? member.personId)} {member.name === null && <span className="muted">{t('roleFormerMember')}</span>}{' '}
          <button type="button" className="link-button" onClick={() => actions.unassign(role.roleId, member.personId)}>
            {t('unassignButton', member.name ?? member.personId)}
          </button>
        </p>
      ))}
      {role.status === 'gap' && (
        <p className="gap small" data-testid="role-gap">
          {role.gap ? say(role.gap) : t('roleNoCandidates')}
        </p>
      )}
      {role.candidates.length > 0 && role.assigned.length === 0 && (
        <div className="candidates">
          <p className="small muted">{t('candidatesHeading')}</p>
          <ol>
            {role.candidates.slice(0, SHOWN_CANDIDATES).map((candidate) => (
              <li key={candidate.personId} data-testid="candidate">
                <strong>{candidate.name}</strong> <span className="muted small">{t('candidateScore', formatNumber(candidate.score))}</span>
                <p className="small">{candidate.factors.map((factor) => say(factor.explanation)).join('; ')}</p>
                <button type="button" onClick={() => actions.assign(role.roleId, candidate.personId)}>
                  {t('assignButton', candidate.name)}
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
    </li>
  );
}

/** The iron triangle and N-angle roles the playbook calls for, with their reasons and the best-fit people. */
export function TeamSection({
  report,
  labels,
  directorySize,
  actions,
  focus = null,
}: {
  report: TeamReport;
  labels: PlaybookLabels;
  directorySize: number;
  actions: TeamActions;
  /** A next action's request to choose a member for a role. */
  focus?: FocusRequest | null;
}) {
  return (
    <section aria-labelledby="team-heading" data-testid="team-section">
      <h2 id="team-heading">{t('sectionTeam')}</h2>
      {directorySize === 0 && <p className="muted small">{t('directoryEmptyHint')}</p>}
      {report.roles.length === 0 && <p className="muted small">{t('teamNoRoles')}</p>}
      <ul className="roles">
        {report.roles.map((role) => (
          <Role key={role.roleId} role={role} labels={labels} actions={actions} focus={focus} />
        ))}
      </ul>
      {report.undetermined.map((rule) => (
        <p key={rule.ruleIds.join(' ')} className="muted small">
          {say(rule.evidence)}
        </p>
      ))}
    </section>
  );
}
