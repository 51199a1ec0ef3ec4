// The deal desk (deals.html) on the production build: records read in three
// CRMs are listed with the counts their panels show, a record restored from a
// backup without a reading is listed without any; sorted, filtered and
// exported as CSV; the desk opens from the panel's link and from the toolbar
// menu, and follows changes made while it is open. One browser for the file;
// the panels stay open beside the desk.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import Papa from 'papaparse';
import { CHROME_BUILD, currentServiceWorker, launchWithExtension } from '../support/chromium.mjs';
import { startCrmServer } from '../support/crm-server.mjs';
import { captureViaMenu, openRecordWithPanel, selectNewParagraph } from '../support/extension.mjs';
import { CRM_RECORDS, FIRST_OPPORTUNITY } from '../support/fixtures.mjs';

const firstOf = (label) => CRM_RECORDS.find((entry) => entry.label === label).first;
const HUBSPOT_DEAL = firstOf('HubSpot');
const DYNAMICS_DEAL = firstOf('Dynamics 365');
/** Read in this browser, each with its panel: Salesforce, HubSpot and Dynamics 365. */
const READ = [FIRST_OPPORTUNITY, HUBSPOT_DEAL, DYNAMICS_DEAL];
/** Never opened here: it comes in with a backup, as from another browser, and has no reading to analyse. */
const RESTORED = firstOf('Pipedrive');
/** Every deal the desk lists once the backup is in. */
const DEALS = [...READ, RESTORED];
const TIMEOUT = 15_000;

let server;
let browser;
/** Per deal: its CRM page, its panel (pinned to that tab) and its tab id. */
const opened = new Map();
let desk;
/** The English catalog the build ships: the texts the desk shows are derived from it, not copied. */
let messages;

const message = (key, ...values) => values.reduce((text, value, index) => text.replace(`$${index + 1}`, value), messages[key].message);

before(async () => {
  server = await startCrmServer();
  browser = await launchWithExtension(server);
  messages = JSON.parse(await readFile(new URL('_locales/en/messages.json', `file://${CHROME_BUILD}`), 'utf8'));
  for (const deal of READ) {
    const record = await openRecordWithPanel(browser, deal.url);
    await record.panel.getByTestId('record-name').filter({ hasText: deal.name }).waitFor({ timeout: TIMEOUT });
    await record.panel.getByTestId('next-actions').waitFor({ timeout: TIMEOUT });
    opened.set(deal, record);
  }
});

after(async () => {
  await browser?.context.close();
  await server?.close();
});

/**
 * What the panel shows for the record: the high count its summary line leads
 * with (`data-gaps`), and the number of high and medium items among its next
 * actions and the findings listed under them (every finding, each once).
 */
async function panelCounts(panel) {
  const summaryHigh = Number(await panel.getByTestId('deal-summary').getAttribute('data-gaps', { timeout: TIMEOUT }));
  const items = (severity) => panel.locator(`[data-testid=next-actions] :is([data-testid=next-action], [data-testid=finding])[data-severity=${severity}]`).count();
  const [high, medium] = [await items('high'), await items('medium')];
  assert.equal(high, summaryHigh, 'the summary line counts the high findings the panel lists');
  return { high, medium };
}

const rowOf = (page, name) => page.locator('[data-testid=desk-row]').filter({ has: page.locator('th', { hasText: name }) });

async function rowCounts(page, name) {
  const row = rowOf(page, name);
  const [high, medium] = [await row.getAttribute('data-high', { timeout: TIMEOUT }), await row.getAttribute('data-medium', { timeout: TIMEOUT })];
  return { high: high === null ? null : Number(high), medium: medium === null ? null : Number(medium) };
}

/** Waits until the desk's row shows what the panel shows; a reading or enrichment can still be arriving in either. */
async function waitForRowMatchingPanel(page, deal) {
  const { panel } = opened.get(deal);
  let last;
  for (const deadline = Date.now() + TIMEOUT; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    last = { panel: await panelCounts(panel), desk: await rowCounts(page, deal.name) };
    if (last.desk.high === last.panel.high && last.desk.medium === last.panel.medium) return last.panel;
  }
  assert.deepEqual(last.desk, last.panel, `${deal.name}: the desk's counts are the panel's`);
}

async function waitUntilChecked(page) {
  await page.locator('[data-testid=desk][data-checking=false]').waitFor({ timeout: TIMEOUT });
}

const shownNames = (page) => page.locator('[data-testid=desk-row] th').evaluateAll((cells) => cells.map((cell) => cell.querySelector('a')?.textContent ?? cell.textContent));

