// The playbook lab on the options page of the production build: an admin pastes
// a customer note and sees, as the panel would, the facts the playbook in force
// proposes (with their figures) and the roles the note brings in. The browser's
// silence watch (closed in `after`) fails the file if the note left the device.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { startCrmServer } from '../support/crm-server.mjs';
import { launchWithExtension } from '../support/chromium.mjs';

// Evaluated over the DevTools protocol, as in accessibility.test.mjs: nothing is added to the extension.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server;
let browser;
let options;

before(async () => {
  server = await startCrmServer();
  browser = await launchWithExtension(server);
  options = browser.context.pages()[0] ?? (await browser.context.newPage());
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
});

after(async () => {
  await browser?.context.close();
  await server?.close();
});

test('a pasted note shows the facts it proposes, their figures and the roles it brings in', async () => {
  const lab = options.getByTestId('playbook-lab');
  await lab.getByText('Paste or type a note above').waitFor();
  await lab
    .getByLabel('Customer note')
    .fill(
      'Call with Ahmed (CTO), 12 May. They run diesel generators at 450 remote sites and fuel costs them USD 1.2M a year. ' +
        'Their incoming inspection (IQC) rejects any batch above AQL 0.65.',
    );

  const proposals = lab.getByTestId('lab-proposals');
  const cost = proposals.locator('[data-requirement="operating-cost"]');
  await cost.waitFor();
  assert.match(await cost.textContent(), /Operating and life-cycle cost/);
  assert.match(await cost.getByTestId('lab-figures').textContent(), /USD\s1,200,000/);
  await proposals.locator('[data-requirement="acceptance-quality"]').waitFor();

  assert.match(await lab.getByTestId('lab-team-roles').textContent(), /Quality engineer/i);
  assert.match(await lab.getByTestId('lab-customer-roles').locator('[data-role="quality-inspection"]').textContent(), /IQC/);
  assert.equal(await lab.getByTestId('lab-results').getAttribute('aria-live'), 'polite');

  // The filled lab has no serious or critical accessibility violation.
  await options.evaluate(AXE);
  const results = await options.evaluate(() => globalThis.axe.run('[data-testid="playbook-lab"]', { resultTypes: ['violations'] }));
  assert.deepEqual(
    results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id),
    [],
  );
});
