// Salesforce write-back on the production build, against the local Salesforce stand-in
// (test/support/salesforce-server.mjs) served under the org's real My Domain host through
// Chromium's host-resolver rules: connect from the options (identity.launchWebAuthFlow,
// PKCE), a capture on the opportunity written to Salesforce exactly once, a refused write
// shown with its reason and retried, and disconnect revoking the sign-in. The extension
// reaches the org's hosts only while connected (the silence watch fails the file otherwise).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeCertificate } from '../support/certificate.mjs';
import { startCrmServer } from '../support/crm-server.mjs';
import { currentServiceWorker, launchWithExtension } from '../support/chromium.mjs';
import { captureViaMenu, openRecordWithPanel, selectNewParagraph } from '../support/extension.mjs';
import { FIRST_OPPORTUNITY } from '../support/fixtures.mjs';
import { startSalesforceServer } from '../../support/salesforce-server.mjs';

// The fixture opportunity lives on acme.lightning.force.com: its org's API is acme.my.salesforce.com.
const INSTANCE_HOST = 'acme.my.salesforce.com';
const CONSUMER_KEY = '3MVG9e2e.consumer_key';

let crm;
let salesforce;
let browser;
let page;
let panel;
let tabId;

before(async () => {
  crm = await startCrmServer();
  salesforce = await startSalesforceServer({ https: makeCertificate([INSTANCE_HOST, 'login.salesforce.com']), instanceUrl: `https://${INSTANCE_HOST}` });
  salesforce.state.seed('Opportunity', { Id: FIRST_OPPORTUNITY.recordId, Name: FIRST_OPPORTUNITY.name });
  browser = await launchWithExtension(crm, { resolve: { [INSTANCE_HOST]: salesforce.port, 'login.salesforce.com': salesforce.port } });
  ({ page, panel, tabId } = await openRecordWithPanel(browser, FIRST_OPPORTUNITY.url));
  await panel.getByTestId('record-name').waitFor();
});

after(async () => {
  await browser?.context.close();
  await salesforce?.close();
  await crm?.close();
});

const capture = async (text) => {
  await page.bringToFront();
  await selectNewParagraph(page, text);
  return captureViaMenu(browser.context, tabId, { selectionText: text, pageUrl: page.url() });
};
const notesInSalesforce = () => salesforce.state.list('ContentNote');
const linkedToOpportunity = (noteId) => salesforce.state.list('ContentDocumentLink').filter((link) => link.ContentDocumentId === noteId && link.LinkedEntityId === FIRST_OPPORTUNITY.recordId);
async function until(condition, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const openOptions = async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  return options.getByTestId('salesforce-section');
};

test('until an org is connected a capture stays in this browser and nothing is sent', async () => {
  assert.equal((await capture('Before connecting: the budget is still under review.')).outcome, 'saved');
  await panel.waitForTimeout(500);
  assert.deepEqual(salesforce.state.requests, []);
  assert.equal(await panel.getByTestId('sync-status').count(), 0);
});

test('the options connect the org through the Salesforce sign-in window; the tokens stay in the background', async () => {
  const section = await openOptions();
  await section.locator('[data-testid=salesforce-state][data-state=not-connected]').waitFor();
  const redirect = await section.getByTestId('salesforce-redirect').textContent();
  assert.equal(redirect, `https://${browser.extensionId}.chromiumapp.org/salesforce`);
  browser.silence.allowedHosts.add(INSTANCE_HOST);
  await section.getByLabel('Login address').fill(INSTANCE_HOST);
  await section.getByLabel('Consumer key').fill(CONSUMER_KEY);
  await section.getByRole('button', { name: 'Connect to Salesforce' }).click();
  await section.locator('[data-testid=salesforce-state][data-state=connected]').waitFor({ timeout: 20_000 });
  assert.match(await section.getByTestId('salesforce-state').textContent(), new RegExp(`Connected to ${INSTANCE_HOST}`));
  const paths = salesforce.state.requests.map((request) => `${request.method} ${request.host}${request.path.split('?')[0]}`);
  // The sign-in first; then the open panel may already read the record back.
  assert.deepEqual(paths.slice(0, 2), [`GET ${INSTANCE_HOST}/services/oauth2/authorize`, `POST ${INSTANCE_HOST}/services/oauth2/token`]);
  assert.ok(paths.slice(2).every((path) => path.startsWith(`GET ${INSTANCE_HOST}/services/data/`)), paths.join('\n'));
  const authorize = new URL(`https://${INSTANCE_HOST}${salesforce.state.requests[0].path}`);
  assert.equal(authorize.searchParams.get('client_id'), CONSUMER_KEY);
  assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
  assert.equal(authorize.searchParams.get('redirect_uri'), redirect);
  // Where content scripts could read them, there is nothing of the sign-in.
  const sw = await currentServiceWorker(browser.context);
  const local = await sw.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
  assert.doesNotMatch(local, /salesforce|accessToken|refreshToken/i);
  await section.page().close();
});

