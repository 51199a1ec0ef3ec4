import { t } from '@/lib/i18n';
import type { Broadcast } from '@/lib/messaging/protocol';
import { fetchSalesforceStatus } from '@/lib/panel/client';
import { getDatabase } from '@/lib/store/connection';
import { outboxSummary } from '@/lib/store/outbox';
import { useStoredData } from './hooks/useStoredData';

const touchesOutbox = (message: Broadcast) => message.type === 'broadcast/outbox' || message.type === 'broadcast/notes';

async function readSyncState(recordKey: string) {
  const [status, summary] = await Promise.all([fetchSalesforceStatus(), getDatabase().then((db) => outboxSummary(db, recordKey))]);
  return { connection: status.state, ...summary };
}

/**
 * Whether this record's changes reached Salesforce: sending N, all sent, refused (why),
 * signed out. Nothing is shown for a record that never had anything for Salesforce.
 */
export function SyncStatus({ recordKey }: { recordKey: string }) {
  const { data } = useStoredData(`sync:${recordKey}`, () => readSyncState(recordKey), touchesOutbox);
  if (data.status !== 'ready') return null;
  const { connection, sending, sent, parked } = data.value;
  if (sending + sent + parked.length === 0) return null;
  const [firstParked] = parked;
  const text = firstParked
    ? t('syncParked', firstParked.reason.message || firstParked.reason.errorCode)
    : sending === 0
      ? t('syncAllSent')
      : connection === 'connected'
        ? t('syncSending', String(sending))
        : connection === 'sign-in-needed'
          ? t('syncSignIn', String(sending))
          : t('syncNotConnected', String(sending));
  const state = firstParked ? 'parked' : sending === 0 ? 'sent' : connection === 'connected' ? 'sending' : 'waiting';
  return (
    <p className={`small sync-status ${firstParked ? 'error' : 'muted'}`} role="status" data-testid="sync-status" data-state={state}>
      {text}
    </p>
  );
}
