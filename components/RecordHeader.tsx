import type { RecordSnapshot } from '@/lib/crm/snapshot';
import { PART_LABEL } from './part-labels';
import { useCrmLabel } from './hooks/useCrmLabel';
import { t } from '@/lib/i18n';
import { formatDisplayedDate, formatMoney } from '@/lib/i18n/format';

function Fact({ label, value, testId }: { label: string; value: string | undefined; testId: string }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd data-testid={testId} className={value === undefined ? 'not-read' : undefined}>
        {value ?? t('valueNotRead')}
      </dd>
    </div>
  );
}

/** Name and key facts of the record in view, and which adapter read them (and what it missed). */
export function RecordHeader({ record }: { record: RecordSnapshot }) {
  const crmLabel = useCrmLabel(record.adapter);
  return (
    <header className="record-header">
      <h1 data-testid="record-name">{record.name ?? record.recordId}</h1>
      <dl className="facts">
        <Fact label={t('fieldStage')} value={record.stage} testId="record-stage" />
        <Fact label={t('fieldAmount')} value={record.amount && formatMoney(record.amount)} testId="record-amount" />
        <Fact label={t('fieldCloseDate')} value={record.closeDate && formatDisplayedDate(record.closeDate)} testId="record-close-date" />
        <Fact label={t('fieldOwner')} value={record.owner} testId="record-owner" />
        <Fact label={t('fieldAccount')} value={record.account} testId="record-account" />
      </dl>
      <p className="health" data-testid="adapter-health">
        {t('healthReadBy', crmLabel)}
        {record.missing.length > 0 && (
          <span className="health-missing" role="status">
            {' '}
            {t('healthMissing', record.missing.map((part) => t(PART_LABEL[part])).join(', '), crmLabel)}
          </span>
        )}
      </p>
    </header>
  );
}
