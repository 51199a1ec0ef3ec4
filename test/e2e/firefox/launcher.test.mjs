// The in-page launcher in Firefox ESR. Firefox gives an extension page framed
// in a web page only content-script APIs (no `tabs`, no `sidebarAction`), so
// there the badge asks the background for its count and docks the panel in
// the page; WebDriver BiDi lists such frames as about:blank, so each is asked
// for its own address.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { firefoxForTheseTests, openCrmPage } from '../support/firefox.mjs';
import { FIRST_OPPORTUNITY } from '../support/fixtures.mjs';
import { waitForElement, waitInPage } from '../support/poll.mjs';

const crm = firefoxForTheseTests();
let crmPage;

before(async () => {
  await crm.ready;
  crmPage = await openCrmPage(crm.browser.browser, FIRST_OPPORTUNITY.url);
});

/** The frame of the page whose own address ends with `suffix`, once it is there. */
async function frameAt(page, suffix) {
  for (let attempt = 0; attempt < 150; attempt++) {
    for (const frame of page.frames()) {
      let href = '';
      try {
        href = await frame.evaluate(() => location.href);
      } catch {
        // a frame that went away while we asked (puppeteer throws at once for a detached one)
      }
      if (href.endsWith(suffix)) return frame;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no frame at …${suffix}`);
}

test('Firefox: the badge shows the deal’s gap count, and a click docks the panel in the page', async () => {
  // The badge waits for the first sign of a user on a freshly loaded page.
  await crmPage.mouse.move(4, 4);
  const launcher = await frameAt(crmPage, '/launcher.html');
  const label = await waitInPage(launcher, () => document.getElementById('launcher')?.getAttribute('aria-label'), { timeout: 15_000 });
  assert.match(await label.jsonValue(), /^Iron Triangle: (\d+|no) high-priority gaps on this deal/);
  assert.equal(await launcher.evaluate(() => document.getElementById('launcher').dataset.opens), 'docked');
  // The page sees neither the frame nor the count.
  assert.equal(await crmPage.evaluate(() => document.querySelector('iron-triangle-overlay')?.shadowRoot ?? null), null);

  // A DOM click: puppeteer's pointer click inside a frame asks Firefox 140.12's
  // BiDi for the frame element (locateNodes "context"), which it does not support.
  await launcher.evaluate(() => document.getElementById('launcher').click());
  const docked = await frameAt(crmPage, '/sidepanel.html?docked=1');
  const name = await waitInPage(docked, () => document.querySelector('[data-testid=record-name]')?.textContent, { timeout: 15_000 });
  assert.equal(await name.jsonValue(), FIRST_OPPORTUNITY.name);
  assert.equal(await crmPage.evaluate(() => getComputedStyle(document.documentElement).marginRight), '380px');

  await (await waitForElement(docked, 'button.docked-close')).evaluate((button) => button.click());
  await waitInPage(crmPage, () => getComputedStyle(document.documentElement).marginRight === '0px', { timeout: 15_000 });
});