test('a note captured on the opportunity is written to Salesforce once, linked to it, and the panel says so', async () => {
  const text = 'Their CFO signs anything above USD 1 M.\nProcurement wants three quotes.';
  assert.equal((await capture(text)).outcome, 'saved');
  await until(() => notesInSalesforce().length === 1, 'the note in Salesforce');
  const [note] = notesInSalesforce();
  assert.match(note.Title, /^Their CFO signs anything above USD 1 M\./);
  assert.match(salesforce.state.noteBody(note.Id), /Procurement wants three quotes\./);
  await until(() => linkedToOpportunity(note.Id).length === 1, 'the link to the opportunity');
  await panel.locator('[data-testid=sync-status][data-state=sent]').waitFor();
  assert.equal(await panel.getByTestId('sync-status').getByRole('status').textContent(), 'Salesforce: all sent');
  // The note captured before connecting was not meant for Salesforce: it stays local.
  assert.equal(notesInSalesforce().length, 1);
});

test('a colleague’s browser connected to the same org shows the note, with who wrote it', async () => {
  const sr = await launchWithExtension(crm, { resolve: { [INSTANCE_HOST]: salesforce.port, 'login.salesforce.com': salesforce.port } });
  try {
    salesforce.state.signInAs = salesforce.state.seed('User', { Name: 'Sami Solution', Username: 'sami@example.com' });
    sr.silence.allowedHosts.add(INSTANCE_HOST);
    const options = await sr.context.newPage();
    await options.goto(`chrome-extension://${sr.extensionId}/options.html`);
    const section = options.getByTestId('salesforce-section');
    await section.getByLabel('Login address').fill(INSTANCE_HOST);
    await section.getByLabel('Consumer key').fill(CONSUMER_KEY);
    await section.getByRole('button', { name: 'Connect to Salesforce' }).click();
    await section.locator('[data-testid=salesforce-state][data-state=connected]').waitFor({ timeout: 20_000 });
    const { panel: srPanel } = await openRecordWithPanel(sr, FIRST_OPPORTUNITY.url);
    const note = srPanel.getByTestId('note').filter({ hasText: 'Their CFO signs anything above USD 1 M.' });
    await note.waitFor({ timeout: 20_000 });
    assert.match(await note.textContent(), /Procurement wants three quotes\./);
    assert.equal(await note.getByTestId('note-author').textContent(), 'Ada Rep, in Salesforce');
    // The AR's browser does not read its own note back as a second copy.
    await panel.getByTestId('sync-refresh').click();
    await panel.waitForTimeout(500);
    assert.equal(await panel.getByTestId('note').filter({ hasText: 'Their CFO signs anything above USD 1 M.' }).count(), 1);
  } finally {
    salesforce.state.signInAs = '';
    await sr.context.close();
  }
});

test('a write Salesforce refuses is parked with its reason, shown in the panel and the options, and a retry sends it', async () => {
  salesforce.faults.next({
    kind: 'status',
    status: 400,
    match: '/sobjects/ContentNote',
    body: [{ message: 'Notes on this opportunity need approval', errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: [] }],
  });
  assert.equal((await capture('Site survey planned for 12 towers in March.')).outcome, 'saved');
  await panel.locator('[data-testid=sync-status][data-state=parked]').waitFor({ timeout: 20_000 });
  assert.match(await panel.getByTestId('sync-status').getByRole('status').textContent(), /Notes on this opportunity need approval/);
  const section = await openOptions();
  const entry = section.locator('[data-testid=outbox-entry][data-state=parked]');
  await entry.waitFor();
  assert.match(await entry.textContent(), /Site survey planned for 12 towers in March\./);
  await entry.getByRole('button', { name: 'Retry' }).click();
  await section.getByTestId('outbox-empty').waitFor({ timeout: 20_000 });
  assert.equal(notesInSalesforce().filter((note) => /^Site survey/.test(note.Title)).length, 1);
  await panel.locator('[data-testid=sync-status][data-state=sent]').waitFor();
  await section.page().close();
});

