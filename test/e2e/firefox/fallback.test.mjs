// Part-by-part fallback in Firefox ESR, on the e2e build: the enricher the
// background injects with scripting.executeScript must land in the content
// script's own sandbox, where the content script's read finds it. Waits poll
// with `evaluate` (poll.mjs), as Firefox blocks puppeteer's waitForFunction on
// extension pages.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { puppeteerDriver } from '../support/drivers.mjs';
import { firefoxForTheseTests, openCrmPage, openExtensionPage } from '../support/firefox.mjs';
import { fixture } from '../support/fixtures.mjs';

const crm = firefoxForTheseTests();
const LEAD = fixture('odoo', 'lead-en.html');
let crmPage;
let panel;

before(async () => {
  await crm.ready;
  crmPage = await openCrmPage(crm.browser.browser, LEAD.url);
  panel = puppeteerDriver(await openExtensionPage(crm.browser.browser, crmPage, 'sidepanel'));
  await panel.waitFor('[data-testid=record-owner]', { text: 'Amara Okafor' });
});

test('Firefox: a Salesperson widget that lost the name the adapter reads it by is read by its label', async () => {
  // A release renames the widget's field attribute: the widget is rendered again without `name="user_id"`.
  await crmPage.evaluate(() => {
    const widget = document.querySelector('[name="user_id"]');
    const renamed = widget.cloneNode(true);
    renamed.removeAttribute('name');
    widget.replaceWith(renamed);
  });
  await panel.waitFor('[data-testid=record-owner][data-source=label]', { text: 'Amara Okafor' });
  assert.doesNotMatch(await panel.text('[data-testid=adapter-health]'), /Could not find/);
});
