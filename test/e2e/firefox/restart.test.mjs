// A Firefox restart on the same profile, the extension installed for good as a
// user's would be: the capture menu item is there again and stored notes survive.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { puppeteerDriver } from '../support/drivers.mjs';
import { askExtension, captureSelection, closeFirefox, launchFirefoxWithExtension, openCrmPage, openExtensionPage } from '../support/firefox.mjs';
import { startCrmServer } from '../support/crm-server.mjs';
import { FIRST_OPPORTUNITY } from '../support/fixtures.mjs';

const NOTE = 'Before the restart: the customer wants acceptance tests at the port of Sudan.';
const profile = mkdtempSync(join(tmpdir(), 'iron-triangle-firefox-profile-'));
let server;
let firefox;

/** The panel of the fixture opportunity, with the note captured before the restart. */
async function panelShowingTheNote() {
  const crmPage = await openCrmPage(firefox.browser, FIRST_OPPORTUNITY.url);
  const panel = puppeteerDriver(await openExtensionPage(firefox.browser, crmPage, 'sidepanel'));
  await panel.waitFor('[data-testid=note]', { text: NOTE });
  return { crmPage, panel };
}

before(async () => {
  server = await startCrmServer();
});

after(async () => {
  if (firefox) await closeFirefox(firefox.browser);
  await server?.close();
});

test('Firefox: before the restart, the menu item exists and a note is captured through it', async () => {
  firefox = await launchFirefoxWithExtension(server, { profile });
  const crmPage = await openCrmPage(firefox.browser, FIRST_OPPORTUNITY.url);
  assert.equal(await askExtension(crmPage, { type: 'e2e/menu-present' }), true);
  assert.equal((await captureSelection(crmPage, NOTE)).outcome, 'saved');
  await panelShowingTheNote();
  await closeFirefox(firefox.browser);
  firefox = undefined;
});

test('Firefox: after closing and relaunching on the same profile, the menu item is there and the note survives', async () => {
  firefox = await launchFirefoxWithExtension(server, { profile });
  const { crmPage, panel } = await panelShowingTheNote();
  assert.equal(await panel.count(`[data-testid=note]`), 1, 'the note is stored once');
  assert.equal(await askExtension(crmPage, { type: 'e2e/menu-present' }), true);
  // And the item still captures.
  assert.equal((await captureSelection(crmPage, 'After the restart: site power survey next week.')).outcome, 'saved');
  await panel.waitFor('[data-testid=note]', { text: 'After the restart' });
});
