import type { FindingAction } from '@/lib/engines/findings';
import type { CapturedValue } from '@/lib/engines/requirement-trail';
import { compareUrgency } from '@/lib/engines/severity';
import type { RequirementStatus, RequirementsReport } from '@/lib/engines/requirements';
import type { NoteMention } from '@/lib/engines/note-mentions';
import { t, type MessageKey } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import { useRef, useState } from 'react';
import type { ValueSave } from '@/lib/panel/actions';
import type { StoredDecision } from '@/lib/store/rows';
import { bringIntoView, useFocusRequest, type FocusRequest } from './focus';
import { UrgencyBadge } from './NextActions';
import type { PlaybookLabels } from './text';
import { FigureList, Suggestion } from './Suggestion';
import { ValueEditor } from './ValueEditor';

const STATUS: Record<RequirementStatus['status'], MessageKey> = {
  missing: 'statusMissing',
  captured: 'statusCaptured',
  confirmed: 'statusConfirmed',
  'not-yet-required': 'statusNotYetRequired',
  'no-longer-required': 'statusNoLongerRequired',
};
// Missing first: the point of the section is what the back office still lacks.
const ORDER: Record<RequirementStatus['status'], number> = { missing: 0, captured: 1, confirmed: 2, 'not-yet-required': 3, 'no-longer-required': 4 };

function sourceText(value: CapturedValue): string {
  switch (value.source.kind) {
    case 'crm-field':
      return t(value.confirmedByCustomer ? 'sourceCrmField' : 'sourceCrmFieldUnconfirmed', value.source.fieldLabel);
    case 'note':
      return t('sourceNote');
    case 'manual':
      return t('sourceManual');
  }
}

export interface RequirementActions {
  /** `edited`: the text the user made of the proposal before accepting it. */
  accept(fieldId: string, mention: NoteMention, edited?: string): void;
  reject(fieldId: string, mention: NoteMention): void;
  /** `basedOn`: the newest stored value's time the user saw (null: none). */
  saveValue(fieldId: string, value: string, confirmed: boolean, basedOn: number | null): Promise<ValueSave>;
}

/** When the newest value stored for the field was set; values read live from the CRM page have no time. */
function newestStoredAt(trail: readonly CapturedValue[]): number | null {
  const times = trail.flatMap((entry) => (entry.setAt === undefined ? [] : [entry.setAt]));
  return times.length > 0 ? Math.max(...times) : null;
}

function Field({
  field,
  labels,
  decided,
  actions,
  focus,
}: {
  field: RequirementStatus;
  labels: PlaybookLabels;
  decided: Set<string>;
  actions: RequirementActions;
  focus: FocusRequest | null;
}) {
  // The newest stored value when editing began (a value saved elsewhere after that is a conflict), and the text to start from.
  const [editingSince, setEditingSince] = useState<{ seen: number | null; start: string } | null>(null);
  const item = useRef<HTMLLIElement>(null);
  const editing = editingSince !== null;
  const value = field.trail[0];
  const label = labels.requirement(field.requirementId);
  const seen = newestStoredAt(field.trail);
  const suggestions = field.noteSuggestions.filter((mention) => !decided.has(`${mention.noteId}|${field.requirementId}`));
  const edit = (start = value?.value ?? '') => setEditingSince({ seen, start });
  useFocusRequest(focus, (action: FindingAction) => {
    if (action.kind !== 'add-value' || action.requirementId !== field.requirementId) return;
    edit(field.hints[0]?.value);
    bringIntoView(item.current);
  });
  return (
    <li
      ref={item}
      tabIndex={-1}
      className={`requirement status-${field.status}`}
      data-testid="requirement"
      data-requirement={field.requirementId}
      data-status={field.status}
      data-severity={field.urgency?.severity}
    >
      <div className="requirement-head">
        <span className="requirement-label">{label}</span>
        <span className={`badge badge-${field.status}`}>{t(STATUS[field.status])}</span>
        {field.urgency && <UrgencyBadge urgency={field.urgency} />}
      </div>
      <p className="muted small">
        {t('neededBy', field.neededBy.map(labels.teamRole).join(', '))} · {t('nextActionOwner', labels.teamRole(field.collectedBy))}
      </p>
      {value && !editing && (
        <p className="requirement-value">
          {value.value} <span className="muted small">({sourceText(value)})</span>
        </p>
      )}
      {value && !editing && <FigureList figures={value.figures} />}
      {!value &&
        !editing &&
        field.hints.map((hint) => (
          <p key={`${hint.fieldLabel}|${hint.value}`} className="crm-hint small" data-testid="crm-hint">
            {t('crmHint', hint.value, hint.fieldLabel)}{' '}
            <button type="button" className="link-button" onClick={() => edit(hint.value)}>
              {t('crmHintUse')}
            </button>
          </p>
        ))}
      {editing ? (
        <ValueEditor
          label={label}
          initialValue={editingSince.start}
          initialConfirmed={value?.confirmedByCustomer ?? false}
          save={(text, confirmed, basedOn) => actions.saveValue(field.requirementId, text, confirmed, basedOn ?? editingSince.seen)}
          close={() => setEditingSince(null)}
        />
      ) : (
        <button type="button" className="link-button small" onClick={() => edit()} aria-label={`${value ? t('valueEdit') : t('valueAdd')}: ${label}`}>
          {value ? t('valueEdit') : t('valueAdd')}
        </button>
      )}
      {suggestions.map((mention) => (
        <Suggestion
          key={mention.noteId}
          label={label}
          mention={mention}
          accept={(edited) => actions.accept(field.requirementId, mention, edited)}
          reject={() => actions.reject(field.requirementId, mention)}
        />
      ))}
    </li>
  );
}

