import type { CustomCrm } from '@/lib/custom-crm/schema';
import type { DeskRow } from '@/lib/desk/row';
import type { DeskLine } from '@/lib/desk/table';
import type { Explanation } from '@/lib/engines/explain';
import { t } from '@/lib/i18n';
import { formatDay, formatDisplayedDate, formatMoney } from '@/lib/i18n/format';
import type { Playbook } from '@/lib/playbook/schema';
import { playbookLabels, say } from '../analysis/text';
import { crmLabelFor } from '../hooks/useCrmLabel';

/**
 * Turns rows into the texts the desk shows, in the current language. A line
 * is kept per row object: a pass that leaves a row unchanged re-uses it, so
 * only recomputed rows are worked out again.
 */
export function lineMaker(playbook: Playbook, customCrms: readonly CustomCrm[]): (row: DeskRow) => DeskLine {
  const labels = playbookLabels(playbook);
  const positions = new Map(playbook.stages.map((stage, index) => [stage.id, index]));
  const crmLabels = new Map<string, string>();
  const made = new WeakMap<DeskRow, DeskLine>();
  return (row) => {
    let line = made.get(row);
    if (line) return line;
    const figures = row.analysed;
    let crmLabel = crmLabels.get(row.adapter);
    if (crmLabel === undefined) crmLabels.set(row.adapter, (crmLabel = crmLabelFor(row.adapter, customCrms)));
    const ltcStage = figures?.stageId === undefined ? '' : labels.stage(figures.stageId);
    const crmStage = figures?.crmStage ?? '';
    const stageText = ltcStage && crmStage ? t('deskStageBoth', ltcStage, crmStage) : ltcStage || crmStage;
    const missing = figures
      ? [...figures.missingTeamRoles.map(labels.teamRole), ...figures.missingDecisionRoles.map(labels.decisionRole)].join(', ')
      : '';
    // A cached explanation is validated by key only: one the engines' messages cannot render is shown as nothing.
    const topActionText = figures?.topAction ? sayCached(figures.topAction as Explanation) : '';
    line = {
      row,
      crmLabel,
      stageText,
      stagePosition: figures?.stageId === undefined ? undefined : positions.get(figures.stageId),
      amountText: figures?.amount ? formatMoney(figures.amount) : '',
      closeDateText: figures?.closeDate ? formatDisplayedDate(figures.closeDate) : '',
      topActionText,
      missingRolesText: missing,
      lastNoteText: row.lastNoteAt === undefined ? '' : formatDay(row.lastNoteAt),
      searchText: [row.name, row.account ?? '', crmLabel, stageText, topActionText, missing].join('\n').toLowerCase(),
    };
    made.set(row, line);
    return line;
  };
}

function sayCached(subject: Explanation): string {
  try {
    return say(subject);
  } catch {
    return '';
  }
}