async function countLine(page) {
  const count = page.getByTestId('desk-count');
  return { total: Number(await count.getAttribute('data-total')), shown: Number(await count.getAttribute('data-shown')), text: await count.textContent() };
}

test('the panel’s link opens the desk in a new page, which lists every record read with its CRM', async () => {
  const { panel } = opened.get(FIRST_OPPORTUNITY);
  const link = panel.getByTestId('desk-link');
  assert.equal(await link.getAttribute('href'), '/deals.html');
  [desk] = await Promise.all([browser.context.waitForEvent('page', { timeout: TIMEOUT }), link.click()]);
  await desk.waitForURL(/\/deals\.html$/, { timeout: TIMEOUT });
  assert.equal(desk.url(), `chrome-extension://${browser.extensionId}/deals.html`);
  await desk.getByTestId('desk-table').waitFor({ timeout: TIMEOUT });
  await waitUntilChecked(desk);
  assert.equal(await desk.title(), messages.deskPageTitle.message);

  assert.deepEqual(await countLine(desk), { total: READ.length, shown: READ.length, text: message('deskCount', String(READ.length)) });
  for (const deal of READ) {
    const row = rowOf(desk, deal.name);
    assert.equal(await row.count(), 1, deal.name);
    assert.equal(await row.getAttribute('data-crm'), deal.crm);
    assert.equal(await row.getAttribute('data-pending'), 'false');
    assert.equal(await row.locator('th a').getAttribute('href'), deal.url, 'the row links to the record in its CRM');
  }
});

test('each row’s high and medium counts are the ones its panel shows', async () => {
  for (const deal of READ) {
    const counts = await waitForRowMatchingPanel(desk, deal);
    const row = rowOf(desk, deal.name);
    // The cells say it too, not only the attributes.
    assert.equal(await row.getByTestId('desk-high').textContent(), String(counts.high), deal.name);
    assert.equal(await row.getByTestId('desk-medium').textContent(), String(counts.medium), deal.name);
  }
});

test('a backup restored in the options while the desk is open adds its deal, listed as not read here', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const section = options.getByTestId('data-section');
  // This browser's own backup, with one more record in it, as another browser's would have.
  const [exported] = await Promise.all([
    options.waitForEvent('download', { timeout: TIMEOUT }),
    section.getByRole('button', { name: messages.dataExport.message }).click(),
  ]);
  const backup = JSON.parse(await readFile(await exported.path(), 'utf8'));
  const [, objectType, recordId] = new URL(RESTORED.url).pathname.split('/');
  const recordKey = [RESTORED.crm, RESTORED.host, objectType, recordId].join('|');
  backup.data.records.push({ recordKey, crm: RESTORED.crm, host: RESTORED.host, objectType, recordId, name: RESTORED.name, url: RESTORED.url, lastSeenAt: Date.now() - 86_400_000 });
  await section.getByLabel(messages.dataImport.message).setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await section.getByTestId('data-preview').getByRole('button', { name: messages.dataApply.message, exact: true }).click();
  await section.getByTestId('options-status').filter({ hasText: messages.dataImported.message }).waitFor({ timeout: TIMEOUT });
  await options.close();

  const row = rowOf(desk, RESTORED.name);
  await row.waitFor({ timeout: TIMEOUT });
  await waitUntilChecked(desk);
  assert.equal(await row.getAttribute('data-key'), recordKey);
  assert.equal(await row.getAttribute('data-crm'), RESTORED.crm);
  assert.equal(await row.getAttribute('data-high'), null, 'no reading, no counts');
  assert.equal(await row.getAttribute('data-medium'), null);
  assert.equal(await row.getByTestId('desk-high').textContent(), '');
  await row.getByText(messages.deskNotRead.message).waitFor();
  assert.equal((await countLine(desk)).total, DEALS.length);
  // The deals read here kept their counts.
  for (const deal of READ) await waitForRowMatchingPanel(desk, deal);
});

