// Starts Debian's Firefox ESR through puppeteer-core over WebDriver BiDi with
// the e2e build of the extension installed, its traffic sent through the
// fixture server's CONNECT proxy so CRM host names reach the local fixtures.
// BiDi refuses to navigate to moz-extension:// pages and cannot click native
// menus: the e2e build's routes (lib/background/e2e-routes.ts, relayed by the
// content script, lib/content/e2e-bridge.ts) open the panel and options pages
// in tabs and invoke the capture menu's handler.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { serverAndBrowserForTheseTests } from './crm-browser.mjs';
import { selectNewParagraph } from './extension.mjs';
import { waitInPage } from './poll.mjs';

export const FIREFOX_E2E_BUILD = fileURLToPath(new URL('../../../.output/firefox-mv3-e2e/', import.meta.url));
const ADDON_ID = 'iron-triangle@iron-triangle.app';
const TIMEOUT = 15_000;

export function firefoxPath() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`Firefox not found (tried ${candidates.join(', ')}); install firefox-esr`);
  return found;
}

/**
 * Firefox with the extension. By default a fresh profile and a temporary
 * add-on (BiDi's webExtension.install). With `profile`, the extension is
 * installed into that profile for good, as a user's would be (a proxy file in
 * its extensions folder; unsigned add-ons load in ESR with signature checks
 * off), so closing and relaunching Firefox on the same profile is a real restart.
 */
export async function launchFirefoxWithExtension(server, { extensionDir = FIREFOX_E2E_BUILD, profile, prefs = {} } = {}) {
  if (profile) {
    mkdirSync(join(profile, 'extensions'), { recursive: true });
    writeFileSync(join(profile, 'extensions', ADDON_ID), `${extensionDir}\n`);
  }
  const downloadDir = mkdtempSync(join(tmpdir(), 'iron-triangle-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    acceptInsecureCerts: true,
    ...(profile ? { userDataDir: profile } : {}),
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': server.proxyPort,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': server.proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // Downloads (the brief) are saved without asking, where the test reads them.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.panel.shown': true,
      ...(profile ? { 'xpinstall.signatures.required': false, 'extensions.autoDisableScopes': 0, 'extensions.enabledScopes': 15 } : {}),
      ...prefs,
    },
  });
  if (!profile) await browser.installExtension(extensionDir);
  return { browser, downloadDir };
}

/** The fixture server and Firefox with the e2e build around one file's tests: `{ server, browser }`, `browser` as `launchFirefoxWithExtension` gives it. */
export function firefoxForTheseTests(options) {
  return serverAndBrowserForTheseTests(
    (server) => launchFirefoxWithExtension(server, options),
    (firefox) => closeFirefox(firefox.browser),
  );
}

/** How long `browser.close()` may take before Firefox's process is killed. */
const CLOSE_TIMEOUT_MS = 20_000;

/**
 * Closes Firefox, or kills its process when puppeteer's close does not return: over WebDriver
 * BiDi it was seen to wait forever after Firefox had gone (test/e2e/firefox/salesforce.test.mjs,
 * 2026-12-06), which held the whole run until CI's time ran out.
 */
export async function closeFirefox(browser) {
  let timer;
  const gaveUp = await Promise.race([
    browser.close().then(
      () => false,
      () => true,
    ),
    new Promise((resolve) => (timer = setTimeout(() => resolve(true), CLOSE_TIMEOUT_MS))),
  ]);
  clearTimeout(timer);
  if (gaveUp) browser.process()?.kill('SIGKILL');
}

/** Opens `url` in a new tab and waits until the content script has reported the page to the background. */
export async function openCrmPage(browser, url) {
  const page = await browser.newPage();
  await page.goto(url);
  await waitInPage(page, () => document.documentElement.getAttribute('data-iron-triangle-e2e')?.includes('"acknowledged":true'), { timeout: TIMEOUT });
  return page;
}

/** Sends `message` to the background's e2e routes through the content script of `crmPage`; resolves with the route's result. */
export async function askExtension(crmPage, message) {
  const response = await crmPage.evaluate(
    (message) =>
      new Promise((resolve) => {
        const id = `${Date.now()}-${Math.random()}`;
        document.addEventListener('iron-triangle-e2e-reply', function onReply(event) {
          const reply = JSON.parse(event.detail);
          if (reply.id !== id) return;
          document.removeEventListener('iron-triangle-e2e-reply', onReply);
          resolve(reply.response);
        });
        document.dispatchEvent(new CustomEvent('iron-triangle-e2e-request', { detail: JSON.stringify({ id, message }) }));
      }),
    message,
  );
  if (!response || response.error !== undefined) throw new Error(`e2e route ${message.type}: ${response?.error ?? 'no answer'}`);
  return response.result;
}

/**
 * Opens the panel (pinned to `crmPage`'s tab) or the options page in a new tab
 * and returns its puppeteer page. BiDi reports such a tab's URL as about:blank,
 * so the page is recognised by the address it reports itself.
 */
export async function openExtensionPage(browser, crmPage, which) {
  const known = new Set(await browser.pages());
  await askExtension(crmPage, { type: 'e2e/open-page', page: which });
  for (let attempt = 0; attempt < 100; attempt++) {
    for (const page of await browser.pages()) {
      if (known.has(page)) continue;
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && new URL(href).pathname === `/${which === 'options' ? 'options' : 'sidepanel'}.html`) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the ${which} page did not open`);
}

/** Selects `text` (a new paragraph) on the CRM page and captures it through the context menu's handler, as a click would. */
export async function captureSelection(crmPage, text) {
  await selectNewParagraph(crmPage, text);
  return askExtension(crmPage, { type: 'e2e/context-menu', selectionText: '', pageUrl: crmPage.url() });
}
