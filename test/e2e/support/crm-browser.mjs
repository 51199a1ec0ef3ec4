// The fixture server and a browser with the extension, for the tests of one
// file: started before them, closed after them (node:test hooks).
import { after, before } from 'node:test';
import { launchWithExtension } from './chromium.mjs';
import { startCrmServer } from './crm-server.mjs';

/**
 * `{ server, browser, ready }`, filled in by the `before` hook this registers:
 * `launch(server)` makes the browser, `close(browser)` ends it. A file's own
 * `before` hook may run first: it awaits `ready`.
 */
export function serverAndBrowserForTheseTests(launch, close) {
  let started;
  const crm = { server: undefined, browser: undefined, ready: new Promise((resolve) => (started = resolve)) };
  before(async () => {
    crm.server = await startCrmServer();
    crm.browser = await launch(crm.server);
    started();
  });
  after(async () => {
    if (crm.browser) await close(crm.browser);
    await crm.server?.close();
  });
  return crm;
}

/** Chromium with the production build (`browser` as `launchWithExtension` gives it). */
export function crmBrowserForTheseTests(options) {
  return serverAndBrowserForTheseTests(
    (server) => launchWithExtension(server, options),
    (browser) => browser.context.close(),
  );
}