test('sort: by high gaps at first (a deal without counts last); a column header sorts ascending, then descending', async () => {
  const highs = await desk.locator('[data-testid=desk-row]').evaluateAll((rows) => rows.map((row) => row.dataset.high));
  const counted = highs.filter((high) => high !== undefined).map(Number);
  assert.equal(counted.length, READ.length);
  assert.deepEqual(counted, [...counted].sort((a, b) => b - a), 'most high gaps first');
  assert.equal(highs.at(-1), undefined, 'the deal without counts last');
  assert.equal(await desk.locator('th:has([data-testid=desk-sort-high])').getAttribute('aria-sort'), 'descending');

  const header = desk.locator('th:has([data-testid=desk-sort-name])');
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  const byName = DEALS.map((deal) => deal.name).sort(collator.compare);

  await desk.getByTestId('desk-sort-name').click();
  assert.equal(await header.getAttribute('aria-sort'), 'ascending');
  assert.equal(await desk.locator('th:has([data-testid=desk-sort-high])').getAttribute('aria-sort'), null, 'one sorted column');
  assert.deepEqual(await shownNames(desk), byName);

  await desk.getByTestId('desk-sort-name').click();
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  assert.deepEqual(await shownNames(desk), [...byName].reverse());
});

test('filter: by CRM, by high gaps, by text, with the count saying how many are shown', async () => {
  const crm = desk.getByTestId('desk-filter-crm');
  const crms = await crm.locator('option').evaluateAll((options) => options.map((option) => option.value).filter(Boolean));
  assert.deepEqual(crms.sort(), DEALS.map((deal) => deal.crm).sort(), 'one choice per CRM listed');
  await crm.selectOption(HUBSPOT_DEAL.crm);
  await desk.locator('[data-testid=desk-count][data-shown="1"]').waitFor({ timeout: TIMEOUT });
  assert.deepEqual(await shownNames(desk), [HUBSPOT_DEAL.name]);
  assert.deepEqual(await countLine(desk), { total: DEALS.length, shown: 1, text: message('deskCountFiltered', '1', String(DEALS.length)) });
  await crm.selectOption('');
  await desk.locator(`[data-testid=desk-count][data-shown="${DEALS.length}"]`).waitFor({ timeout: TIMEOUT });
  assert.equal((await countLine(desk)).text, message('deskCount', String(DEALS.length)));

  // Which deals have high gaps is the panels' word, read again here; the restored deal has no counts and so none.
  const withHigh = [];
  for (const deal of READ) if ((await panelCounts(opened.get(deal).panel)).high > 0) withHigh.push(deal.name);
  await desk.getByTestId('desk-filter-high').check();
  await desk.locator(`[data-testid=desk-count][data-shown="${withHigh.length}"]`).waitFor({ timeout: TIMEOUT });
  assert.deepEqual((await shownNames(desk)).sort(), withHigh.sort());
  assert.equal((await countLine(desk)).text, message('deskCountFiltered', String(withHigh.length), String(DEALS.length)));
  await desk.getByTestId('desk-filter-high').uncheck();

  // A word of one deal's name, typed in another case, finds that deal alone.
  const others = DEALS.filter((deal) => deal !== DYNAMICS_DEAL).map((deal) => deal.name.toLowerCase());
  const word = DYNAMICS_DEAL.name.split(/\s+/).find((candidate) => candidate.length > 3 && others.every((name) => !name.includes(candidate.toLowerCase())));
  await desk.getByTestId('desk-search').fill(word.toUpperCase());
  await desk.locator('[data-testid=desk-count][data-shown="1"]').waitFor({ timeout: TIMEOUT });
  assert.deepEqual(await shownNames(desk), [DYNAMICS_DEAL.name]);
  assert.equal((await countLine(desk)).text, message('deskCountFiltered', '1', String(DEALS.length)));
  await desk.getByTestId('desk-search').fill('no deal is called this');
  await desk.getByTestId('desk-no-match').waitFor({ timeout: TIMEOUT });
  await desk.getByTestId('desk-search').fill('');
  await desk.locator(`[data-testid=desk-count][data-shown="${DEALS.length}"]`).waitFor({ timeout: TIMEOUT });
});

const parseCsv = (text) => Papa.parse(text, { skipEmptyLines: true }).data;

