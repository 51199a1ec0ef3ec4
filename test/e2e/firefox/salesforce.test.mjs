// Firefox parity of Salesforce write-back (test/e2e/chromium/salesforce.test.mjs), in Firefox ESR
// over WebDriver BiDi on the e2e build, against the local Salesforce stand-in
// (test/support/salesforce-server.mjs): the fixture server's proxy tunnels the org's My Domain
// host to the stand-in. Connect through Firefox's own sign-in window (identity.launchWebAuthFlow
// and its extensions.allizom.org redirect), a capture written once, a colleague's note read
// back with its author, a facts note changed in Salesforce meanwhile parked as a conflict, and
// disconnect revoking the sign-in while what was not written stays in the outbox.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeCertificate } from '../support/certificate.mjs';
import { puppeteerDriver } from '../support/drivers.mjs';
import { captureSelection, firefoxForTheseTests, openCrmPage, openExtensionPage } from '../support/firefox.mjs';
import { FIRST_OPPORTUNITY } from '../support/fixtures.mjs';
import { startSalesforceServer } from '../../support/salesforce-server.mjs';

const INSTANCE_HOST = 'acme.my.salesforce.com';
// Firefox's consent prompt for optional permissions is browser UI that WebDriver cannot answer:
// this pref (Firefox's own, for automation) grants what permissions.request asks for, so the
// request itself, and what it asks for, are what the test checks.
const crm = firefoxForTheseTests({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
const grantedDataCollection = () => options.page.evaluate(async () => (await globalThis.browser.permissions.getAll()).data_collection ?? []);
let salesforce;
let crmPage;
let panel;
let options;

before(async () => {
  salesforce = await startSalesforceServer({ https: makeCertificate([INSTANCE_HOST]), instanceUrl: `https://${INSTANCE_HOST}` });
  salesforce.state.seed('Opportunity', { Id: FIRST_OPPORTUNITY.recordId, Name: FIRST_OPPORTUNITY.name });
  await crm.ready;
  crm.server.tunnel(INSTANCE_HOST, salesforce.port);
  crmPage = await openCrmPage(crm.browser.browser, FIRST_OPPORTUNITY.url);
  panel = puppeteerDriver(await openExtensionPage(crm.browser.browser, crmPage, 'sidepanel'));
  options = puppeteerDriver(await openExtensionPage(crm.browser.browser, crmPage, 'options'));
});

after(async () => {
  await salesforce?.close();
});

const notesInSalesforce = () => salesforce.state.list('ContentNote');
const base64Utf8 = (text) => Buffer.from(text, 'utf8').toString('base64');
async function waitFor(condition, { what, timeoutMs = 20_000 }) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const SECTION = '[data-testid=salesforce-section]';

test('Firefox: the options connect the org through Firefox’s sign-in window', async () => {
  await options.waitFor('[data-testid=salesforce-state][data-state=not-connected]');
  assert.deepEqual(await grantedDataCollection(), []); // nothing may be transmitted before the user connects
  assert.match(await options.text('[data-testid=salesforce-redirect]'), /^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/salesforce$/);
  await options.fill(SECTION, 'Login address (your My Domain, login.salesforce.com or test.salesforce.com)', INSTANCE_HOST);
  await options.fill(SECTION, "Consumer key of your org's External Client App", '3MVG9firefox.consumer_key');
  await options.click(SECTION, 'Connect to Salesforce');
  await options.waitFor('[data-testid=salesforce-state][data-state=connected]');
  assert.deepEqual((await grantedDataCollection()).sort(), ['browsingActivity', 'personalCommunications', 'personallyIdentifyingInfo', 'websiteContent']);
  const [authorize] = salesforce.state.requests;
  assert.equal(`${authorize.method} ${authorize.path.split('?')[0]}`, 'GET /services/oauth2/authorize');
  assert.equal(new URL(`https://${INSTANCE_HOST}${authorize.path}`).searchParams.get('code_challenge_method'), 'S256');
});

test('Firefox: a note captured on the opportunity is written to Salesforce once, and the panel says so', async () => {
  assert.equal((await captureSelection(crmPage, 'Firefox: the CFO signs anything above USD 1 M.')).outcome, 'saved');
  await waitFor(() => notesInSalesforce().some((note) => /^Firefox: the CFO signs/.test(note.Title)), { what: 'the note in Salesforce' });
  await panel.waitFor('[data-testid=sync-status][data-state=sent]');
  const [note] = notesInSalesforce().filter((candidate) => /^Firefox: the CFO signs/.test(candidate.Title));
  assert.equal(salesforce.state.list('ContentDocumentLink').filter((link) => link.ContentDocumentId === note.Id && link.LinkedEntityId === FIRST_OPPORTUNITY.recordId).length, 1);
});

test('Firefox: a colleague’s note on the opportunity is read back with who wrote it', async () => {
  const colleague = salesforce.state.seed('User', { Name: 'Amira Hassan', Username: 'amira@example.com', Email: 'amira@example.com', IsActive: true });
  const id = salesforce.state.seed('ContentNote', { Title: 'Grid study', Content: base64Utf8('<p>Grid study: 60 of 450 sites on the grid.</p>'), FileType: 'SNOTE', CreatedById: colleague, LastModifiedById: colleague, OwnerId: colleague });
  salesforce.state.seed('ContentDocumentLink', { ContentDocumentId: id, LinkedEntityId: FIRST_OPPORTUNITY.recordId, ShareType: 'V', Visibility: 'AllUsers' });
  await panel.click('[data-testid=sync-status]', 'Refresh from Salesforce');
  await panel.waitFor('[data-testid=note]', { text: 'Grid study: 60 of 450 sites on the grid.' });
  assert.ok((await panel.page.evaluate(() => [...document.querySelectorAll('[data-testid=note-author]')].map((el) => el.textContent))).includes('Amira Hassan, in Salesforce'));
});

test('Firefox: a facts note changed in Salesforce meanwhile parks the next write as a conflict the panel shows', async () => {
  const budget = '[data-testid=requirement][data-requirement=budget]';
  const save = async (button, value) => {
    await panel.click(budget, button);
    await panel.fill(budget, 'Value of Budget and funding', value);
    await panel.click(budget, 'Save');
    await panel.waitFor(`${budget} .requirement-value`, { text: value });
  };
  const factsNote = () => notesInSalesforce().find((note) => /^Requirement facts/.test(note.Title));
  await save('Add a value: Budget and funding', 'USD 2M approved by the board');
  await waitFor(() => factsNote() && salesforce.state.noteBody(factsNote().Id).includes('USD 2M approved by the board'), { what: 'the facts note' });
  await panel.waitFor('[data-testid=sync-status][data-state=sent]');
  salesforce.state.clockOffsetMs += 3_000;
  salesforce.state.touch('ContentNote', factsNote().Id, { Content: base64Utf8('<p>Budget: USD 1.8M (owner)</p>') });
  await save('Edit: Budget and funding', 'USD 2.2M after the review');
  await panel.waitFor('[data-testid=sync-status][data-state=parked]', { text: 'Changed in Salesforce since this browser last wrote it' });
  assert.equal(salesforce.state.noteBody(factsNote().Id), '<p>Budget: USD 1.8M (owner)</p>');
  await options.waitFor('[data-testid=outbox-entry][data-state=parked]');
  await options.click('[data-testid=outbox-entry][data-state=parked]', 'Discard');
  await options.waitFor('[data-testid=outbox-empty]');
});

test('Firefox: disconnecting revokes the sign-in; what was not written yet stays in the outbox', async () => {
  salesforce.faults.next({ kind: 'status', status: 503, match: '/composite', body: [{ message: 'Service Unavailable', errorCode: 'SERVER_UNAVAILABLE' }] });
  assert.equal((await captureSelection(crmPage, 'Firefox: the pilot moves to Q2.')).outcome, 'saved');
  await panel.waitFor('[data-testid=sync-status][data-state=sending]');
  await options.click(SECTION, 'Disconnect');
  await options.waitFor('[data-testid=salesforce-state][data-state=not-connected]');
  assert.deepEqual(await grantedDataCollection(), []);
  assert.ok(salesforce.state.requests.some((request) => request.method === 'POST' && request.path === '/services/oauth2/revoke'));
  assert.ok([...salesforce.state.refreshTokens.values()].every((grant) => grant.revoked));
  await panel.waitFor('[data-testid=sync-status][data-state=waiting]');
  await options.waitFor('[data-testid=outbox-entry]', { text: 'Firefox: the pilot moves to Q2.' });
  assert.ok(!notesInSalesforce().some((note) => /^Firefox: the pilot/.test(note.Title)));
});
