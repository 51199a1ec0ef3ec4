// Firefox parity of the panel's end-to-end flows (the same steps as
// test/e2e/chromium/analysis.test.mjs and options.test.mjs), in Firefox ESR
// over WebDriver BiDi on the e2e build: the panel page opened in a tab through
// the e2e-only route, a note captured through the context menu's handler.
import { before, test } from 'node:test';
import { puppeteerDriver } from '../support/drivers.mjs';
import { captureSelection, firefoxForTheseTests, openCrmPage, openExtensionPage } from '../support/firefox.mjs';
import { FIRST_OPPORTUNITY } from '../support/fixtures.mjs';
import * as flows from '../support/panel-flows.mjs';

const crm = firefoxForTheseTests();
let crmPage;
let panel;

before(async () => {
  await crm.ready;
  const firefox = crm.browser;
  crmPage = await openCrmPage(firefox.browser, FIRST_OPPORTUNITY.url);
  panel = puppeteerDriver(await openExtensionPage(firefox.browser, crmPage, 'sidepanel'), { downloadDir: firefox.downloadDir });
  await flows.waitForAnalysis(panel);
});

test('Firefox: the record’s CRM stage is mapped onto the LTC playbook', () => flows.seeStageMapped(panel));

test('Firefox: the opened deal shows its missing requirements and who needs them', () => flows.seeMissingRequirements(panel));

test('Firefox: the iron triangle is required', () => flows.seeIronTriangleRequired(panel));

test('Firefox: decision-chain gaps come with a next step', () => flows.seeGapsWithNextStep(panel));

test('Firefox: a captured note is proposed, accepted, and completeness rises', () =>
  flows.captureNoteAndAcceptItsProposal(panel, (text) => captureSelection(crmPage, text)));

test('Firefox: a selection on the record page, captured through the menu, becomes a note of that record', () =>
  flows.captureBecomesNoteOfRecord(panel, (text) => captureSelection(crmPage, text), {
    text: 'Customer: the acceptance tests are at the port of Sudan, not on site.',
    recordId: FIRST_OPPORTUNITY.recordId,
  }));

test('Firefox: the exported brief carries the accepted need with its source', () => flows.exportBriefWithAcceptedNeed(panel));

test('Firefox: adding a person for an uncovered customer role closes that gap', () => flows.addStakeholderClosesGap(panel));

test('Firefox: a team directory imported in the options lets the panel assign a suggested SR', async () => {
  const options = await openExtensionPage(crm.browser.browser, crmPage, 'options');
  await flows.importTeamDirectory(puppeteerDriver(options));
  await flows.assignSuggestedSr(panel);
  await options.close();
});
