import type { Finding, DealFindings } from '@/lib/engines/findings';
import type { Severity, Timing } from '@/lib/engines/severity';
import { t, type MessageKey } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import { say, type PlaybookLabels } from './text';

const SEVERITY_LABEL: Record<Severity, MessageKey> = { high: 'severityHigh', medium: 'severityMedium', low: 'severityLow', check: 'severityCheck' };
const TIMING_LABEL: Record<Timing, MessageKey> = { overdue: 'timingOverdue', due: 'timingDue', early: 'timingEarly' };

const ACTION_LABEL: Record<Finding['action']['kind'], MessageKey> = {
  'add-value': 'actionAddValue',
  'assign-member': 'actionAssignMember',
  'add-person': 'actionAddPerson',
  'edit-person': 'actionEditPerson',
  'review-people': 'actionReviewPeople',
};

/** "High · overdue": how urgent, and where the item stands in its stage window. */
export function UrgencyBadge({ urgency }: { urgency: Finding['urgency'] }) {
  return <span className={`badge badge-${urgency.severity}`}>{t('severityBadge', t(SEVERITY_LABEL[urgency.severity]), t(TIMING_LABEL[urgency.timing]))}</span>;
}

function Item({ finding, labels, start, next }: { finding: Finding; labels: PlaybookLabels; start: (finding: Finding) => void; next: boolean }) {
  return (
    <li
      className={`next-action severity-${finding.urgency.severity}`}
      data-testid={next ? 'next-action' : 'finding'}
      data-kind={finding.kind}
      data-subject={finding.subject}
      data-severity={finding.urgency.severity}
    >
      <div className="requirement-head">
        <strong className="next-action-what">{say(finding.what)}</strong>
        <UrgencyBadge urgency={finding.urgency} />
      </div>
      <p className="small next-action-why">{say(finding.why)}</p>
      <p className="small muted">
        {finding.owner !== undefined && t('nextActionOwner', labels.teamRole(finding.owner))}{' '}
        <button type="button" className="secondary" onClick={() => start(finding)} aria-label={`${t(ACTION_LABEL[finding.action.kind])}: ${say(finding.what)}`}>
          {t(ACTION_LABEL[finding.action.kind])}
        </button>
      </p>
    </li>
  );
}

/**
 * What to do first on this deal: at most three findings, the most urgent
 * first, each with why, whose job it is and one button that starts it; every
 * other finding one click away.
 */
export function NextActions({ findings, labels, start }: { findings: DealFindings; labels: PlaybookLabels; start: (finding: Finding) => void }) {
  const rest = findings.all.filter((finding) => !findings.next.includes(finding));
  return (
    <section aria-labelledby="next-actions-heading" data-testid="next-actions">
      <h2 id="next-actions-heading">{t('nextActionsHeading')}</h2>
      {findings.next.length === 0 ? (
        <p className="muted small">{t('nextActionsNone')}</p>
      ) : (
        <ol className="next-actions">
          {findings.next.map((finding) => (
            <Item key={`${finding.kind}|${finding.subject}`} finding={finding} labels={labels} start={start} next />
          ))}
        </ol>
      )}
      {rest.length > 0 && (
        <details data-testid="all-findings">
          <summary>{t('allFindingsSummary', formatNumber(findings.all.length))}</summary>
          <ol className="next-actions">
            {rest.map((finding) => (
              <Item key={`${finding.kind}|${finding.subject}`} finding={finding} labels={labels} start={start} next={false} />
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
