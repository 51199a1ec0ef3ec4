// Firefox parity of the deal desk (test/e2e/chromium/desk.test.mjs), in Firefox
// ESR over WebDriver BiDi on the e2e build: a record opened in the CRM and its
// panel; the panel's link opens the desk, which lists the record with the
// counts the panel shows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firefoxForTheseTests, openCrmPage, openExtensionPage } from '../support/firefox.mjs';
import { FIRST_OPPORTUNITY } from '../support/fixtures.mjs';
import { waitInPage } from '../support/poll.mjs';

const crm = firefoxForTheseTests();

/** The panel's high count (its summary line) and its high and medium findings, once it shows the analysis. */
function panelCounts() {
  const summary = document.querySelector('[data-testid=deal-summary]');
  if (!summary || !document.querySelector('[data-testid=next-actions]')) return null;
  const count = (severity) =>
    document.querySelectorAll(`[data-testid=next-actions] :is([data-testid=next-action], [data-testid=finding])[data-severity=${severity}]`).length;
  return JSON.stringify({ summaryHigh: Number(summary.dataset.gaps), high: count('high'), medium: count('medium') });
}

/** The desk row of the deal named `name` once its counts are worked out and the desk is done checking. */
function deskRow(name) {
  if (document.querySelector('[data-testid=desk]')?.dataset.checking !== 'false') return null;
  const row = [...document.querySelectorAll('[data-testid=desk-row]')].find((candidate) => candidate.querySelector('th')?.textContent.includes(name));
  if (!row || row.dataset.high === undefined) return null;
  return JSON.stringify({ crm: row.dataset.crm, high: Number(row.dataset.high), medium: Number(row.dataset.medium), total: document.querySelector('[data-testid=desk-count]').dataset.total });
}

test('Firefox: the desk, opened from the panel’s link, lists the record with the counts the panel shows', async () => {
  await crm.ready;
  const { browser } = crm.browser;
  const crmPage = await openCrmPage(browser, FIRST_OPPORTUNITY.url);
  const panel = await openExtensionPage(browser, crmPage, 'sidepanel');
  const shown = JSON.parse(await (await waitInPage(panel, panelCounts)).jsonValue());
  assert.equal(shown.high, shown.summaryHigh, 'the summary line counts the high findings the panel lists');

  // A real click (BiDi input: a scripted one has no user activation, and Firefox would block the tab it opens).
  // The tab it opens is not reported over BiDi, so the extension's own tabs API is asked.
  await (await panel.$('[data-testid=desk-link]')).click();
  const deskTabOpen = async () => {
    const { tabs, runtime } = globalThis.browser; // the extension page's API
    return (await tabs.query({})).some((tab) => tab.url === runtime.getURL('/deals.html'));
  };
  const opened = await waitInPage(panel, deskTabOpen);
  assert.equal(await opened.jsonValue(), true, 'the link opened the desk in a new tab');

  // That tab cannot be driven: the panel's own tab goes where the link points instead, and is the desk from then on.
  const desk = panel;
  await desk.evaluate(() => location.assign(document.querySelector('[data-testid=desk-link]').href));
  const row = JSON.parse(await (await waitInPage(desk, deskRow, {}, FIRST_OPPORTUNITY.name)).jsonValue());
  assert.deepEqual(row, { crm: FIRST_OPPORTUNITY.crm, high: shown.high, medium: shown.medium, total: '1' });
});
