// The fixture server and a Chromium with the production build, for the tests
// of one file: started before them, closed after them (node:test hooks).
import { after, before } from 'node:test';
import { launchWithExtension } from './chromium.mjs';
import { startCrmServer } from './crm-server.mjs';

/** `{ server, browser }`, filled in once the file's `before` hook has run. */
export function crmBrowserForTheseTests(options) {
  const crm = { server: undefined, browser: undefined };
  before(async () => {
    crm.server = await startCrmServer();
    crm.browser = await launchWithExtension(crm.server, options);
  });
  after(async () => {
    await crm.browser?.context.close();
    await crm.server?.close();
  });
  return crm;
}
