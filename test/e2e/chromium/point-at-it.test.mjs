// "Point at it on the page" (issue 13) on the production build: a Pipedrive
// deal whose stage the adapter cannot find (deal-stage-restyled.html) shows it
// missing; the user asks to point at it in the panel, clicks the stage in the
// page with a real (trusted) click, and the panel shows the stage, marked as
// read by their page rule — after a reload too. The keyboard works as well:
// Esc cancels and stores nothing, Enter picks the value under the pointer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crmBrowserForTheseTests } from '../support/crm-browser.mjs';
import { openRecordWithPanel } from '../support/extension.mjs';
import { fixture } from '../support/fixtures.mjs';

const crm = crmBrowserForTheseTests();
const DEAL = fixture('pipedrive', 'deal-stage-restyled.html', { name: 'Adatum Freight – Cold Store Sensors', stage: 'Demo Scheduled' });
const STAGE_IN_PAGE = '[data-testid=deal-stage]';
const POINT_AT_STAGE = 'Point at the stage on the page';

let page;
let panel;

/** True once the picker's overlay is in the page (a div the picker appends to <html>, beside <head> and <body>). */
const pickerShown = () => [...document.documentElement.children].some((element) => element.localName === 'div');

/** The centre of the stage chip in the page, where a user's pointer goes. */
async function stageCentre() {
  const box = await page.locator(STAGE_IN_PAGE).boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function startPointing() {
  await panel.getByRole('button', { name: POINT_AT_STAGE }).click();
  await page.waitForFunction(pickerShown, undefined, { timeout: 15_000 });
}

const status = () => panel.getByTestId('point-status');

test('the stage the adapter missed, pointed at with a click, is read by the rule — after a reload too', async () => {
  await crm.ready;
  ({ page, panel } = await openRecordWithPanel(crm.browser, DEAL.url));
  await panel.getByTestId('record-name').filter({ hasText: DEAL.name }).waitFor();
  await panel.getByTestId('adapter-health').filter({ hasText: 'Could not find on the page: stage' }).waitFor();
  assert.equal(await panel.getByTestId('record-stage').textContent(), 'not read');

  await startPointing();
  assert.match(await status().textContent(), /^Click the stage in the CRM page/);
  const { x, y } = await stageCentre();
  await page.mouse.move(x, y);
  await page.mouse.click(x, y);

  await status().filter({ hasText: `Saved: the stage is now read from where you pointed (“${DEAL.stage}”).` }).waitFor();
  await panel.locator('[data-testid=record-stage][data-source=rule]').filter({ hasText: DEAL.stage }).waitFor();
  assert.match(await panel.getByTestId('adapter-health').textContent(), /From your page rules: stage\./);
  assert.equal(await page.evaluate(pickerShown), false, 'the picker is gone from the page');

  // The panel shows "reading" while the reloaded page announces itself, so the stage shown after it is a new element, read again.
  const stageInRule = '[data-testid=record-stage][data-source=rule]';
  await panel.locator(stageInRule).evaluate((element) => element.setAttribute('data-e2e-before-reload', ''));
  await page.reload();
  await panel.locator(`${stageInRule}:not([data-e2e-before-reload])`).filter({ hasText: DEAL.stage }).waitFor();
});

test('with the keyboard: Esc cancels and stores nothing; Enter picks the value under the pointer', async () => {
  await panel.locator('[data-testid=point-at-it] summary').click();
  await startPointing();
  await page.keyboard.press('Escape');
  await status().filter({ hasText: 'Pointing cancelled: nothing was saved.' }).waitFor();
  assert.equal(await page.evaluate(pickerShown), false);

  await startPointing();
  const { x, y } = await stageCentre();
  await page.mouse.move(x, y);
  await page.keyboard.press('Enter');
  await status().filter({ hasText: `(“${DEAL.stage}”)` }).waitFor();

  // One rule for the stage of Pipedrive deals on this host: the new one replaced the first.
  const options = await crm.browser.context.newPage();
  await options.goto(`chrome-extension://${crm.browser.extensionId}/options.html`);
  const rules = options.getByTestId('page-rule');
  await rules.first().waitFor();
  assert.equal(await rules.count(), 1);
  assert.deepEqual(await rules.first().locator('td').allTextContents(), ['Pipedrive', DEAL.host, 'deal', 'stage', 'selector [data-testid="deal-stage"]', 'pointed at by you', 'Remove']);

  // Removed in the options, the rule no longer reads the stage once the page is read again.
  await options.getByRole('button', { name: `Remove the stage rule for deal on ${DEAL.host}` }).click();
  await options.getByTestId('page-rules-empty').waitFor();
  await page.reload();
  await panel.getByTestId('adapter-health').filter({ hasText: 'Could not find on the page: stage' }).waitFor();
  await Promise.all([options.close(), page.close(), panel.close()]);
});
