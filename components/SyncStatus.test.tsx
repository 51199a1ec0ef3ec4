// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '@/lib/i18n';
import type { SalesforceStatus } from '@/lib/messaging/protocol';
import { publish } from '@/lib/messaging/page-client';
import { getDatabase } from '@/lib/store/connection';
import { markDone, park, saveNoteWithOutbox } from '@/lib/store/outbox';
import { describeInEachLocale, expectOnlyLocaleText } from './testing/locales';
import { SyncStatus } from './SyncStatus';

const RECORD = 'salesforce|acme.lightning.force.com|Opportunity|0065g00000AbCdEAAV';
const REF = { recordKey: RECORD, crm: 'salesforce', host: 'acme.lightning.force.com', objectType: 'Opportunity', recordId: '0065g00000AbCdEAAV', name: 'Nile Telecom' };
let connection: SalesforceStatus['state'];
let pulls: number;
let gone: boolean;
let pullAnswer: (() => unknown) | undefined;

beforeEach(async () => {
  fakeBrowser.reset();
  const db = await getDatabase();
  await Promise.all([db.clear('outbox'), db.clear('notes')]);
  connection = 'connected';
  pulls = 0;
  gone = false;
  pullAnswer = undefined;
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
    if (message.type === 'salesforce/pull') {
      pulls++;
      if (pullAnswer) return pullAnswer();
      return { result: gone ? { outcome: 'gone' } : { outcome: 'pulled', changed: 0 } };
    }
    return { result: { state: connection, instanceUrl: 'https://acme.my.salesforce.com', signInEverySession: false, redirectUri: 'https://x.chromiumapp.org/salesforce', policy: {} } };
  }) as never);
});

const capture = async (id: string) => {
  const db = await getDatabase();
  await saveNoteWithOutbox(db, { id, text: `note ${id}`, pageTitle: '', url: '', capturedAt: 1, recordKey: RECORD }, '0065g00000AbCdEAAV', `o-${id}`);
  return `o-${id}`;
};

describeInEachLocale('SyncStatus', (locale) => {
  it('shows nothing for a record of no connected org that never had anything for Salesforce', async () => {
    connection = 'not-connected';
    const { container } = render(<SyncStatus record={REF} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.textContent).toBe('');
    render(<SyncStatus record={{ ...REF, host: 'globex.lightning.force.com', recordKey: 'salesforce|globex.lightning.force.com|Opportunity|0065g00000AbCdEAAV' }} />);
    connection = 'connected';
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.textContent).toBe('');
    expect(pulls).toBe(0);
  });

  it('reads back on opening a connected opportunity and on demand, and says when it is gone from Salesforce', async () => {
    const { container } = render(<SyncStatus record={REF} />);
    expect((await screen.findByTestId('sync-status')).dataset.state).toBe('connected');
    await waitFor(() => expect(pulls).toBe(1));
    expectOnlyLocaleText(container, locale, ['Salesforce']);
    gone = true;
    fireEvent.click(screen.getByRole('button', { name: t('syncRefresh') }));
    await waitFor(() => expect(screen.getByTestId('sync-status').dataset.state).toBe('gone'));
    expect(pulls).toBe(2);
    expect(screen.getByRole('status').textContent).toBe(t('syncGone'));
    expectOnlyLocaleText(container, locale, ['Salesforce']);
  });

  it('says when Salesforce cannot be reached and what waits, and when opportunity teams are off', async () => {
    await capture('a');
    pullAnswer = () => ({ error: 'Failed to fetch' });
    const { container } = render(<SyncStatus record={REF} />);
    await waitFor(() => expect(screen.getByTestId('sync-status').dataset.state).toBe('offline'));
    expect(screen.getByRole('status').textContent).toBe(t('syncOfflineSending', '1'));
    expectOnlyLocaleText(container, locale, ['Salesforce']);
    // The read failed because Salesforce refused the session: the background dropped it and told the pages.
    connection = 'sign-in-needed';
    await act(() => publish({ type: 'broadcast/outbox' }));
    await waitFor(() => expect(screen.getByTestId('sync-status').dataset.state).toBe('waiting'));
    expect(screen.getByRole('status').textContent).toBe(t('syncSignIn', '1'));
    connection = 'connected';
    await act(() => publish({ type: 'broadcast/outbox' }));
    pullAnswer = () => ({ result: { outcome: 'pulled', changed: 0, teamsOff: true } });
    fireEvent.click(screen.getByRole('button', { name: t('syncRefresh') }));
    // The broadcast alone already shows 'sending'; the refreshed pull's answer is what brings the teams line.
    expect(await screen.findByText(t('syncTeamsOff'))).toBeTruthy();
    expect(screen.getByTestId('sync-status').dataset.state).toBe('sending');
    expectOnlyLocaleText(container, locale, ['Salesforce']);
  });

  it('counts what is still being sent, then says all was sent', async () => {
    await capture('a');
    const second = await capture('b');
    const { container, unmount } = render(<SyncStatus record={REF} />);
    expect((await screen.findByRole('status')).textContent).toBe(t('syncSending', '2'));
    expectOnlyLocaleText(container, locale, ['Salesforce']);
    unmount();
    const db = await getDatabase();
    await markDone(db, 'o-a');
    await markDone(db, second);
    render(<SyncStatus record={REF} />);
    expect((await screen.findByTestId('sync-status')).dataset.state).toBe('sent');
    expect(screen.getByRole('status').textContent).toBe(t('syncAllSent'));
  });

  it('tells why a change was refused, and that a signed-out org waits', async () => {
    const id = await capture('a');
    const db = await getDatabase();
    await db.put('outbox', { ...(await db.get('outbox', id))!, state: 'sending', sendingAt: 2 });
    await park(db, id, { errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: [], message: 'Stage must be set' });
    const { unmount } = render(<SyncStatus record={REF} />);
    expect((await screen.findByRole('status')).textContent).toBe(t('syncParked', 'Stage must be set'));
    unmount();
    connection = 'sign-in-needed';
    await capture('c');
    await db.delete('outbox', id);
    render(<SyncStatus record={REF} />);
    expect((await screen.findByRole('status')).textContent).toBe(t('syncSignIn', '1'));
  });
});
