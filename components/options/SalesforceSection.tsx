import { useState, type FormEvent } from 'react';
import { browser, type Browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/format';
import type { Broadcast, SalesforceStatus } from '@/lib/messaging/protocol';
import { connectSalesforce, disconnectSalesforce, fetchSalesforceStatus, publish, sendOutboxNow } from '@/lib/messaging/page-client';
import { connectPermissions, SALESFORCE_DATA_COLLECTION } from '@/lib/salesforce/data-collection';
import { LOGIN_HOSTS } from '@/lib/salesforce/hosts';
import { SalesforceSetupSchema } from '@/lib/salesforce/policy';
import { getDatabase } from '@/lib/store/connection';
import { CONFLICT, discard, openOutboxEntries, retryParked } from '@/lib/store/outbox';
import type { StoredOutboxEntry } from '@/lib/store/rows';
import { useStoredData } from '@/components/hooks/useStoredData';
import { LoadError, Loading } from '@/components/LoadState';
import { StatusLine, type Status } from './FileButton';

const touchesOutbox = (message: Broadcast) => message.type === 'broadcast/outbox';

/** Connect, sign in again or disconnect a Salesforce org, and the outbox of changes not yet written. */
export function SalesforceSection() {
  const { data, reload } = useStoredData('salesforce-status', fetchSalesforceStatus, touchesOutbox);
  return (
    <section aria-labelledby="salesforce-heading" data-testid="salesforce-section">
      <h2 id="salesforce-heading">{t('salesforceHeading')}</h2>
      <p className="small">{t('salesforceIntro')}</p>
      {data.status === 'loading' ? (
        <Loading text={t('optionsLoading')} />
      ) : data.status === 'error' ? (
        <LoadError text={t('actionFailed', data.error)} retry={reload} />
      ) : (
        <Connection status={data.value} />
      )}
      <Outbox />
    </section>
  );
}

function Connection({ status }: { status: SalesforceStatus }) {
  const [typed, setTyped] = useState({ loginHost: status.setup?.loginHost ?? '', clientId: status.setup?.clientId ?? '' });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Status>(null);
  const loginHost = status.policy.loginHost ?? typed.loginHost;
  const clientId = status.policy.clientId ?? typed.clientId;
  const instance = status.instanceUrl ? new URL(status.instanceUrl).host : '';

  // The permission prompt must open straight from the click: validate synchronously, request, then sign in.
  const connect = (event: FormEvent) => {
    event.preventDefault();
    const setup = SalesforceSetupSchema.safeParse({ loginHost, clientId });
    if (!setup.success) return setOutcome({ kind: 'error', text: t('salesforceIncomplete') });
    setBusy(true);
    setOutcome({ kind: 'ok', text: t('salesforceConnecting') });
    // The polyfill's types predate Firefox's data_collection permissions.
    void browser.permissions
      .request(connectPermissions(setup.data.loginHost, import.meta.env.FIREFOX) as Browser.permissions.Permissions)
      .then(async (granted) => {
        if (!granted) return setOutcome({ kind: 'error', text: t('salesforceDenied', setup.data.loginHost) });
        await connectSalesforce(setup.data);
        setOutcome(null);
        await publish({ type: 'broadcast/outbox' }); // this page reads the new state too
      })
      .catch((error: unknown) => setOutcome({ kind: 'error', text: t('salesforceConnectFailed', error instanceof Error ? error.message : String(error)) }))
      .finally(() => setBusy(false));
  };

  // A shared login host was granted at connect for this org only; My Domain hosts are CRM hosts the
  // extension holds anyway.
  const disconnect = () => {
    setBusy(true);
    const connectedHost = status.setup?.loginHost.toLowerCase();
    const sharedLoginHost = connectedHost && (LOGIN_HOSTS as readonly string[]).includes(connectedHost) ? connectedHost : undefined;
    void disconnectSalesforce()
      .then(async ({ revoked }) => {
        if (sharedLoginHost) await browser.permissions.remove({ origins: [`https://${sharedLoginHost}/*`] });
        if (import.meta.env.FIREFOX) await browser.permissions.remove({ data_collection: [...SALESFORCE_DATA_COLLECTION] } as Browser.permissions.Permissions);
        setOutcome({ kind: 'ok', text: t(revoked ? 'salesforceDisconnected' : 'salesforceDisconnectedNotRevoked') });
        await publish({ type: 'broadcast/outbox' });
      })
      .catch((error: unknown) => setOutcome({ kind: 'error', text: t('actionFailed', String(error)) }))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <p data-testid="salesforce-state" data-state={status.state}>
        {status.state === 'connected'
          ? t('salesforceConnected', instance, formatDateTime(status.connectedAt ?? 0))
          : status.state === 'sign-in-needed'
            ? t('salesforceSignInNeeded', instance)
            : t('salesforceNotConnected')}
      </p>
      {status.signInEverySession && <p className="small">{t('salesforceSessionOnly')}</p>}
      {status.state !== 'connected' && (
        <form onSubmit={connect}>
          {(['loginHost', 'clientId'] as const).map((field) => (
            <p key={field}>
              <label>
                {t(field === 'loginHost' ? 'salesforceLoginHost' : 'salesforceConsumerKey')}{' '}
                <input
                  value={field === 'loginHost' ? loginHost : clientId}
                  readOnly={status.policy[field] !== undefined}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(event) => setTyped({ ...typed, [field]: event.target.value })}
                />
              </label>
              {status.policy[field] !== undefined && <span className="small muted"> {t('salesforceManaged')}</span>}
            </p>
          ))}
          <p className="small">
            {t('salesforceRedirect')} <code data-testid="salesforce-redirect">{status.redirectUri}</code>
          </p>
          <p>
            <button type="submit" disabled={busy}>
              {t(status.state === 'sign-in-needed' ? 'salesforceSignInAgain' : 'salesforceConnect')}
            </button>
          </p>
        </form>
      )}
      {status.state !== 'not-connected' && (
        <p>
          <button type="button" disabled={busy} onClick={disconnect}>
            {t('salesforceDisconnect')}
          </button>
        </p>
      )}
      <StatusLine status={outcome} />
    </>
  );
}

