// The engines' results in the panel, on the production build and the
// Salesforce fixture: requirements, team and decision chain, and the essay's
// Sudan story end to end — a captured note about diesel cost becomes a
// suggestion, is accepted, and the completeness rises.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { startCrmServer } from '../support/crm-server.mjs';
import { launchWithExtension } from '../support/chromium.mjs';
import { captureViaMenu, selectNewParagraph, tabOf } from '../support/extension.mjs';
import { FIRST_OPPORTUNITY } from '../support/fixtures.mjs';

let server;
let browser;
let crmPage;
let panel;
let crmTabId;

before(async () => {
  server = await startCrmServer();
  browser = await launchWithExtension(server);
  crmPage = browser.context.pages()[0] ?? (await browser.context.newPage());
  await crmPage.goto(FIRST_OPPORTUNITY.url);
  ({ id: crmTabId } = await tabOf(browser.context, crmPage.url()));
  panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${crmTabId}`);
  await panel.getByTestId('requirements-section').waitFor();
});

after(async () => {
  await browser?.context.close();
  await server?.close();
});

const completeness = async () => {
  const [captured, required] = (await panel.getByTestId('completeness').textContent()).match(/\d+/g).map(Number);
  return { captured, required };
};

test('the record’s CRM stage is mapped onto the LTC playbook', async () => {
  assert.match(await panel.getByTestId('stage-resolution').textContent(), /“Needs Analysis” is the LTC stage Solution \/ proposal/);
});

test('requirements: missing facts at this stage, with who needs them', async () => {
  const budget = panel.locator('[data-testid=requirement][data-requirement=budget]');
  assert.equal(await budget.getAttribute('data-status'), 'missing');
  assert.match(await budget.textContent(), /Needed by .*Account responsible \(AR\)/);
  const { captured, required } = await completeness();
  assert.ok(required > captured, `${captured} of ${required}`);
});

test('team: the iron triangle is required', async () => {
  for (const role of ['ar', 'sr', 'fr']) {
    assert.equal(await panel.locator(`[data-testid=team-role][data-role=${role}]`).count(), 1, role);
  }
});

test('decision chain: gaps with a next step', async () => {
  const gaps = panel.getByTestId('gap');
  assert.ok((await gaps.count()) > 0);
  assert.match(await gaps.first().textContent(), /Next step: /);
});

test('the Sudan story: a note about diesel at remote sites is suggested, accepted, and completeness rises', async () => {
  const before = await completeness();
  await selectNewParagraph(crmPage, 'Their biggest worry is the diesel fuel cost at the remote sites; most sites have no grid power.');
  const outcome = await captureViaMenu(browser.context, crmTabId, { selectionText: '', pageUrl: crmPage.url() });
  assert.equal(outcome.outcome, 'saved');

  const operatingCost = panel.locator('[data-testid=requirement][data-requirement=operating-cost]');
  const suggestion = operatingCost.getByTestId('suggestion');
  await suggestion.waitFor();
  assert.match(await suggestion.textContent(), /diesel/);
  await panel.locator('[data-testid=team-role][data-role=power-specialist]').waitFor();

  await suggestion.getByRole('button', { name: 'Accept' }).click();
  await panel.locator('[data-testid=requirement][data-requirement=operating-cost][data-status=captured]').waitFor();
  assert.match(await operatingCost.textContent(), /from a note/);
  // Operating cost and site power are required from this stage anyway: the count of required facts stays.
  assert.deepEqual(await completeness(), { captured: before.captured + 1, required: before.required });
});

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

test('the hand-off brief carries the accepted need with its source', async () => {
  const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('brief-section').getByRole('button', { name: 'Download (.md)' }).click()]);
  const brief = readFileSync(await download.path(), 'utf8');
  assert.match(brief, /^# Hand\\-off brief: Nile Telecom – Solar Hybrid Sites/);
  assert.match(brief, /Operating and life\\-cycle cost .*: Their biggest worry is the diesel fuel cost at the remote sites.*from a note/);
  assert.match(brief, /## Open questions/);
});

test('adding a person for an uncovered customer role closes that gap', async () => {
  const uncovered = panel.locator('[data-testid=gap][data-kind=role-uncovered]').first();
  const roleId = await uncovered.getAttribute('data-role');
  assert.ok(roleId, 'the fixture deal has an uncovered role');
  await uncovered.getByRole('button', { name: /^Add a person for / }).click();
  const form = panel.getByTestId('stakeholder-form');
  await form.getByLabel('Name').fill('Fatima Idris');
  await form.getByLabel('Stance').selectOption('supporter');
  await form.getByLabel('Influence').selectOption('high');
  await form.getByRole('button', { name: 'Add' }).click();
  await panel.getByTestId('stakeholder').filter({ hasText: 'Fatima Idris' }).waitFor();
  await panel.locator(`[data-testid=gap][data-kind=role-uncovered][data-role=${roleId}]`).waitFor({ state: 'detached' });
});
