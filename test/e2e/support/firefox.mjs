// Starts Debian's Firefox ESR through puppeteer-core over WebDriver BiDi with
// the extension installed, its traffic sent through the fixture server's
// CONNECT proxy so CRM host names reach the local fixtures.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

export const FIREFOX_E2E_BUILD = fileURLToPath(new URL('../../../.output/firefox-mv3-e2e/', import.meta.url));

export function firefoxPath() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`Firefox not found (tried ${candidates.join(', ')}); install firefox-esr`);
  return found;
}

export async function launchFirefoxWithExtension(server, extensionDir = FIREFOX_E2E_BUILD) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': server.proxyPort,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': server.proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
  const extensionId = await browser.installExtension(extensionDir);
  return { browser, extensionId };
}