/** What an entry writes, in a line: page data rendered as text only. */
function describeEntry(entry: StoredOutboxEntry): string {
  switch (entry.kind) {
    case 'note':
      return t('outboxKindNote', entry.payload.note.text.split('\n', 1)[0]!.slice(0, 120));
    case 'requirement-facts':
      return t('outboxKindFacts');
    case 'contact-role':
      return t('outboxKindContactRole', entry.payload.contactEmail);
    case 'team-member':
      return t('outboxKindTeamMember', entry.payload.userEmail);
  }
}

function entryState(entry: StoredOutboxEntry): string {
  // Retrying a conflict overwrites what was changed in Salesforce: the user is told before choosing.
  if (entry.state === 'parked' && entry.parkedReason?.errorCode === CONFLICT) return t('outboxStateConflict');
  if (entry.state === 'parked') return t('outboxStateParked', entry.parkedReason?.message || entry.parkedReason?.errorCode || '');
  return entry.attempts > 0 ? t('outboxStateRetrying', String(entry.attempts)) : t('outboxStateWaiting');
}

/** The changes not yet written to Salesforce; a refused one can be retried (after a fix in Salesforce) or discarded. */
function Outbox() {
  const { data, reload } = useStoredData('outbox', async () => openOutboxEntries(await getDatabase()), touchesOutbox);
  const [outcome, setOutcome] = useState<Status>(null);
  const act = async (change: (db: Awaited<ReturnType<typeof getDatabase>>) => Promise<void>) => {
    try {
      await change(await getDatabase());
      await publish({ type: 'broadcast/outbox' });
      await sendOutboxNow();
    } catch (error) {
      setOutcome({ kind: 'error', text: t('actionFailed', String(error)) });
    }
  };
  return (
    <>
      <h3>{t('outboxHeading')}</h3>
      {data.status === 'loading' ? (
        <Loading text={t('optionsLoading')} />
      ) : data.status === 'error' ? (
        <LoadError text={t('actionFailed', data.error)} retry={reload} />
      ) : data.value.length === 0 ? (
        <p className="muted" data-testid="outbox-empty">
          {t('outboxEmpty')}
        </p>
      ) : (
        <ul data-testid="outbox">
          {data.value.map((entry) => (
            <li key={entry.id} data-testid="outbox-entry" data-state={entry.state}>
              <span>{describeEntry(entry)}</span> <span className="small muted">({entryState(entry)})</span>{' '}
              {entry.state === 'parked' && (
                <button type="button" onClick={() => void act((db) => retryParked(db, entry.id, Date.now()))}>
                  {t('outboxRetry')}
                </button>
              )}{' '}
              {entry.state !== 'sending' && (
                <button type="button" onClick={() => void act((db) => discard(db, entry.id))}>
                  {t('outboxDiscard')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <StatusLine status={outcome} />
    </>
  );
}
