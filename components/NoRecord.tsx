import type { TabState } from '@/lib/messaging/protocol';
import { adapterById } from '@/lib/crm/registry';
import { t, type MessageKey } from '@/lib/i18n';

const REASON: Record<Extract<TabState, { kind: 'unrecognised' }>['reason'], MessageKey> = {
  'not-a-record-page': 'reasonNotARecordPage',
  'unsupported-object': 'reasonUnsupportedObject',
  'record-not-rendered': 'reasonRecordNotRendered',
};

/** Said when the tab shows no record: plainly, and with why when the page is a CRM page. */
export function NoRecord({ state }: { state: Exclude<TabState, { kind: 'record' }> }) {
  return (
    <section className="empty" data-testid="no-record">
      <h1>{t('panelNoRecord')}</h1>
      {state.kind === 'unrecognised' ? (
        <p data-testid="no-record-reason">{t(REASON[state.reason], adapterById(state.adapter)?.label ?? state.adapter)}</p>
      ) : (
        <p>{t('panelNoRecordHint')}</p>
      )}
    </section>
  );
}
