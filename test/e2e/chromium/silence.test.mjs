// The watch that fails every e2e file whose browser saw the extension make a
// network request or break its CSP (support/extension-silence.mjs) must
// itself be able to fail: provoke both from the extension, once each, and
// check they are caught.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startCrmServer } from '../support/crm-server.mjs';
import { currentServiceWorker, launchWithExtension } from '../support/chromium.mjs';
import { FIRST_OPPORTUNITY } from '../support/fixtures.mjs';

let server;
let browser;

before(async () => {
  server = await startCrmServer();
  browser = await launchWithExtension(server);
});

after(async () => {
  // What this file provoked on purpose is not the extension's doing.
  browser.silence.requests.length = 0;
  browser.silence.cspViolations.length = 0;
  await browser?.context.close();
  await server?.close();
});

const until = async (condition) => {
  for (let attempt = 0; attempt < 100 && !condition(); attempt++) await new Promise((resolve) => setTimeout(resolve, 50));
};

test('normal use makes no request and breaks no CSP rule: the panel on a record, the launcher in the page', async () => {
  const crm = browser.context.pages()[0];
  await crm.goto(FIRST_OPPORTUNITY.url);
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByRole('heading', { level: 1 }).waitFor();
  await options.close();
  assert.deepEqual(browser.silence, { requests: [], cspViolations: [] });
});

test('a request from the service worker is caught', async () => {
  const worker = await currentServiceWorker(browser.context);
  await worker.evaluate(() => fetch('https://telemetry.example/collect').catch(() => undefined));
  await until(() => browser.silence.requests.length > 0);
  assert.match(browser.silence.requests.join('\n'), /background\.js -> https:\/\/telemetry\.example\/collect/);
});

test('a request from an extension page is caught', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.evaluate(() => {
    const image = document.createElement('img');
    image.src = 'https://tracker.example/pixel.gif';
    document.body.append(image);
  });
  await until(() => browser.silence.requests.some((request) => request.includes('tracker.example')));
  assert.match(browser.silence.requests.join('\n'), /options\.html -> https:\/\/tracker\.example\/pixel\.gif/);
  await page.close();
});

test('a CSP violation in an extension page is caught', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=0`);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inline = true';
    document.body.append(script);
  });
  await until(() => browser.silence.cspViolations.length > 0);
  assert.match(browser.silence.cspViolations.join('\n'), /sidepanel\.html.*(Refused to execute inline script|Content Security Policy)/);
  await page.close();
});

test('a CSP violation in the service worker is caught', async () => {
  const worker = await currentServiceWorker(browser.context);
  // Playwright evaluates with eval allowed; a timer with a string is checked against the worker's own CSP.
  // eslint-disable-next-line no-implied-eval -- the string is the point: the worker's CSP must refuse it
  await worker.evaluate(() => setTimeout('globalThis.fromString = true', 0));
  await until(() => browser.silence.cspViolations.some((violation) => violation.startsWith('service worker')));
  assert.match(browser.silence.cspViolations.join('\n'), /service worker: .*(unsafe-eval|Content Security Policy)/);
});
