import type { ReactNode } from 'react';
import { READ_PARTS, READ_SOURCES, type Money, type ReadSource, type RecordSnapshot } from '@/lib/crm/snapshot';
import { Hinted } from './Hint';
import { PART_LABEL } from './part-labels';
import { PointAtIt } from './PointAtIt';
import { useCrmLabel } from './hooks/useCrmLabel';
import { StaleRulesNotice } from './StaleRulesNotice';
import { t, type MessageKey } from '@/lib/i18n';
import { formatCurrencyName, formatDisplayedDate, formatMoney } from '@/lib/i18n/format';

const SOURCE_LABEL: Record<ReadSource, MessageKey> = { label: 'sourceLabel', rule: 'sourceRule' };
const HEALTH_SOURCE: Record<ReadSource, MessageKey> = { label: 'healthSourceLabel', rule: 'healthSourceRule' };

/** A fact of the record; one a fallback reader gave says which, on hover and on focus. */
function Fact({ label, value, testId, source, children }: { label: string; value: string | undefined; testId: string; source?: ReadSource; children?: ReactNode }) {
  const shown = (
    <span data-testid={testId} data-source={value === undefined ? undefined : source}>
      {value ?? t('valueNotRead')}
    </span>
  );
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd className={value === undefined ? 'not-read' : undefined}>
        {value !== undefined && source ? (
          <Hinted hint={t(SOURCE_LABEL[source])} className="sourced">
            {shown}
          </Hinted>
        ) : (
          shown
        )}
        {children}
      </dd>
    </div>
  );
}

/** "assumed", beside an amount whose currency the page did not state (a bare "$"). */
function AssumedCurrency({ amount }: { amount: Money }) {
  if (!amount.currencyAssumed || amount.currency === undefined) return null;
  // The symbol as the page shows it: the text without its digits and separators.
  const symbol = amount.text.replace(/[\d\s.,'’()\-−+]/g, '') || amount.text;
  return (
    <>
      {' '}
      <Hinted hint={t('amountAssumedWhy', symbol, formatCurrencyName(amount.currency))} className="badge badge-assumed">
        <span data-testid="amount-assumed">{t('amountAssumed')}</span>
      </Hinted>
    </>
  );
}

/** "Read by label: stage, amount." — per reader, the parts it gave that the adapter's own selectors missed. */
function SourcesRead({ record }: { record: RecordSnapshot }) {
  const sources = record.sources ?? {};
  return READ_SOURCES.map((source) => {
    const parts = READ_PARTS.filter((part) => sources[part] === source);
    if (parts.length === 0) return null;
    return (
      <span key={source} className="health-sources" data-testid="health-sources" data-source={source}>
        {' '}
        {t(HEALTH_SOURCE[source], parts.map((part) => t(PART_LABEL[part])).join(', '))}
      </span>
    );
  });
}

/** Name and key facts of the record in view, and which adapter read them (and what it missed). */
export function RecordHeader({ record, tabId }: { record: RecordSnapshot; tabId?: number }) {
  const crmLabel = useCrmLabel(record.adapter);
  return (
    <header className="record-header">
      <h1 data-testid="record-name">{record.name ?? record.recordId}</h1>
      <dl className="facts">
        <Fact label={t('fieldStage')} value={record.stage} testId="record-stage" source={record.sources?.stage} />
        <Fact label={t('fieldAmount')} value={record.amount && formatMoney(record.amount)} testId="record-amount" source={record.sources?.amount}>
          {record.amount && <AssumedCurrency amount={record.amount} />}
        </Fact>
        <Fact
          label={t('fieldCloseDate')}
          value={record.closeDate && formatDisplayedDate(record.closeDate)}
          testId="record-close-date"
          source={record.sources?.closeDate}
        />
        <Fact label={t('fieldOwner')} value={record.owner} testId="record-owner" source={record.sources?.owner} />
        <Fact label={t('fieldAccount')} value={record.account} testId="record-account" source={record.sources?.account} />
      </dl>
      <p className="health" data-testid="adapter-health">
        {/* Said once the reader has a name (a CRM the user added is named from the store a moment later). */}
        {crmLabel !== null && (
          <>
            {t('healthReadBy', crmLabel)}
            <SourcesRead record={record} />
            {record.missing.length > 0 && (
              <span className="health-missing" role="status">
                {' '}
                {t('healthMissing', record.missing.map((part) => t(PART_LABEL[part])).join(', '), crmLabel)}
              </span>
            )}
          </>
        )}
      </p>
      <StaleRulesNotice count={record.staleRules?.length ?? 0} />
      {tabId !== undefined && <PointAtIt tabId={tabId} record={record} />}
    </header>
  );
}
