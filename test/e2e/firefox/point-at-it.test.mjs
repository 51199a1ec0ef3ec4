// "Point at it on the page" (issue 13) in Firefox ESR over WebDriver BiDi, on
// the e2e build: the Pipedrive deal whose stage the adapter cannot find, the
// panel (opened in a tab through the e2e-only route) asks to point at it, a
// real pointer click on the stage in the page picks it, and the panel shows
// the stage read by the rule — after a reload too. Waits poll with `evaluate`
// (poll.mjs): Firefox blocks puppeteer's waitForFunction on extension pages.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { puppeteerDriver } from '../support/drivers.mjs';
import { firefoxForTheseTests, openCrmPage, openExtensionPage } from '../support/firefox.mjs';
import { fixture } from '../support/fixtures.mjs';
import { waitInPage } from '../support/poll.mjs';

const crm = firefoxForTheseTests();
const DEAL = fixture('pipedrive', 'deal-stage-restyled.html', { name: 'Adatum Freight – Cold Store Sensors', stage: 'Demo Scheduled' });
const STAGE_IN_RULE = '[data-testid=record-stage][data-source=rule]';
let crmPage;
let panel;

before(async () => {
  await crm.ready;
  crmPage = await openCrmPage(crm.browser.browser, DEAL.url);
  panel = puppeteerDriver(await openExtensionPage(crm.browser.browser, crmPage, 'sidepanel'));
  await panel.waitFor('[data-testid=record-name]', { text: DEAL.name });
});

/** True once the picker's overlay is in the page (a div the picker appends to <html>, beside <head> and <body>). */
const pickerShown = () => [...document.documentElement.children].some((element) => element.localName === 'div');

test('Firefox: the stage the adapter missed, pointed at with a click, is read by the rule — after a reload too', async () => {
  await panel.waitFor('[data-testid=adapter-health]', { text: 'Could not find on the page: stage' });
  await panel.page.bringToFront();
  await panel.click('[data-testid=point-at-it]', 'Point at the stage on the page');
  await waitInPage(crmPage, pickerShown);

  await crmPage.bringToFront();
  const box = await (await crmPage.$('[data-testid=deal-stage]')).boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await crmPage.mouse.move(x, y);
  await crmPage.mouse.click(x, y);

  await panel.waitFor('[data-testid=point-status]', { text: `Saved: the stage is now read from where you pointed (“${DEAL.stage}”).` });
  await panel.waitFor(STAGE_IN_RULE, { text: DEAL.stage });
  assert.equal(await crmPage.evaluate(pickerShown), false, 'the picker is gone from the page');

  // The panel shows "reading" while the reloaded page announces itself, so the stage shown after it is a new element, read again.
  await panel.page.evaluate((css) => document.querySelector(css).setAttribute('data-e2e-before-reload', ''), STAGE_IN_RULE);
  await crmPage.reload();
  await panel.waitFor(`${STAGE_IN_RULE}:not([data-e2e-before-reload])`, { text: DEAL.stage });
});

test('Firefox: Esc cancels pointing and stores nothing', async () => {
  await panel.page.bringToFront();
  await panel.waitFor('[data-testid=point-at-it] details');
  await panel.page.evaluate(() => document.querySelector('[data-testid=point-at-it] details').setAttribute('open', ''));
  await panel.click('[data-testid=point-at-it] details', 'Point at the stage on the page');
  await waitInPage(crmPage, pickerShown);
  await crmPage.bringToFront();
  await crmPage.keyboard.press('Escape');
  await panel.waitFor('[data-testid=point-status]', { text: 'Pointing cancelled: nothing was saved.' });
  assert.equal(await crmPage.evaluate(pickerShown), false);
});
