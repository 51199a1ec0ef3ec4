import { DESK_COLUMNS, toCsv, type DeskColumn, type DeskLine } from '@/lib/desk/table';
import { t } from '@/lib/i18n';
import { datedFilename, download } from '@/lib/options/files';
import { COLUMN_LABEL } from './columns';

/** The cells of a line as the CSV holds them: what the table shows, plus the figures a spreadsheet can compute with. */
function cells(line: DeskLine): string[] {
  const figures = line.row.analysed;
  const shown: Record<DeskColumn, string> = {
    name: line.row.name,
    crm: line.crmLabel,
    stage: line.stageText,
    amount: line.amountText,
    closeDate: line.closeDateText,
    high: figures ? String(figures.high) : '',
    medium: figures ? String(figures.medium) : '',
    topAction: line.topActionText,
    missingRoles: line.missingRolesText,
    lastNote: line.lastNoteText,
  };
  return [
    ...DESK_COLUMNS.map((column) => shown[column]),
    figures?.amount?.value == null ? '' : String(figures.amount.value),
    figures?.amount?.currency ?? '',
    figures?.closeDay ?? '',
    line.row.url,
  ];
}

export function deskCsv(lines: readonly DeskLine[]): string {
  const header = [...DESK_COLUMNS.map((column) => t(COLUMN_LABEL[column])), t('deskCsvAmountValue'), t('deskCsvCurrency'), t('deskCsvCloseDay'), t('deskCsvUrl')];
  return toCsv(header, lines.map(cells));
}

/** Downloads the rows shown, in the order shown: the only way the desk's data leaves the device. */
export function exportDeskCsv(lines: readonly DeskLine[], now: Date): void {
  download(datedFilename('deals', now, 'csv'), deskCsv(lines), 'text/csv;charset=utf-8');
}
