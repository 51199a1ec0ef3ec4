// Launches the e2e build (`npm run build:e2e`: the production build plus the
// test hooks, issue 17) in Debian's Chromium (never a downloaded
// browser) with every host name resolved to the local fixture server.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { assertSilent, watchExtensionSilence } from './extension-silence.mjs';

// Lets context.on('request') see the service worker's requests too (Chromium only).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

/**
 * `wxt build --mode e2e` (`npm run build:e2e`): the tests drive the extension through hooks only
 * that build has (`globalThis.ironTriangle` in the service worker, `sidepanel.html?tabId=N`).
 * The store packages are the production build in .output/chrome-mv3 (checked by manifest.test.mjs).
 */
export const CHROME_BUILD = fileURLToPath(new URL('../../../.output/chrome-mv3-e2e/', import.meta.url));

/**
 * `resolve`: hosts served by another local server (the Salesforce stand-in), host -> port;
 * every other host goes to the fixture server. Chromium applies the first matching rule.
 */
export function chromiumArgs(extensionDir, httpsPort, resolve = {}) {
  const rules = [...Object.entries(resolve).map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`), `MAP * 127.0.0.1:${httpsPort}`];
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--host-resolver-rules=${rules.join(',')}`,
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
export async function launchWithExtension(server, { headless = true, extensionDir = CHROME_BUILD, userDataDir, resolve } = {}) {
  const context = await chromium.launchPersistentContext(userDataDir ?? mkdtempSync(join(tmpdir(), 'iron-triangle-profile-')), {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless,
    args: chromiumArgs(extensionDir, server.httpsPort, resolve),
    viewport: { width: 1280, height: 800 },
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  extensionIds.set(context, extensionId);
  // A page of its own, so no test closing its pages can end the watch.
  const silence = watchExtensionSilence(context, extensionId, await context.newCDPSession(await context.newPage()));
  await silence.ready;
  // Every e2e file closes its browser in its after hook: that is where a
  // request that left the extension, or a CSP violation, fails the suite.
  const close = context.close.bind(context);
  context.close = async (options) => {
    await close(options);
    assertSilent(silence.findings);
  };
  return { context, serviceWorker, extensionId, silence: silence.findings };
}

const extensionIds = new WeakMap(); // context -> extension id
const cdpSessions = new WeakMap(); // context -> CDP session for stopping workers

/** Any extension event wakes a stopped worker: a message from one of its pages is one. */
async function wakeServiceWorker(context) {
  let page = context.pages().find((candidate) => candidate.url().startsWith('chrome-extension://'));
  if (!page) {
    page = await context.newPage();
    await page.goto(`chrome-extension://${extensionIds.get(context)}/sidepanel.html?tabId=0`);
  }
  // Only the sending wakes the worker: waiting for an answer could wait forever
  // when the woken worker is stopped again before it answers.
  await within(page.evaluate(() => void chrome.runtime.sendMessage({ type: 'e2e/wake' }).catch(() => {})), 'waking the service worker');
}

const CDP_TIMEOUT_MS = 10_000;

/**
 * `promise`, or a rejection after CDP_TIMEOUT_MS: a DevTools call about a
 * worker that is being stopped can go unanswered, and a soak test must fail
 * with a reason rather than hang.
 */
export function within(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${CDP_TIMEOUT_MS} ms: ${what}`)), CDP_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The extension's service worker, running. A stopped worker's Worker object
 * fails to evaluate; the worker is woken and the newest Worker object tried again.
 */
export async function currentServiceWorker(context) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const worker = context.serviceWorkers().at(-1);
    if (worker && (await worker.evaluate(() => true).catch(() => false))) return worker;
    await wakeServiceWorker(context);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the service worker did not start again');
}

/** The context's one CDP session for worker targets, opened on first use. */
async function cdpSessionOf(context) {
  let cdp = cdpSessions.get(context);
  if (!cdp) {
    cdp = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
    cdpSessions.set(context, cdp);
  }
  return cdp;
}

/** The extension's running service worker target, or undefined when it is stopped. */
async function workerTarget(cdp, extensionId) {
  const { targetInfos } = await within(cdp.send('Target.getTargets'), 'listing targets');
  return targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
}

/**
 * Stops the extension's service worker the way Chrome does when it idles, via
 * the DevTools protocol. False when none was running.
 */
export async function stopServiceWorker(context, extensionId) {
  const cdp = await cdpSessionOf(context);
  const target = await workerTarget(cdp, extensionId);
  if (!target) return false;
  await within(cdp.send('Target.closeTarget', { targetId: target.targetId }), 'stopping the service worker');
  return true;
}

const ANSWER_TIMEOUT_MS = 5_000;

/**
 * Evaluates `expression` (which may return a promise) in the extension's
 * service worker over raw CDP, waking the worker if it is stopped. Unlike
 * Playwright's Worker handle, it survives workers being stopped mid-call: the
 * call then rejects and the next one attaches to the new worker.
 */
export async function evaluateInServiceWorker(context, extensionId, expression) {
  const cdp = await cdpSessionOf(context);
  let target;
  for (let attempt = 0; attempt < 20 && !target; attempt++) {
    target = await workerTarget(cdp, extensionId);
    if (!target) {
      if (process.env.E2E_PROGRESS) console.error(`waking the worker, attempt ${attempt}`);
      await wakeServiceWorker(context).catch((error) => {
        if (process.env.E2E_PROGRESS) console.error(`waking failed: ${error.message}`);
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  if (!target) throw new Error('the service worker did not start');
  const { sessionId } = await within(cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false }), 'attaching to the service worker');
  const id = Math.floor(Math.random() * 1e9);
  try {
    return await new Promise((resolve, reject) => {
      const onMessage = (event) => {
        if (event.sessionId !== sessionId) return;
        const message = JSON.parse(event.message);
        if (message.id !== id) return;
        done();
        if (message.error || message.result?.exceptionDetails) reject(new Error(JSON.stringify(message.error ?? message.result.exceptionDetails)));
        else resolve(message.result.result.value);
      };
      const onDetached = (event) => {
        if (event.sessionId !== sessionId) return;
        done();
        reject(new Error('the service worker stopped during the call'));
      };
      // A worker stopped mid-call is not always reported as detached: give up after a while.
      const timer = setTimeout(() => {
        done();
        reject(new Error('no answer from the service worker'));
      }, ANSWER_TIMEOUT_MS);
      const done = () => {
        clearTimeout(timer);
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        cdp.off('Target.detachedFromTarget', onDetached);
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      cdp.on('Target.detachedFromTarget', onDetached);
      const params = { expression, awaitPromise: true, returnByValue: true };
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params }) }).catch((error) => {
        done();
        reject(error);
      });
    });
  } finally {
    await within(cdp.send('Target.detachFromTarget', { sessionId }), 'detaching from the service worker').catch(() => {});
  }
}
