// The options page on the production build: a user-defined CRM read after its
// host is granted, and a team directory imported with its row errors and then
// used by the panel to suggest and assign a solution responsible.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startCrmServer } from '../support/crm-server.mjs';
import { CHROME_BUILD, launchWithExtension } from '../support/chromium.mjs';
import { tabOf } from '../support/extension.mjs';
import { playwrightDriver } from '../support/drivers.mjs';
import { fixture, FIRST_OPPORTUNITY } from '../support/fixtures.mjs';
import * as flows from '../support/panel-flows.mjs';

const CUSTOM_HOST = 'https://crm.example.com/*';

/**
 * The production build, with the custom CRM's host already granted. Headless
 * Chromium cannot answer the browser's permission prompt; an unpacked
 * extension is granted the hosts its manifest lists, which is what the user's
 * "Allow" would do. permissions.request() then resolves at once, as it does
 * for a host already granted.
 */
function buildWithGrantedHost() {
  const dir = mkdtempSync(join(tmpdir(), 'iron-triangle-granted-'));
  cpSync(CHROME_BUILD, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions.push(CUSTOM_HOST);
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

let server;
let browser;
let options;

before(async () => {
  server = await startCrmServer();
  browser = await launchWithExtension(server, { extensionDir: buildWithGrantedHost() });
  options = browser.context.pages()[0] ?? (await browser.context.newPage());
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
});

after(async () => {
  await browser?.context.close();
  await server?.close();
});

async function panelFor(url) {
  const page = await browser.context.newPage();
  await page.goto(url);
  const { id } = await tabOf(browser.context, page.url());
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${id}`);
  return { page, panel };
}

test('a user-defined CRM is read once added in the options', async () => {
  const section = options.getByTestId('custom-crms-section');
  await section.getByLabel('Name', { exact: true }).fill('Acme in-house CRM');
  await section.getByLabel('Address (e.g. crm.example.com)').fill('crm.example.com');
  await section.getByRole('button', { name: 'Add and allow access' }).click();
  await section.getByTestId('custom-crm').filter({ hasText: 'https://crm.example.com/*' }).waitFor();

  const deal = fixture('generic', 'deal-dl.html', { name: 'Nile Telecom – Solar Hybrid Sites' });
  const { page, panel } = await panelFor(deal.url);
  await panel.getByTestId('record-name').filter({ hasText: deal.name }).waitFor();
  // The name of a CRM the user added is read from the store after the record is shown.
  await panel.getByTestId('adapter-health').filter({ hasText: /Acme in-house CRM \(best-effort reader\)/ }).waitFor();
  await Promise.all([page.close(), panel.close()]);
});

test('an invalid address is refused with the reason, and nothing is added', async () => {
  const section = options.getByTestId('custom-crms-section');
  await section.getByLabel('Name', { exact: true }).fill('Everything');
  await section.getByLabel('Address (e.g. crm.example.com)').fill('<all_urls>');
  await section.getByRole('button', { name: 'Add and allow access' }).click();
  await section.getByRole('alert').filter({ hasText: 'never enabled on all sites' }).waitFor();
  assert.equal(await section.getByTestId('custom-crm').count(), 1);
});

test('a team directory is imported with its row errors, then the panel assigns a suggested SR', async () => {
  await flows.importTeamDirectory(playwrightDriver(options));
  const { page, panel } = await panelFor(FIRST_OPPORTUNITY.url);
  await flows.assignSuggestedSr(playwrightDriver(panel));
  await Promise.all([page.close(), panel.close()]);
});
