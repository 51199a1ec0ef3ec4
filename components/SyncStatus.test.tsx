// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '@/lib/i18n';
import type { SalesforceStatus } from '@/lib/messaging/protocol';
import { getDatabase } from '@/lib/store/connection';
import { markDone, park, saveNoteWithOutbox } from '@/lib/store/outbox';
import { describeInEachLocale, expectOnlyLocaleText } from './testing/locales';
import { SyncStatus } from './SyncStatus';

const RECORD = 'salesforce|acme.lightning.force.com|Opportunity|0065g00000AbCdEAAV';
let connection: SalesforceStatus['state'];

beforeEach(async () => {
  fakeBrowser.reset();
  const db = await getDatabase();
  await Promise.all([db.clear('outbox'), db.clear('notes')]);
  connection = 'connected';
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => ({
    result: { state: connection, signInEverySession: false, redirectUri: 'https://x.chromiumapp.org/salesforce', policy: {} },
  })) as never);
});

const capture = async (id: string) => {
  const db = await getDatabase();
  await saveNoteWithOutbox(db, { id, text: `note ${id}`, pageTitle: '', url: '', capturedAt: 1, recordKey: RECORD }, '0065g00000AbCdEAAV', `o-${id}`);
  return `o-${id}`;
};

describeInEachLocale('SyncStatus', (locale) => {
  it('shows nothing for a record that never had anything for Salesforce', async () => {
    const { container } = render(<SyncStatus recordKey={RECORD} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.textContent).toBe('');
  });

  it('counts what is still being sent, then says all was sent', async () => {
    await capture('a');
    const second = await capture('b');
    const { container, unmount } = render(<SyncStatus recordKey={RECORD} />);
    expect((await screen.findByTestId('sync-status')).textContent).toBe(t('syncSending', '2'));
    expectOnlyLocaleText(container, locale, ['Salesforce']);
    unmount();
    const db = await getDatabase();
    await markDone(db, 'o-a');
    await markDone(db, second);
    render(<SyncStatus recordKey={RECORD} />);
    expect((await screen.findByTestId('sync-status')).dataset.state).toBe('sent');
    expect(screen.getByTestId('sync-status').textContent).toBe(t('syncAllSent'));
  });

  it('tells why a change was refused, and that a signed-out org waits', async () => {
    const id = await capture('a');
    const db = await getDatabase();
    await db.put('outbox', { ...(await db.get('outbox', id))!, state: 'sending', sendingAt: 2 });
    await park(db, id, { errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: [], message: 'Stage must be set' });
    const { unmount } = render(<SyncStatus recordKey={RECORD} />);
    expect((await screen.findByTestId('sync-status')).textContent).toBe(t('syncParked', 'Stage must be set'));
    unmount();
    connection = 'sign-in-needed';
    await capture('c');
    await db.delete('outbox', id);
    render(<SyncStatus recordKey={RECORD} />);
    expect((await screen.findByTestId('sync-status')).textContent).toBe(t('syncSignIn', '1'));
  });
});
