import type { TabState } from '@/lib/messaging/protocol';
import { useCrmLabel } from './hooks/useCrmLabel';
import { t, type MessageKey } from '@/lib/i18n';

const REASON: Record<Extract<TabState, { kind: 'unrecognised' }>['reason'], MessageKey> = {
  'not-a-record-page': 'reasonNotARecordPage',
  'unsupported-object': 'reasonUnsupportedObject',
  'record-not-rendered': 'reasonRecordNotRendered',
  'not-read-yet': 'reasonNotReadYet',
};

/**
 * Said when the tab shows no record: plainly, and with why when the page is a
 * CRM page. A record page not read yet is being read (asking for this tab's
 * state asked for the read), so that is what it says.
 */
export function NoRecord({ state }: { state: Exclude<TabState, { kind: 'record' }> }) {
  const crmLabel = useCrmLabel(state.kind === 'unrecognised' ? state.adapter : '');
  if (state.kind === 'unrecognised' && state.reason === 'not-read-yet') {
    return (
      <section className="empty" data-testid="record-reading" aria-busy="true">
        <p role="status">{crmLabel !== null && t(REASON[state.reason], crmLabel)}</p>
      </section>
    );
  }
  return (
    <section className="empty" data-testid="no-record">
      <h1>{t('panelNoRecord')}</h1>
      {state.kind === 'unrecognised' ? (
        <p data-testid="no-record-reason">{crmLabel !== null && t(REASON[state.reason], crmLabel)}</p>
      ) : (
        <p>{t('panelNoRecordHint')}</p>
      )}
    </section>
  );
}
