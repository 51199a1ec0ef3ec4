// The engines' results in the panel, on the production build and the
// Salesforce fixture: requirements, team and decision chain, and the essay's
// Sudan story end to end — a captured note about diesel cost becomes a
// suggestion, is accepted, and the completeness rises. The flows shared with
// Firefox are in ../support/panel-flows.mjs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startCrmServer } from '../support/crm-server.mjs';
import { launchWithExtension } from '../support/chromium.mjs';
import { playwrightDriver } from '../support/drivers.mjs';
import { captureViaMenu, selectNewParagraph, tabOf } from '../support/extension.mjs';
import { FIRST_OPPORTUNITY } from '../support/fixtures.mjs';
import * as flows from '../support/panel-flows.mjs';

let server;
let browser;
let crmPage;
let panel;
/** The panel page through the driver the flows shared with Firefox speak. */
let driver;
let crmTabId;

before(async () => {
  server = await startCrmServer();
  browser = await launchWithExtension(server);
  crmPage = browser.context.pages()[0] ?? (await browser.context.newPage());
  await crmPage.goto(FIRST_OPPORTUNITY.url);
  ({ id: crmTabId } = await tabOf(browser.context, crmPage.url()));
  panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${crmTabId}`);
  driver = playwrightDriver(panel);
  await flows.waitForAnalysis(driver);
});

after(async () => {
  await browser?.context.close();
  await server?.close();
});

test('the record’s CRM stage is mapped onto the LTC playbook', () => flows.seeStageMapped(driver));

test('requirements: missing facts at this stage, with who needs them', () => flows.seeMissingRequirements(driver));

test('team: the iron triangle is required', () => flows.seeIronTriangleRequired(driver));

test('decision chain: gaps with a next step', () => flows.seeGapsWithNextStep(driver));

test('the Sudan story: a note about diesel at remote sites is suggested, accepted, and completeness rises', () =>
  flows.captureNoteAndAcceptItsProposal(driver, async (text) => {
    await selectNewParagraph(crmPage, text);
    return captureViaMenu(browser.context, crmTabId, { selectionText: '', pageUrl: crmPage.url() });
  }));

test('two panels editing the same requirement: the later save is shown the conflict, nothing is overwritten silently', async () => {
  const other = await browser.context.newPage();
  await other.goto(panel.url());
  const budgetIn = (page) => page.locator('[data-testid=requirement][data-requirement=budget]');

  await budgetIn(other).getByRole('button', { name: 'Add a value: Budget and funding' }).click();
  await budgetIn(panel).getByRole('button', { name: 'Add a value: Budget and funding' }).click();
  await budgetIn(panel).getByLabel('Value of Budget and funding').fill('USD 2M approved by the board');
  await budgetIn(panel).getByRole('button', { name: 'Save' }).click();
  await budgetIn(panel).locator('.requirement-value').filter({ hasText: 'USD 2M approved by the board' }).waitFor();

  await budgetIn(other).getByLabel('Value of Budget and funding').fill('USD 1.5M');
  await budgetIn(other).getByRole('button', { name: 'Save' }).click();
  const conflict = budgetIn(other).getByTestId('value-conflict');
  await conflict.filter({ hasText: 'another panel saved “USD 2M approved by the board”' }).waitFor();
  await conflict.getByRole('button', { name: 'Keep theirs' }).click();
  await budgetIn(other).locator('.requirement-value').filter({ hasText: 'USD 2M approved by the board' }).waitFor();
  assert.equal(await budgetIn(panel).getAttribute('data-status'), 'captured');
  await other.close();
});

test('the hand-off brief carries the accepted need with its source', () => flows.exportBriefWithAcceptedNeed(driver));

test('adding a person for an uncovered customer role closes that gap', () => flows.addStakeholderClosesGap(driver));
