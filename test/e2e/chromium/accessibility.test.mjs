// Accessibility of the production panel, options page and deal desk: axe-core
// on every panel state (no record, a CRM page that is not a record, a record
// with its analysis, an open editor), on the options page and on the desk with
// a record in it, with no serious or critical violation; and a keyboard-only
// walk through the record view.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { PLAIN_HOST, startCrmServer } from '../support/crm-server.mjs';
import { launchWithExtension } from '../support/chromium.mjs';
import { tabOf } from '../support/extension.mjs';
import { FIRST_OPPORTUNITY, fixture } from '../support/fixtures.mjs';
import { launcherButton, launcherFrame, openDockedPanel, setDisplay } from '../support/in-page.mjs';

// Evaluated over the DevTools protocol, which the page's CSP does not govern: nothing is added to the extension.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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

/** Serious and critical axe violations of a page or frame. */
async function seriousViolations(page) {
  await page.evaluate(AXE);
  const results = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
}

async function panelFor(url) {
  const page = await browser.context.newPage();
  await page.goto(url);
  const tab = await tabOf(browser.context, page.url());
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tab?.id ?? 0}`);
  return panel;
}

test('panel without a record', async () => {
  const panel = await panelFor(server.url(PLAIN_HOST, '/'));
  await panel.getByTestId('no-record').waitFor();
  assert.deepEqual(await seriousViolations(panel), []);
});

test('panel on a CRM page that is not a record', async () => {
  const panel = await panelFor(fixture('dynamics', 'account-en.html').url);
  await panel.getByTestId('no-record-reason').waitFor();
  assert.deepEqual(await seriousViolations(panel), []);
});

test('panel with a record, its analysis and an open editor, in both languages', async () => {
  const panel = await panelFor(FIRST_OPPORTUNITY.url);
  await panel.getByTestId('requirements-section').waitFor();
  assert.deepEqual(await seriousViolations(panel), []);
  await panel.getByRole('button', { name: 'Add a value: Budget and funding' }).click();
  await panel.locator('[data-testid=gap][data-kind=role-uncovered]').first().getByRole('button', { name: /^Add a person for / }).click();
  assert.deepEqual(await seriousViolations(panel), []);

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await panel.reload();
  await panel.getByRole('heading', { name: '需求信息' }).waitFor();
  assert.deepEqual(await seriousViolations(panel), []);
  await options.getByRole('combobox', { name: '语言' }).selectOption('auto');
});

test('options page', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId('custom-crms-section').waitFor();
  assert.deepEqual(await seriousViolations(options), []);
});

test('deal desk, with a record read in it', async () => {
  const panel = await panelFor(FIRST_OPPORTUNITY.url);
  await panel.getByTestId('requirements-section').waitFor();
  const desk = await browser.context.newPage();
  await desk.goto(`chrome-extension://${browser.extensionId}/deals.html`);
  await desk.locator('[data-testid=desk][data-checking=false] [data-testid=desk-row][data-high]').first().waitFor();
  assert.deepEqual(await seriousViolations(desk), []);
  await Promise.all([desk.close(), panel.close()]);
});

test('the in-page badge and the docked panel', async () => {
  const page = await browser.context.newPage();
  await page.goto(FIRST_OPPORTUNITY.url);
  await launcherButton(page);
  assert.deepEqual(await seriousViolations(await launcherFrame(page)), []);
  // This profile denies pages framed in a web page their storage: the docked panel says so, and that state must be accessible too.
  const docked = await openDockedPanel(browser, page);
  await docked.locator('[data-testid=panel]').waitFor();
  assert.deepEqual(await seriousViolations(docked), []);
  await setDisplay(browser, (section) => section.getByLabel("In the browser's side panel").check());
  await page.close();
});

test('keyboard only: reach and use a requirement editor without a mouse', async () => {
  const panel = await panelFor(FIRST_OPPORTUNITY.url);
  await panel.getByTestId('requirements-section').waitFor();
  await panel.bringToFront();
  const target = 'Add a value: Budget and funding';
  let reached = false;
  for (let presses = 0; presses < 80 && !reached; presses++) {
    await panel.keyboard.press('Tab');
    reached = await panel.evaluate((name) => document.activeElement?.getAttribute('aria-label') === name, target);
  }
  assert.ok(reached, 'Tab reaches the editor button');
  await panel.keyboard.press('Enter');
  await panel.keyboard.press('Tab'); // into the text area
  const editor = panel.getByTestId('value-editor');
  await editor.getByLabel('Value of Budget and funding').focus();
  await panel.keyboard.type('Funded from the 2027 capex budget');
  await editor.getByRole('button', { name: 'Save' }).focus();
  await panel.keyboard.press('Enter');
  await panel.locator('[data-testid=requirement][data-requirement=budget] .requirement-value').filter({ hasText: 'Funded from the 2027 capex budget' }).waitFor();
});
