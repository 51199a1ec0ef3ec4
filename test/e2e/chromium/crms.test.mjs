// Every supported CRM on the production build: its fixture served under its
// real host name, the panel shows the right record, and in-app navigation to
// a second record updates it. Plus Salesforce's console with two open records.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startCrmServer } from '../support/crm-server.mjs';
import { launchWithExtension } from '../support/chromium.mjs';
import { openRecordWithPanel } from '../support/extension.mjs';
import { CRM_RECORDS, fixture } from '../support/fixtures.mjs';

let server;
let browser;

before(async () => {
  server = await startCrmServer();
  browser = await launchWithExtension(server);
});

after(async () => {
  await browser?.context.close();
  await server?.close();
});

const openWithPanel = (url) => openRecordWithPanel(browser, url);

/** Intl puts a no-break space between a currency code and its amount. */
const shown = (text) => text.replace(/\u00a0/g, ' ');
const recordName = (panel, name) => panel.getByTestId('record-name').filter({ hasText: name }).waitFor();

for (const { label, first, second } of CRM_RECORDS) {
  describe(label, () => {
    test(`shows the record at ${first.host}, then follows in-app navigation`, async () => {
      const { page, panel } = await openWithPanel(first.url);
      await recordName(panel, first.name);
      assert.equal(await panel.getByTestId('record-stage').textContent(), first.stage);
      assert.equal(shown(await panel.getByTestId('record-amount').textContent()), first.amount);

      await page.evaluate(() => (window.__sameDocument = true));
      await page.evaluate((path) => window.__fixtureNavigate(path), second.path);
      await recordName(panel, second.name);
      assert.equal(await panel.getByTestId('record-stage').textContent(), second.stage);
      assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
      await Promise.all([page.close(), panel.close()]);
    });
  });
}

test('Salesforce console with two open records: the active one is shown', async () => {
  const consolePage = fixture('salesforce', 'console-two-records.html');
  const { page, panel } = await openWithPanel(consolePage.url);
  await recordName(panel, 'Blue Nile Farms');
  await Promise.all([page.close(), panel.close()]);
});

test('Salesforce in native shadow DOM: a value changed inside a component’s shadow root reaches the panel', async () => {
  const native = fixture('salesforce', 'opportunity-native-shadow.html');
  const { page, panel } = await openWithPanel(native.url);
  await recordName(panel, 'Nile Telecom – Solar Hybrid Sites');
  await page.evaluate(() => {
    // Down the open shadow roots to the Amount field's formatted value, and change it as LWC re-renders it after an inline edit.
    const deep = (root, selector) => root.querySelector(selector) ?? [...root.querySelectorAll('*')].map((element) => element.shadowRoot && deep(element.shadowRoot, selector)).find(Boolean) ?? null;
    const amount = deep(document, 'records-record-layout-item[field-label="Amount"]').querySelector('lightning-formatted-text');
    amount.shadowRoot.textContent = 'USD 2,000,000.00';
  });
  await panel.getByTestId('record-amount').filter({ hasText: '2,000,000' }).waitFor();
  await Promise.all([page.close(), panel.close()]);
});

test('a page the adapter cannot fully read says what is missing', async () => {
  const half = fixture('salesforce', 'opportunity-missing-fields.html');
  const { page, panel } = await openWithPanel(half.url);
  await panel.getByTestId('adapter-health').filter({ hasText: 'Could not find on the page: stage, amount' }).waitFor();
  await Promise.all([page.close(), panel.close()]);
});

test('a record type the adapter does not read is reported as such', async () => {
  const account = fixture('dynamics', 'account-en.html');
  const { page, panel } = await openWithPanel(account.url);
  await panel.getByText('Dynamics 365 shows a record type Iron Triangle does not read yet.').waitFor();
  await Promise.all([page.close(), panel.close()]);
});