async function downloadCsv(page) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.getByTestId('desk-csv').click()]);
  return { filename: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

test('CSV: the deals shown, in the order shown, with the table’s columns and their counts', async () => {
  const { filename, text } = await downloadCsv(desk);
  const today = new Date();
  const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  assert.equal(filename, `iron-triangle-deals-${day}.csv`);
  assert.ok(text.startsWith('\uFEFF'), 'a byte-order mark, so spreadsheets read UTF-8');

  const [header, ...rows] = parseCsv(text.slice(1));
  // The table's own column headers (without the sort arrow), then the figures a spreadsheet computes with.
  const columns = await desk.locator('[data-testid=desk-table] thead button').evaluateAll((buttons) =>
    buttons.map((button) => [...button.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('')),
  );
  assert.equal(columns.length, 10);
  assert.deepEqual(header, [...columns, ...['deskCsvAmountValue', 'deskCsvCurrency', 'deskCsvCloseDay', 'deskCsvUrl'].map((key) => messages[key].message)]);
  assert.deepEqual(
    rows.map((row) => row[0]),
    await shownNames(desk),
    'every deal shown, in the order shown',
  );

  const column = (key) => header.indexOf(messages[key].message);
  for (const deal of DEALS) {
    const row = rows.find((cells) => cells[0] === deal.name);
    assert.equal(row.length, header.length, deal.name);
    const shown = rowOf(desk, deal.name);
    assert.equal(row[column('deskColumnCrm')], await shown.locator('td.desk-col-crm').textContent());
    const counts = await rowCounts(desk, deal.name);
    assert.equal(row[column('deskColumnHigh')], counts.high === null ? '' : String(counts.high), `${deal.name}: high`);
    assert.equal(row[column('deskColumnMedium')], counts.medium === null ? '' : String(counts.medium), `${deal.name}: medium`);
    assert.equal(row[column('deskCsvUrl')], deal.url);
  }
  for (const deal of READ) assert.deepEqual(await rowCounts(desk, deal.name), await panelCounts(opened.get(deal).panel), deal.name);

  // Only what is shown leaves: filtered to one CRM, the file holds that CRM's deal alone.
  await desk.getByTestId('desk-filter-crm').selectOption(FIRST_OPPORTUNITY.crm);
  await desk.locator('[data-testid=desk-count][data-shown="1"]').waitFor({ timeout: TIMEOUT });
  const filtered = parseCsv((await downloadCsv(desk)).text.slice(1));
  assert.deepEqual(
    filtered.slice(1).map((row) => row[0]),
    [FIRST_OPPORTUNITY.name],
  );
  await desk.getByTestId('desk-filter-crm').selectOption('');
});

test('changes made while the desk is open update that deal’s row: a person added in the panel, a note captured', async () => {
  const deal = FIRST_OPPORTUNITY;
  const { page, panel, tabId } = opened.get(deal);
  const row = rowOf(desk, deal.name);
  const lastNote = row.locator('td.desk-col-lastNote');
  assert.equal(await lastNote.textContent(), '', 'no note yet');
  const before = await panelCounts(panel);

  // A person for an uncovered customer role the panel counts as high or medium: the counts move.
  const gap = panel.locator('[data-testid=gap][data-kind=role-uncovered]:is([data-severity=high], [data-severity=medium])').first();
  await gap.waitFor({ timeout: TIMEOUT });
  await gap.getByRole('button', { name: /^Add a person for / }).click();
  const form = panel.getByTestId('stakeholder-form');
  await form.getByLabel('Name').fill('Fatima Idris');
  await form.getByLabel('Stance').selectOption('supporter');
  await form.getByLabel('Influence').selectOption('high');
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await panel.getByTestId('stakeholder').filter({ hasText: 'Fatima Idris' }).waitFor({ timeout: TIMEOUT });
  const afterPerson = await waitForRowMatchingPanel(desk, deal);
  assert.notDeepEqual(afterPerson, before, 'the panel’s counts changed, and the row followed');

  // A note captured on the record's page: the row's last note is today, as the desk page writes a day.
  await selectNewParagraph(page, 'The customer wants the site survey finished before the tender opens.');
  const outcome = await captureViaMenu(browser.context, tabId, { selectionText: '', pageUrl: page.url() });
  assert.equal(outcome.outcome, 'saved');
  await row.locator('td.desk-col-lastNote:not(:empty)').waitFor({ timeout: TIMEOUT });
  const today = await desk.evaluate(() => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(Date.now()));
  assert.equal(await lastNote.textContent(), today);
  await waitForRowMatchingPanel(desk, deal);
});

test('the toolbar button’s menu item opens the desk', async () => {
  const sw = await currentServiceWorker(browser.context);
  const [page] = await Promise.all([
    browser.context.waitForEvent('page', { timeout: TIMEOUT }),
    sw.evaluate(() => globalThis.ironTriangle.onContextMenuClicked({ menuItemId: 'open-deal-desk', editable: false, pageUrl: '' }, undefined)),
  ]);
  await page.waitForURL(`chrome-extension://${browser.extensionId}/deals.html`, { timeout: TIMEOUT });
  await page.locator(`[data-testid=desk-count][data-total="${DEALS.length}"]`).waitFor({ timeout: TIMEOUT });
  await page.close();
});
