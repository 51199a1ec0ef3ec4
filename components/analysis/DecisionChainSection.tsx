import { useEffect, useRef, useState } from 'react';
import type { Person } from '@/lib/domain/team';
import type { DecisionChainReport } from '@/lib/engines/decision-chain';
import { groupPersonGaps, isCollapsible, peopleWithGap } from '@/lib/engines/findings';
import { t } from '@/lib/i18n';
import type { StakeholderAnnotations } from '@/lib/domain/stakeholder';
import type { ClassifiedStakeholder } from '@/lib/engines/stakeholders';
import { formatDay, formatNumber } from '@/lib/i18n/format';
import type { StakeholderSave } from '@/lib/panel/actions';
import type { StoredStakeholder } from '@/lib/store/rows';
import { DecisionChainMap } from './DecisionChainMap';
import { ownerName, StakeholderEditor } from './StakeholderEditor';
import { INFLUENCE_LABEL, STANCE_LABEL, StakeholderForm, type NewStakeholder } from './StakeholderForm';
import { bringIntoView, useFocusRequest, type FocusRequest } from './focus';
import { UrgencyBadge } from './NextActions';
import { say, type PlaybookLabels } from './text';

/** The customer's decision chain against the people we know: gaps first, each with its next step. */
export function DecisionChainSection({
  report,
  labels,
  directory,
  stored,
  addStakeholder,
  annotate,
  acceptProposal,
  focus = null,
}: {
  report: DecisionChainReport;
  labels: PlaybookLabels;
  directory: readonly Person[];
  /** The stored versions of the people, whose `updatedAt` an edit is based on. */
  stored: readonly StoredStakeholder[];
  addStakeholder: (roleId: string, person: NewStakeholder) => void;
  annotate: (person: ClassifiedStakeholder, annotations: StakeholderAnnotations, basedOn: number | null) => Promise<StakeholderSave>;
  /** Accepts the proposal that `person` holds `roleId` (e.g. a highly influential supporter as coach). */
  acceptProposal?: (person: ClassifiedStakeholder, roleId: string, basedOn: number | null) => void;
  /** A next action's request to add or edit a person. */
  focus?: FocusRequest | null;
}) {
  const [addingFor, setAddingFor] = useState<string | null>(null);
  // Which person is edited, and the stored version the edit started from.
  const [editing, setEditing] = useState<{ id: string; seen: number | null } | null>(null);
  const nameOf = new Map(report.stakeholders.map((person) => [person.id, person.name]));
  const section = useRef<HTMLElement>(null);
  const storedAt = (id: string) => stored.find((row) => row.id === id)?.updatedAt ?? null;
  // A press on the map opens a form in the lists below; once it is rendered, the keyboard focus moves into it.
  const focusAfterRender = useRef<string | null>(null);
  const [focusSeq, setFocusSeq] = useState(0);
  useEffect(() => {
    const selector = focusAfterRender.current;
    if (selector === null) return;
    focusAfterRender.current = null;
    bringIntoView(section.current?.querySelector<HTMLElement>(selector) ?? null);
  }, [focusSeq]);
  const openFromMap = (selector: string, open: () => void) => {
    focusAfterRender.current = selector;
    open();
    setFocusSeq((seq) => seq + 1);
  };
  useFocusRequest(focus, (action) => {
    const find = (selector: string) => section.current?.querySelector<HTMLElement>(selector) ?? null;
    if (action.kind === 'add-person') {
      setAddingFor(action.decisionRoleId);
      bringIntoView(find(`[data-testid=gap][data-role="${CSS.escape(action.decisionRoleId)}"]`));
    } else if (action.kind === 'edit-person') {
      setEditing({ id: action.stakeholderId, seen: storedAt(action.stakeholderId) });
      bringIntoView(find(`[data-testid=stakeholder][data-id="${CSS.escape(action.stakeholderId)}"]`));
    } else if (action.kind === 'review-people') {
      bringIntoView(find('[data-testid=stakeholders]'));
    }
  });
  return (
    <section ref={section} aria-labelledby="decision-chain-heading" data-testid="decision-chain-section">
      <h2 id="decision-chain-heading">{t('sectionDecisionChain')}</h2>
      {report.rolesNotRead && (
        <p className="warning small" data-testid="roles-not-read">
          {say(report.rolesNotRead)}
        </p>
      )}
      <DecisionChainMap
        report={report}
        labels={labels}
        directory={directory}
        addPerson={(roleId) =>
          openFromMap(`[data-testid=gap][data-role="${CSS.escape(roleId)}"] [data-testid=stakeholder-form] input`, () => setAddingFor(roleId))
        }
        editPerson={(id) =>
          openFromMap(`[data-testid=stakeholder][data-id="${CSS.escape(id)}"] [data-testid=stakeholder-editor] select`, () =>
            setEditing((current) => (current?.id === id ? current : { id, seen: storedAt(id) })),
          )
        }
      />
      <h3>{t('gapsHeading')}</h3>
      {report.gaps.length === 0 ? (
        <p className="muted">{t('noGaps')}</p>
      ) : (
        <ul className="gaps">
          {groupPersonGaps(report.gaps).map((group, index) => {
            const gap = group[0]!;
            if (group.length > 1) {
              return (
                <li key={`${gap.kind}-group-${index}`} className={`gap-item severity-${gap.severity}`} data-testid="gap" data-kind={gap.kind} data-severity={gap.severity} data-people={group.length}>
                  <UrgencyBadge urgency={gap.urgency} />{' '}
                  <details>
                    <summary>{isCollapsible(gap.kind) && say(peopleWithGap(gap.kind, group.length))}</summary>
                    <ul className="small">
                      {group.map((member) => (
                        <li key={member.stakeholderId}>{say(member.explanation)}</li>
                      ))}
                    </ul>
                  </details>
                </li>
              );
            }
            return (
              <li key={`${gap.kind}-${gap.roleId ?? ''}-${gap.stakeholderId ?? ''}-${index}`} tabIndex={-1} className={`gap-item severity-${gap.severity}`} data-testid="gap" data-kind={gap.kind} data-role={gap.roleId} data-severity={gap.severity}>
                <UrgencyBadge urgency={gap.urgency} /> {say(gap.explanation)}
                <p className="small">{t('nextActionLabel', say(gap.nextAction))}</p>
                {gap.kind === 'role-uncovered' && gap.roleId && addingFor !== gap.roleId && (
                  <button type="button" className="secondary" onClick={() => setAddingFor(gap.roleId ?? null)}>
                    {t('stakeholderAdd', labels.decisionRole(gap.roleId))}
                  </button>
                )}
                {gap.kind === 'role-uncovered' && gap.roleId && addingFor === gap.roleId && (
                  <StakeholderForm
                    roleLabel={labels.decisionRole(gap.roleId)}
                    directory={directory}
                    onCancel={() => setAddingFor(null)}
                    onSave={(person) => {
                      addStakeholder(gap.roleId as string, person);
                      setAddingFor(null);
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h3>{t('stakeholdersHeading', formatNumber(report.stakeholders.length))}</h3>
      {report.stakeholders.length === 0 ? (
        <p className="muted small">{t('stakeholdersEmpty')}</p>
      ) : (
        <ul className="coverage small" data-testid="stakeholders">
          {report.stakeholders.map((person) => (
            <li key={person.id} tabIndex={-1} data-testid="stakeholder" data-id={person.id} data-source={person.source}>
              {t(
                'stakeholderLine',
                person.name,
                person.roles.map((role) => labels.decisionRole(role.roleId)).join(', ') || person.title || '—',
                t(STANCE_LABEL[person.stance]),
                t(INFLUENCE_LABEL[person.influence]),
                ownerName(person.ourOwner, directory),
              )}{' '}
              <span className="muted" data-testid="last-engaged">
                {person.lastEngagedAt === undefined ? t('stakeholderNeverEngaged') : t('stakeholderLastEngagedOn', formatDay(person.lastEngagedAt))}
              </span>{' '}
              {person.source === 'crm' && <span className="badge badge-crm">{t('stakeholderFromCrm')}</span>}{' '}
              {acceptProposal &&
                report.proposals
                  .filter((proposal) => proposal.stakeholderId === person.id)
                  .map((proposal) => (
                    <span key={proposal.roleId} className="proposal" data-testid="role-proposal" data-role={proposal.roleId}>
                      {say(proposal.because)}{' '}
                      <button type="button" className="secondary" onClick={() => acceptProposal(person, proposal.roleId, storedAt(person.id))}>
                        {t('proposalAccept', labels.decisionRole(proposal.roleId))}
                      </button>{' '}
                    </span>
                  ))}
              {editing?.id === person.id ? (
                <StakeholderEditor
                  name={person.name}
                  initial={person}
                  directory={directory}
                  others={report.stakeholders.filter((other) => other.id !== person.id)}
                  save={(annotations, basedOn) => annotate(person, annotations, basedOn ?? editing.seen)}
                  close={() => setEditing(null)}
                />
              ) : (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('stakeholderEditLabel', person.name)}
                  onClick={() => setEditing({ id: person.id, seen: storedAt(person.id) })}
                >
                  {t('valueEdit')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {report.coverage.members.length > 0 && (
        <>
          <h3>{t('coverageHeading')}</h3>
          <table className="coverage-grid small" data-testid="coverage-grid">
            <thead>
              <tr>
                <th scope="col">{t('rolesCoveredHeading')}</th>
                {report.coverage.members.map((member) => (
                  <th scope="col" key={member.personId}>
                    {member.name ?? member.personId}
                  </th>
                ))}
                <th scope="col">{t('coverageUnowned')}</th>
              </tr>
            </thead>
            <tbody>
              {report.coverage.rows.map((row) => (
                <tr key={row.roleId}>
                  <th scope="row">{labels.decisionRole(row.roleId)}</th>
                  {row.cells.map((cell, index) => (
                    <td key={index}>{cell.map((id) => nameOf.get(id) ?? id).join(', ')}</td>
                  ))}
                  <td>{row.unowned.map((id) => nameOf.get(id) ?? id).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h3>{t('rolesCoveredHeading')}</h3>
      <ul className="coverage small">
        {report.roles
          .filter((role) => role.required || role.stakeholderIds.length > 0)
          .map((role) => (
            <li key={role.roleId} data-testid="decision-role" data-role={role.roleId}>
              {role.stakeholderIds.length > 0
                ? t('roleCoveredBy', labels.decisionRole(role.roleId), role.stakeholderIds.map((id) => nameOf.get(id) ?? id).join(', '))
                : t(report.rolesNotRead ? 'roleNotRead' : 'roleUncovered', labels.decisionRole(role.roleId))}
            </li>
          ))}
      </ul>
    </section>
  );
}
