import { useState } from 'react';
import type { Person } from '@/lib/domain/team';
import type { DecisionChainReport, Severity } from '@/lib/engines/decision-chain';
import { t, type MessageKey } from '@/lib/i18n';
import type { StakeholderAnnotations } from '@/lib/domain/stakeholder';
import type { ClassifiedStakeholder } from '@/lib/engines/stakeholders';
import { formatDay, formatNumber } from '@/lib/i18n/format';
import type { StakeholderSave } from '@/lib/panel/actions';
import type { StoredStakeholder } from '@/lib/store/rows';
import { ownerName, StakeholderEditor } from './StakeholderEditor';
import { INFLUENCE_LABEL, STANCE_LABEL, StakeholderForm, type NewStakeholder } from './StakeholderForm';
import { say, type PlaybookLabels } from './text';

const SEVERITY: Record<Severity, MessageKey> = { high: 'severityHigh', medium: 'severityMedium', low: 'severityLow' };

/** The customer's decision chain against the people we know: gaps first, each with its next step. */
export function DecisionChainSection({
  report,
  labels,
  directory,
  stored,
  addStakeholder,
  annotate,
}: {
  report: DecisionChainReport;
  labels: PlaybookLabels;
  directory: readonly Person[];
  /** The stored versions of the people, whose `updatedAt` an edit is based on. */
  stored: readonly StoredStakeholder[];
  addStakeholder: (roleId: string, person: NewStakeholder) => void;
  annotate: (person: ClassifiedStakeholder, annotations: StakeholderAnnotations, basedOn: number | null) => Promise<StakeholderSave>;
}) {
  const [addingFor, setAddingFor] = useState<string | null>(null);
  // Which person is edited, and the stored version the edit started from.
  const [editing, setEditing] = useState<{ id: string; seen: number | null } | null>(null);
  const nameOf = new Map(report.stakeholders.map((person) => [person.id, person.name]));
  return (
    <section aria-labelledby="decision-chain-heading" data-testid="decision-chain-section">
      <h2 id="decision-chain-heading">{t('sectionDecisionChain')}</h2>
      <h3>{t('gapsHeading')}</h3>
      {report.gaps.length === 0 ? (
        <p className="muted">{t('noGaps')}</p>
      ) : (
        <ul className="gaps">
          {report.gaps.map((gap, index) => (
            <li key={`${gap.kind}-${gap.roleId ?? ''}-${gap.stakeholderId ?? ''}-${index}`} className={`gap-item severity-${gap.severity}`} data-testid="gap" data-kind={gap.kind} data-role={gap.roleId}>
              <span className={`badge badge-${gap.severity}`}>{t(SEVERITY[gap.severity])}</span> {say(gap.explanation)}
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
          ))}
        </ul>
      )}
      <h3>{t('stakeholdersHeading', formatNumber(report.stakeholders.length))}</h3>
      {report.stakeholders.length === 0 ? (
        <p className="muted small">{t('stakeholdersEmpty')}</p>
      ) : (
        <ul className="coverage small" data-testid="stakeholders">
          {report.stakeholders.map((person) => (
            <li key={person.id} data-testid="stakeholder" data-source={person.source}>
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
              {editing?.id === person.id ? (
                <StakeholderEditor
                  name={person.name}
                  initial={person}
                  directory={directory}
                  save={(annotations, basedOn) => annotate(person, annotations, basedOn ?? editing.seen)}
                  close={() => setEditing(null)}
                />
              ) : (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('stakeholderEditLabel', person.name)}
                  onClick={() => setEditing({ id: person.id, seen: stored.find((row) => row.id === person.id)?.updatedAt ?? null })}
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
                : t('roleUncovered', labels.decisionRole(role.roleId))}
            </li>
          ))}
      </ul>
    </section>
  );
}
