// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '@/lib/i18n';
import type { SalesforceRequest, SalesforceStatus } from '@/lib/messaging/protocol';
import { getDatabase } from '@/lib/store/connection';
import { enqueueInTransaction, openOutboxEntries, park, saveNoteWithOutbox } from '@/lib/store/outbox';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { SalesforceSection } from './SalesforceSection';

// The background is played by a stub answering the section's Salesforce requests.

const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/salesforce';
const DATA = ['acme.my.salesforce.com', '3MVG9test.key', REDIRECT, 'Salesforce', 'My Domain', 'login.salesforce.com', 'test.salesforce.com', 'External Client App', 'URL', 'Iron Triangle', 'Budget approved by the CFO', 'NO_ACCESS'];
const RECORD = 'salesforce|acme.lightning.force.com|Opportunity|0065g00000AbCdEAAV';

let status: SalesforceStatus;
let granted: boolean;
let requests: SalesforceRequest[];

const notConnected = (policy: SalesforceStatus['policy'] = {}): SalesforceStatus => ({ state: 'not-connected', signInEverySession: false, redirectUri: REDIRECT, policy });

beforeEach(async () => {
  fakeBrowser.reset();
  const db = await getDatabase();
  await Promise.all([db.clear('outbox'), db.clear('notes')]);
  status = notConnected();
  granted = true;
  requests = [];
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() => Promise.resolve(granted));
  vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(() => Promise.resolve(true));
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: SalesforceRequest) => {
    requests.push(message);
    switch (message.type) {
      case 'salesforce/status':
        return { result: status };
      case 'salesforce/connect':
        status = { ...status, state: 'connected', instanceUrl: 'https://acme.my.salesforce.com', connectedAt: Date.UTC(2026, 11, 5, 9), setup: { loginHost: message.loginHost!, clientId: message.clientId! } };
        return { result: status };
      case 'salesforce/disconnect':
        status = notConnected();
        return { result: { revoked: false } };
      case 'salesforce/send-now':
        return { result: { ok: true } };
    }
    return undefined; // a broadcast: no page answers in this test
  }) as never);
});

const fill = (loginHost: string, clientId: string) => {
  fireEvent.change(screen.getByLabelText(t('salesforceLoginHost')), { target: { value: loginHost } });
  fireEvent.change(screen.getByLabelText(t('salesforceConsumerKey')), { target: { value: clientId } });
};

