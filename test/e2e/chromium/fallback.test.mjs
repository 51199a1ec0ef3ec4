// Part-by-part fallback on the production build: when an adapter's selector
// misses a part, the background injects the enricher (entrypoints/enricher.ts)
// into the CRM tab, and the panel shows the part read by its label, marked so.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startCrmServer } from '../support/crm-server.mjs';
import { launchWithExtension } from '../support/chromium.mjs';
import { openRecordWithPanel } from '../support/extension.mjs';
import { fixture } from '../support/fixtures.mjs';

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

test('Odoo: a Salesperson widget that lost the name the adapter reads it by is read by its label', async () => {
  const lead = fixture('odoo', 'lead-en.html');
  const { page, panel } = await openRecordWithPanel(browser, lead.url);
  await panel.getByTestId('record-owner').filter({ hasText: 'Amara Okafor' }).waitFor();
  assert.equal(await panel.getByTestId('record-owner').getAttribute('data-source'), null, 'read by the adapter');

  // A release renames the widget's field attribute: the widget is rendered again without `name="user_id"`.
  await page.evaluate(() => {
    const widget = document.querySelector('[name="user_id"]');
    const renamed = widget.cloneNode(true);
    renamed.removeAttribute('name');
    widget.replaceWith(renamed);
  });
  const owner = panel.locator('[data-testid="record-owner"][data-source="label"]');
  await owner.waitFor();
  assert.equal(await owner.textContent(), 'Amara Okafor');
  assert.doesNotMatch(await panel.getByTestId('adapter-health').textContent(), /Could not find/, 'the owner is not reported missing');
  await Promise.all([page.close(), panel.close()]);
});
