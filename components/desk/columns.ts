import type { DeskColumn } from '@/lib/desk/table';
import type { MessageKey } from '@/lib/i18n';

export const COLUMN_LABEL: Record<DeskColumn, MessageKey> = {
  name: 'deskColumnName',
  crm: 'deskColumnCrm',
  stage: 'deskColumnStage',
  amount: 'deskColumnAmount',
  closeDate: 'deskColumnCloseDate',
  high: 'deskColumnHigh',
  medium: 'deskColumnMedium',
  topAction: 'deskColumnTopAction',
  missingRoles: 'deskColumnMissingRoles',
  lastNote: 'deskColumnLastNote',
};