test('an accepted value is written to the opportunity’s facts note; a change someone made there meanwhile is a conflict the user sees, never overwritten', async () => {
  const budget = panel.locator('[data-testid=requirement][data-requirement=budget]');
  const save = async (value) => {
    await budget.getByRole('button', { name: /^(Add a value|Edit): Budget and funding$/ }).click();
    await budget.getByLabel('Value of Budget and funding').fill(value);
    await budget.getByRole('button', { name: 'Save' }).click();
    await budget.locator('.requirement-value').filter({ hasText: value }).waitFor();
  };
  const factsNotes = () => notesInSalesforce().filter((note) => /^Requirement facts/.test(note.Title));
  await save('USD 2M approved by the board');
  await until(() => factsNotes().length === 1 && salesforce.state.noteBody(factsNotes()[0].Id).includes('USD 2M approved by the board'), 'the facts note in Salesforce');
  const [facts] = factsNotes();
  assert.equal(linkedToOpportunity(facts.Id).length, 1);
  await panel.locator('[data-testid=sync-status][data-state=sent]').waitFor();

  // The account owner edits the note in Salesforce; then the AR changes the value here.
  salesforce.state.clockOffsetMs += 3_000;
  salesforce.state.touch('ContentNote', facts.Id, { Content: Buffer.from('<p>Budget: USD 1.8M (owner)</p>').toString('base64') });
  await save('USD 2.2M after the review');
  await panel.locator('[data-testid=sync-status][data-state=parked]').waitFor({ timeout: 20_000 });
  assert.match(await panel.getByTestId('sync-status').getByRole('status').textContent(), /Changed in Salesforce since this browser last wrote it/);
  assert.equal(salesforce.state.noteBody(facts.Id), '<p>Budget: USD 1.8M (owner)</p>');
  assert.equal(factsNotes().length, 1);

  // The user settles it in Salesforce and drops this change; the record's next writes go on.
  const section = await openOptions();
  const entry = section.locator('[data-testid=outbox-entry][data-state=parked]');
  assert.match(await entry.textContent(), /Requirement facts|facts/i);
  await entry.getByRole('button', { name: 'Discard' }).click();
  await section.getByTestId('outbox-empty').waitFor();
  await section.page().close();
});

test('disconnecting revokes the sign-in at Salesforce; what was not written yet stays in the outbox, and nothing more is sent', async () => {
  // A capture whose send meets an outage: it waits out a backoff in the outbox. (Not a dropped
  // connection: Chromium resends a request whose reused connection closed, and it would go through.)
  salesforce.faults.next({ kind: 'status', status: 503, match: '/composite', body: [{ message: 'Service Unavailable', errorCode: 'SERVER_UNAVAILABLE' }] });
  assert.equal((await capture('The pilot moves to Q2.')).outcome, 'saved');
  await panel.locator('[data-testid=sync-status][data-state=sending]').waitFor();
  const section = await openOptions();
  await section.getByRole('button', { name: 'Disconnect' }).click();
  await section.locator('[data-testid=salesforce-state][data-state=not-connected]').waitFor();
  assert.ok(salesforce.state.requests.some((request) => request.method === 'POST' && request.path === '/services/oauth2/revoke'));
  const arGrants = [...salesforce.state.refreshTokens.values()].filter((grant) => grant.userId === salesforce.state.defaultUserId);
  assert.ok(arGrants.length > 0 && arGrants.every((grant) => grant.revoked));
  browser.silence.allowedHosts.delete(INSTANCE_HOST);
  const sent = salesforce.state.requests.length;
  await panel.locator('[data-testid=sync-status][data-state=waiting]').waitFor();
  assert.match(await panel.getByTestId('sync-status').getByRole('status').textContent(), /1 waiting for a connection/);
  const entry = section.locator('[data-testid=outbox-entry]');
  assert.match(await entry.textContent(), /The pilot moves to Q2\./);
  // No alarm is left to wake the worker for it.
  await (await currentServiceWorker(browser.context)).evaluate(() => chrome.alarms.getAll().then((alarms) => alarms.map((a) => a.name))).then((names) => assert.deepEqual(names, []));
  assert.equal(salesforce.state.requests.length, sent);
  assert.ok(!notesInSalesforce().some((note) => /^The pilot moves/.test(note.Title)));
  await section.page().close();
});
