import type { CustomCrm } from '@/lib/custom-crm/schema';
import type { DeskRow } from '@/lib/desk/row';
import type { DeskLine } from '@/lib/desk/table';
import type { Explanation } from '@/lib/domain/explain';
import { t } from '@/lib/i18n';
import { formatDay, formatDisplayedDate, formatMoney } from '@/lib/i18n/format';
import type { Playbook } from '@/lib/playbook/schema';
import { playbookLabels, say, type PlaybookLabels } from '@/components/analysis/text';
import { crmLabelFor } from '@/components/hooks/useCrmLabel';

/**
 * Turns rows into the texts the desk shows, in the current language. A line
 * is kept per row object: a pass that leaves a row unchanged re-uses it, so
 * only recomputed rows are worked out again. Each text is worked out when it
 * is first read, not when the line is made: the table shows a screenful, so
 * opening (or re-sorting by a figure) thousands of rows formats a few dozen
 * amounts and dates, not every one; sorting by a text column, searching or
 * the CSV read the rest once.
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
    line = new LazyLine(row, crmLabel, figures?.stageId === undefined ? undefined : positions.get(figures.stageId), labels);
    made.set(row, line);
    return line;
  };
}

/** A DeskLine whose texts are made on first read and kept. */
class LazyLine implements DeskLine {
  #stageText?: string;
  #amountText?: string;
  #closeDateText?: string;
  #topActionText?: string;
  #missingRolesText?: string;
  #lastNoteText?: string;
  #searchText?: string;

  constructor(
    readonly row: DeskRow,
    readonly crmLabel: string,
    readonly stagePosition: number | undefined,
    private readonly labels: PlaybookLabels,
  ) {}

  get stageText(): string {
    if (this.#stageText === undefined) {
      const figures = this.row.analysed;
      const ltcStage = figures?.stageId === undefined ? '' : this.labels.stage(figures.stageId);
      const crmStage = figures?.crmStage ?? '';
      this.#stageText = ltcStage && crmStage ? t('deskStageBoth', ltcStage, crmStage) : ltcStage || crmStage;
    }
    return this.#stageText;
  }

  get amountText(): string {
    return (this.#amountText ??= this.row.analysed?.amount ? formatMoney(this.row.analysed.amount) : '');
  }

  get closeDateText(): string {
    return (this.#closeDateText ??= this.row.analysed?.closeDate ? formatDisplayedDate(this.row.analysed.closeDate) : '');
  }

  get topActionText(): string {
    // A cached explanation is validated by key only: one the engines' messages cannot render is shown as nothing.
    return (this.#topActionText ??= this.row.analysed?.topAction ? sayCached(this.row.analysed.topAction as Explanation) : '');
  }

  get missingRolesText(): string {
    if (this.#missingRolesText === undefined) {
      const figures = this.row.analysed;
      this.#missingRolesText = figures ? [...figures.missingTeamRoles.map(this.labels.teamRole), ...figures.missingDecisionRoles.map(this.labels.decisionRole)].join(', ') : '';
    }
    return this.#missingRolesText;
  }

  get lastNoteText(): string {
    return (this.#lastNoteText ??= this.row.lastNoteAt === undefined ? '' : formatDay(this.row.lastNoteAt));
  }

  get searchText(): string {
    return (this.#searchText ??= [this.row.name, this.row.account ?? '', this.crmLabel, this.stageText, this.topActionText, this.missingRolesText].join('\n').toLowerCase());
  }
}

function sayCached(subject: Explanation): string {
  try {
    return say(subject);
  } catch {
    return '';
  }
}
