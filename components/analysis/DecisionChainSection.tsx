import type { DecisionChainReport, Severity } from '@/lib/engines/decision-chain';
import { t, type MessageKey } from '@/lib/i18n';
import { say, type PlaybookLabels } from './text';

const SEVERITY: Record<Severity, MessageKey> = { high: 'severityHigh', medium: 'severityMedium', low: 'severityLow' };

/** The customer's decision chain against the people we know: gaps first, each with its next step. */
export function DecisionChainSection({ report, labels }: { report: DecisionChainReport; labels: PlaybookLabels }) {
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
            </li>
          ))}
        </ul>
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