describeInEachLocale('SalesforceSection', (locale) => {
  it('connects after access to the login host is granted, shows the org, and disconnects', async () => {
    const { container } = render(<SalesforceSection />);
    await screen.findByText(t('salesforceNotConnected'));
    expect(screen.getByTestId('salesforce-redirect').textContent).toBe(REDIRECT);
    expectOnlyLocaleText(container, locale, DATA);
    fill(' acme.my.salesforce.com ', '3MVG9test.key');
    fireEvent.click(screen.getByRole('button', { name: t('salesforceConnect') }));
    await waitFor(() => expect(screen.getByTestId('salesforce-state').dataset.state).toBe('connected'));
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://acme.my.salesforce.com/*'] });
    expect(requests).toContainEqual({ type: 'salesforce/connect', loginHost: 'acme.my.salesforce.com', clientId: '3MVG9test.key' });
    expect(screen.getByTestId('salesforce-state').textContent).toContain('acme.my.salesforce.com');
    fireEvent.click(screen.getByRole('button', { name: t('salesforceDisconnect') }));
    await screen.findByText(t('salesforceDisconnectedNotRevoked'));
    expectOnlyLocaleText(container, locale, DATA);
    expect(fakeBrowser.permissions.remove).not.toHaveBeenCalled(); // a My Domain host is a CRM host the extension keeps
  });

  it('gives back the shared login host it asked for when the org is disconnected', async () => {
    render(<SalesforceSection />);
    await screen.findByText(t('salesforceNotConnected'));
    fill('Login.Salesforce.com', '3MVG9test.key');
    fireEvent.click(screen.getByRole('button', { name: t('salesforceConnect') }));
    await waitFor(() => expect(screen.getByTestId('salesforce-state').dataset.state).toBe('connected'));
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://login.salesforce.com/*'] });
    fireEvent.click(screen.getByRole('button', { name: t('salesforceDisconnect') }));
    await screen.findByText(t('salesforceDisconnectedNotRevoked'));
    expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({ origins: ['https://login.salesforce.com/*'] });
  });

  it('signs in nowhere when the form is incomplete or access is refused, and says why', async () => {
    render(<SalesforceSection />);
    await screen.findByText(t('salesforceNotConnected'));
    fill('salesforce.evil.example', '3MVG9test.key');
    fireEvent.click(screen.getByRole('button', { name: t('salesforceConnect') }));
    expect((await screen.findByRole('alert')).textContent).toBe(t('salesforceIncomplete'));
    granted = false;
    fill('login.salesforce.com', '3MVG9test.key');
    fireEvent.click(screen.getByRole('button', { name: t('salesforceConnect') }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(t('salesforceDenied', 'login.salesforce.com')));
    expect(requests.some((request) => request.type === 'salesforce/connect')).toBe(false);
  });

  it('shows what IT set as read-only and uses it', async () => {
    status = notConnected({ loginHost: 'acme.my.salesforce.com', clientId: '3MVG9test.key' });
    render(<SalesforceSection />);
    await screen.findByText(t('salesforceNotConnected'));
    const host = screen.getByLabelText(t('salesforceLoginHost')) as HTMLInputElement;
    expect(host.value).toBe('acme.my.salesforce.com');
    expect(host.readOnly).toBe(true);
    expect(screen.getAllByText(t('salesforceManaged'))).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: t('salesforceConnect') }));
    await waitFor(() => expect(requests).toContainEqual({ type: 'salesforce/connect', loginHost: 'acme.my.salesforce.com', clientId: '3MVG9test.key' }));
  });

  it('says that retrying a conflict puts this browser’s facts over Salesforce’s', async () => {
    const db = await getDatabase();
    const tx = db.transaction('outbox', 'readwrite');
    await enqueueInTransaction(tx as never, { id: 'f1', recordKey: RECORD, kind: 'requirement-facts', payload: { opportunityId: '0065g00000AbCdEAAV', facts: [] }, createdAt: 1 });
    await tx.done;
    await db.put('outbox', { ...(await db.get('outbox', 'f1'))!, state: 'sending', sendingAt: 2 });
    await park(db, 'f1', { errorCode: 'CONFLICT', fields: [], message: 'Changed in Salesforce since this browser last wrote it.' });
    const { container } = render(<SalesforceSection />);
    const entry = await screen.findByTestId('outbox-entry');
    expect(entry.textContent).toContain(t('outboxStateConflict'));
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('lists a refused change with Salesforce’s reason; Retry sends it again, Discard drops it', async () => {
    const db = await getDatabase();
    const note = { id: 'n1', text: 'Budget approved by the CFO\nsecond line', pageTitle: 'Mail', url: 'https://mail.example.com/1', capturedAt: 1, recordKey: RECORD };
    await saveNoteWithOutbox(db, note, '0065g00000AbCdEAAV', 'o1');
    await db.put('outbox', { ...(await db.get('outbox', 'o1'))!, state: 'sending', sendingAt: 2 });
    await park(db, 'o1', { errorCode: 'NO_ACCESS', fields: [], message: 'NO_ACCESS' });
    const { container } = render(<SalesforceSection />);
    const entry = await screen.findByTestId('outbox-entry');
    expect(entry.dataset.state).toBe('parked');
    expect(entry.textContent).toContain(t('outboxKindNote', 'Budget approved by the CFO'));
    expect(entry.textContent).toContain(t('outboxStateParked', 'NO_ACCESS'));
    expectOnlyLocaleText(container, locale, DATA);
    fireEvent.click(within(entry).getByRole('button', { name: t('outboxRetry') }));
    await waitFor(() => expect(screen.getByTestId('outbox-entry').dataset.state).toBe('pending'));
    expect(requests.some((request) => request.type === 'salesforce/send-now')).toBe(true);
    fireEvent.click(within(screen.getByTestId('outbox-entry')).getByRole('button', { name: t('outboxDiscard') }));
    await screen.findByTestId('outbox-empty');
    expect(await openOutboxEntries(db)).toEqual([]);
  });
});