/** Which facts the solution and delivery people need at this stage, which are missing, and where each value came from. */
export function RequirementsSection({
  report,
  labels,
  decisions,
  actions,
  focus = null,
}: {
  report: RequirementsReport;
  labels: PlaybookLabels;
  decisions: StoredDecision[];
  actions: RequirementActions;
  /** A next action's request to open a field's editor. */
  focus?: FocusRequest | null;
}) {
  const decided = new Set(decisions.map((decision) => `${decision.noteId}|${decision.fieldId}`));
  // Missing first, the most urgent of them first: the point of the section is what the back office still lacks.
  const sorted = [...report.fields].sort(
    (a, b) => ORDER[a.status] - ORDER[b.status] || (a.urgency && b.urgency ? compareUrgency(a.urgency, b.urgency) : 0),
  );
  const now = sorted.filter((field) => field.status !== 'not-yet-required' && field.status !== 'no-longer-required');
  const later = sorted.filter((field) => field.status === 'not-yet-required');
  const past = sorted.filter((field) => field.status === 'no-longer-required');
  const stageId = report.stage.kind === 'mapped' ? report.stage.stageId : null;
  const current = report.completeness.find((entry) => entry.stageId === stageId);

  return (
    <section aria-labelledby="requirements-heading" data-testid="requirements-section">
      <h2 id="requirements-heading">{t('sectionRequirements')}</h2>
      {current && (
        <p data-testid="completeness">{t('completenessLine', formatNumber(current.captured), formatNumber(current.required), formatNumber(current.confirmed))}</p>
      )}
      {report.nextStage && (
        <p className="small" data-testid="next-stage">
          {report.nextStage.blockers.length > 0
            ? t('nextStageBlockers', labels.stage(report.nextStage.stageId), report.nextStage.blockers.map(labels.requirement).join(', '))
            : t('nextStageReady', labels.stage(report.nextStage.stageId))}
        </p>
      )}
      {now.length === 0 && <p className="muted small">{t('requirementsNoneNow')}</p>}
      <ul className="requirements">
        {now.map((field) => (
          <Field key={field.requirementId} field={field} labels={labels} decided={decided} actions={actions} focus={focus} />
        ))}
      </ul>
      {later.length > 0 && (
        <details>
          <summary>{t('laterFieldsHeading', formatNumber(later.length))}</summary>
          <ul className="requirements">
            {later.map((field) => (
              <Field key={field.requirementId} field={field} labels={labels} decided={decided} actions={actions} focus={focus} />
            ))}
          </ul>
        </details>
      )}
      {past.length > 0 && (
        <details>
          <summary>{t('noLongerFieldsHeading', formatNumber(past.length))}</summary>
          <ul className="requirements">
            {past.map((field) => (
              <Field key={field.requirementId} field={field} labels={labels} decided={decided} actions={actions} focus={focus} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
