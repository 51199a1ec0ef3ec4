// `npm run demo`: builds the extension and opens Chromium with it loaded on the
// bundled demo CRM — Salesforce fixture pages served locally under a
// Salesforce host name, so the extension's real match patterns apply.
//   npm run demo                                   a browser window; Ctrl+C to quit
//   npm run demo -- --headless --screenshot demo.png   no display: page + panel as one PNG
//   … --view map   the deal's decision-chain map and progress, as a rep who met the customer sees them
//   … --view desk  the deal desk after opening the demo records of all six CRMs
//   … --language zh-CN   the same in Simplified Chinese
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startCrmServer } from '../test/e2e/support/crm-server.mjs';
import { launchWithExtension } from '../test/e2e/support/chromium.mjs';
import { launcherButton } from '../test/e2e/support/in-page.mjs';
import { tabOf } from '../test/e2e/support/extension.mjs';
import { CRM_RECORDS, FIRST_OPPORTUNITY, IQC_OPPORTUNITY, SUDAN_OPPORTUNITY } from '../test/e2e/support/fixtures.mjs';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    // The panel's language, as chosen in the options: en or zh-CN.
    language: { type: 'string' },
    // What the screenshot shows: the CRM page with the panel, the decision-chain map, or the deal desk.
    view: { type: 'string', default: 'panel' },
  },
});
if (!['panel', 'map', 'desk'].includes(values.view)) {
  console.error('--view is panel, map or desk');
  process.exit(1);
}

if (!values.headless && !process.env.DISPLAY && process.platform === 'linux') {
  console.error('No display: run  npm run demo -- --headless --screenshot demo.png');
  process.exit(1);
}

// The e2e build: the panel is shown pinned to the CRM tab (sidepanel.html?tabId=N), a test hook store packages lack.
if (!values['no-build']) execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: 'inherit' });

const server = await startCrmServer();
const { context, extensionId } = await launchWithExtension(server, { headless: values.headless });
const crmUrl = FIRST_OPPORTUNITY.url;
if (values.language) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('custom-crms-section').waitFor();
  await options.locator('#language-heading + select').selectOption(values.language);
  await options.close();
}
const crmPage = context.pages()[0] ?? (await context.newPage());
await crmPage.goto(crmUrl);
const { id: tabId } = await tabOf(context, crmUrl);

