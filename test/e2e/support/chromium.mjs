// Launches the production build in Debian's Chromium (never a downloaded
// browser) with every host name resolved to the local fixture server.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROME_BUILD = fileURLToPath(new URL('../../../.output/chrome-mv3/', import.meta.url));

export function chromiumArgs(extensionDir, httpsPort) {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--host-resolver-rules=MAP * 127.0.0.1:${httpsPort}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

/** A persistent context with the extension loaded, its id and its service worker. */
export async function launchWithExtension(server, { headless = true, extensionDir = CHROME_BUILD, userDataDir } = {}) {
  const context = await chromium.launchPersistentContext(userDataDir ?? mkdtempSync(join(tmpdir(), 'iron-triangle-profile-')), {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless,
    args: chromiumArgs(extensionDir, server.httpsPort),
    viewport: { width: 1280, height: 800 },
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, serviceWorker, extensionId };
}

/** The extension's current service worker (a new one after a restart). */
export async function currentServiceWorker(context) {
  return context.serviceWorkers().at(-1) ?? context.waitForEvent('serviceworker');
}

/**
 * Stops the extension's service worker the way Chrome does when it idles, via
 * the DevTools protocol, and waits until it is gone.
 */
export async function stopServiceWorker(context, extensionId) {
  const browserSession = await context.browser()?.newBrowserCDPSession?.();
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = browserSession ?? (await context.newCDPSession(page));
  await cdp.send('ServiceWorker.enable').catch(() => {});
  const targets = await cdp.send('Target.getTargets');
  const worker = targets.targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!worker) return false;
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  return true;
}

/** The tab id the extension sees for a playwright page (from the page's own view of it). */
export async function tabIdOf(serviceWorker, pageUrl) {
  return serviceWorker.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === url)?.id ?? null;
  }, pageUrl);
}
