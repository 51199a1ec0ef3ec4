// `npm run demo`: builds the extension and opens Chromium with it loaded on the
// bundled demo CRM — Salesforce fixture pages served locally under a
// Salesforce host name, so the extension's real match patterns apply.
//   npm run demo                                   a browser window; Ctrl+C to quit
//   npm run demo -- --headless --screenshot demo.png   no display: page + panel as one PNG
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startCrmServer } from '../test/e2e/support/crm-server.mjs';
import { launchWithExtension } from '../test/e2e/support/chromium.mjs';
import { launcherButton } from '../test/e2e/support/in-page.mjs';
import { tabOf } from '../test/e2e/support/extension.mjs';
import { FIRST_OPPORTUNITY } from '../test/e2e/support/fixtures.mjs';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    // The panel's language, as chosen in the options: en or zh-CN.
    language: { type: 'string' },
  },
});

if (!values.headless && !process.env.DISPLAY && process.platform === 'linux') {
  console.error('No display: run  npm run demo -- --headless --screenshot demo.png');
  process.exit(1);
}

if (!values['no-build']) execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });

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
  await sheet.screenshot({ path: values.screenshot });
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