if (values.screenshot) {
  if (values.view === 'desk') await screenshotDesk(values.screenshot);
  else if (values.view === 'map') await screenshotMap(values.screenshot);
  else await screenshotPanel(values.screenshot);
  console.log(`Saved ${values.screenshot}`);
  await context.close();
  await server.close();
} else {
  console.log(`Demo CRM: ${crmUrl}\nClick the Iron Triangle toolbar button to open the side panel. Ctrl+C to quit.`);
  const quit = async () => {
    await context.close().catch(() => {});
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', quit);
  context.on('close', quit);
}

/** The CRM page and the panel beside it, as one picture. */
async function screenshotPanel(path) {
  // The real side panel cannot be opened without a click; the panel page pinned
  // to the CRM tab shows exactly what the side panel shows.
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.getByTestId('requirements-section').waitFor({ timeout: 15_000 });
  await launcherButton(crmPage); // the gap badge, in the page
  const [crmShot, panelShot] = await Promise.all([crmPage.screenshot(), panel.screenshot()]);
  const sheet = await context.newPage();
  await sheet.setViewportSize({ width: 1280 + 400, height: 800 });
  const img = (png) => `<img src="data:image/png;base64,${png.toString('base64')}">`;
  await sheet.setContent(`<body style="margin:0;display:flex;background:#888">${img(crmShot)}<div style="border-left:1px solid #444">${img(panelShot)}</div></body>`);
  await sheet.screenshot({ path });
}

/**
 * The demo deal as a rep sees it after meeting the customer: the team set in
 * the directory and on the deal, each person's stance, influence, owner and
 * manager, and the CFO the CRM does not list. Written into the extension's
 * own database from an extension page, as the panel's editors would.
 */
async function tellTheStory() {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const recordKey = ['salesforce', FIRST_OPPORTUNITY.host, 'Opportunity', FIRST_OPPORTUNITY.recordId].join('|');
  await page.evaluate(async (recordKey) => {
    const now = Date.now();
    const day = 24 * 60 * 60 * 1000;
    const person = (id, name, roles) => ({ id, name, roles, skills: [], industries: ['telecom'], regions: [], languages: [], capacity: 5, openDeals: 2 });
    const contact = (id, name, extra) => ({ recordKey, id, name, roles: [], source: 'crm', updatedAt: now, ...extra });
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('iron-triangle');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['directory', 'assignments', 'stakeholders', 'requirementValues'], 'readwrite');
    const value = (fieldId, text, confirmedByCustomer, daysAgo) =>
      tx.objectStore('requirementValues').put({ id: `demo-${fieldId}`, recordKey, fieldId, value: text, source: { kind: 'manual' }, confirmedByCustomer, setBy: 'Ana Costa', setAt: now - daysAgo * day });
    value('business-pain', 'Diesel for 42 off-grid sites costs USD 1.9M a year', true, 20);
    value('budget', 'USD 1.2M approved for phase 1', true, 12);
    value('decision-timeline', 'Board decision at the end of June', false, 10);
    value('site-power', 'Off-grid, 3–5 kW average load per site', false, 4);
    for (const row of [person('p-ana', 'Ana Costa', ['ar', 'fr']), person('p-li', 'Li Wei', ['sr']), person('p-zhang', 'Zhang Min', ['fr'])]) tx.objectStore('directory').put(row);
    tx.objectStore('assignments').put({ recordKey, roleId: 'ar', personId: 'p-ana', assignedAt: now });
    tx.objectStore('assignments').put({ recordKey, roleId: 'sr', personId: 'p-li', assignedAt: now });
    const omar = 'crm:email:omar.hassan@niletelecom.example';
    const stakeholders = tx.objectStore('stakeholders');
    stakeholders.put(contact(omar, 'Omar Hassan', { title: 'Chief Executive Officer', stance: 'supporter', influence: 'high', ourOwner: 'p-ana', lastEngagedAt: now - 3 * day }));
    stakeholders.put(contact('crm:email:layla.farouk@niletelecom.example', 'Layla Farouk', { title: 'Head of Network Engineering', stance: 'neutral', influence: 'medium', ourOwner: 'p-li', lastEngagedAt: now - 9 * day, reportsTo: omar }));
    stakeholders.put(contact('crm:name:daniel okello', 'Daniel Okello', { title: 'Procurement Manager', stance: 'opponent', influence: 'medium', reportsTo: omar }));
    stakeholders.put({ recordKey, id: 'manual:demo-cfo', name: 'Fatima Nour', title: 'Chief Financial Officer', roles: ['finance'], stance: 'unknown', influence: 'high', source: 'manual', updatedAt: now, reportsTo: omar });
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, recordKey);
  await page.close();
}

/** The decision-chain map and, above it, progress at a glance, at the side panel's width. */
async function screenshotMap(path) {
  await tellTheStory();
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 440, height: 900 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  const map = panel.getByTestId('decision-chain-map');
  await map.waitFor({ timeout: 15_000 });
  const progress = panel.getByTestId('team-triangle');
  await progress.waitFor();
  // Progress and map as one picture: the progress section, then the map, at the panel's width.
  const [progressShot, mapShot] = [await panel.getByTestId('deal-progress').screenshot(), await map.screenshot()];
  const sheet = await context.newPage();
  await sheet.setViewportSize({ width: 440, height: 400 });
  const img = (png) => `<img style="display:block" src="data:image/png;base64,${png.toString('base64')}">`;
  await sheet.setContent(`<body style="margin:0;background:#fff">${img(progressShot)}${img(mapShot)}</body>`);
  await sheet.screenshot({ path, fullPage: true });
}

/** The deal desk after the demo records of every CRM have been opened once. */
async function screenshotDesk(path) {
  await tellTheStory();
  for (const url of [...CRM_RECORDS.flatMap((crm) => [crm.first.url, crm.second.url]), SUDAN_OPPORTUNITY.url, IQC_OPPORTUNITY.url]) {
    await crmPage.goto(url);
    await launcherButton(crmPage); // the badge shows once the page is read and remembered
  }
  const desk = await context.newPage();
  await desk.setViewportSize({ width: 1440, height: 760 });
  await desk.goto(`chrome-extension://${extensionId}/deals.html`);
  await desk.locator('[data-testid=desk][data-checking=false]').waitFor({ timeout: 60_000 });
  await desk.screenshot({ path });
}
