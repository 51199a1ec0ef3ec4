import { useCallback, useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import type { Broadcast, PullResult } from '@/lib/messaging/protocol';
import { fetchSalesforceStatus, pullFromSalesforce } from '@/lib/messaging/page-client';
import { connectedOpportunityId } from '@/lib/salesforce/org-match';
import { getDatabase } from '@/lib/store/connection';
import { outboxSummary } from '@/lib/store/outbox';
import { useStoredData } from './hooks/useStoredData';

/** While a panel stays open on a connected record, what others wrote is read again this often. */
export const PULL_INTERVAL_MS = 5 * 60_000;

const touchesOutbox = (message: Broadcast) => message.type === 'broadcast/outbox' || message.type === 'broadcast/notes';

interface RecordRef {
  recordKey: string;
  crm: string;
  host: string;
  objectType: string;
  recordId: string;
  name: string;
}

async function readSyncState(record: RecordRef) {
  const [status, summary] = await Promise.all([fetchSalesforceStatus(), getDatabase().then((db) => outboxSummary(db, record.recordKey))]);
  const ofConnectedOrg = status.state === 'connected' && status.instanceUrl !== undefined && connectedOpportunityId(record, status.instanceUrl) !== undefined;
  return { connection: status.state, ofConnectedOrg, ...summary };
}

/**
 * The record's line about Salesforce: sending N, all sent, refused (why), signed out,
 * deleted there; on an opportunity of the connected org it also reads back what others
 * wrote (on opening, every few minutes, and on demand). Nothing is shown for a record
 * that has nothing to do with a connected org.
 */
export function SyncStatus({ record }: { record: RecordRef }) {
  const { data } = useStoredData(`sync:${record.recordKey}`, () => readSyncState(record), touchesOutbox);
  const [lastPull, setLastPull] = useState<{ of: string; value: PullResult | 'reading' | 'offline' } | null>(null);
  const ofConnectedOrg = data.status === 'ready' && data.value.ofConnectedOrg;
  const { recordKey, name } = record;
  // What the last read said holds for this record while it is one of the connected org, no longer.
  const readFor = ofConnectedOrg ? recordKey : '';
  const pull = lastPull?.of === readFor ? lastPull.value : null;
  const setPull = useCallback((value: PullResult | 'reading' | 'offline') => setLastPull({ of: readFor, value }), [readFor]);
  // A failed read (offline, Salesforce unreachable) leaves the notes as they are and says so; the next one tries again.
  const readBack = useCallback(() => void pullFromSalesforce(recordKey, name).then(setPull, () => setPull('offline')), [recordKey, name, setPull]);
  useEffect(() => {
    if (!ofConnectedOrg) return undefined;
    readBack();
    const timer = setInterval(readBack, PULL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [ofConnectedOrg, readBack]);

  if (data.status !== 'ready') return null;
  const { connection, sending, sent, parked } = data.value;
  if (!ofConnectedOrg && sending + sent + parked.length === 0) return null;
  const [firstParked] = parked;
  const read = pull === 'reading' || pull === 'offline' ? undefined : pull;
  const [state, text] =
    read?.outcome === 'gone'
    ? (['gone', t('syncGone')] as const)
    : firstParked
      ? (['parked', t('syncParked', firstParked.reason.message || firstParked.reason.errorCode)] as const)
      : pull === 'offline' && connection === 'connected'
        ? (['offline', sending > 0 ? t('syncOfflineSending', String(sending)) : t('syncOffline')] as const)
      : sending > 0
        ? connection === 'connected'
          ? (['sending', t('syncSending', String(sending))] as const)
          : connection === 'sign-in-needed'
            ? (['waiting', t('syncSignIn', String(sending))] as const)
            : (['waiting', t('syncNotConnected', String(sending))] as const)
        : sent > 0
          ? (['sent', t('syncAllSent')] as const)
          : (['connected', t('syncConnected')] as const);
  return (
    <div className={`small sync-status ${state === 'parked' || state === 'gone' ? 'error' : 'muted'}`} data-testid="sync-status" data-state={state}>
      <p role="status">{text}</p>
      {read?.outcome === 'pulled' && read.teamsOff && <p>{t('syncTeamsOff')}</p>}
      {ofConnectedOrg && (
        <button type="button" className="secondary" disabled={pull === 'reading'}
          onClick={() => {
            setPull('reading');
            readBack();
          }} data-testid="sync-refresh">
          {t('syncRefresh')}
        </button>
      )}
    </div>
  );
}
