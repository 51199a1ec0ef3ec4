// Waiting in a Firefox page over WebDriver BiDi. Puppeteer's waitForFunction
// and waitForSelector build their poller with `new Function` inside the page,
// which Firefox ESR 140.12 blocks on extension pages (the default MV3 CSP:
// "call to Function() blocked by CSP"); a plain `evaluate` is a BiDi
// script.callFunction and is not subject to the page's CSP. So the tests poll
// with `evaluate` from here, the same way on CRM pages and extension pages.

const DEFAULT_TIMEOUT = 15_000;
const INTERVAL = 100;

/**
 * Resolves with a handle to `fn(...args)`'s first truthy result in `target`
 * (a puppeteer page or frame), as `waitForFunction` would; rejects after
 * `timeout` ms with the last error `fn` threw, if any.
 */
export async function waitInPage(target, fn, { timeout = DEFAULT_TIMEOUT } = {}, ...args) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const handle = await target.evaluateHandle(fn, ...args);
      if (await handle.evaluate((value) => Boolean(value))) return handle;
      await handle.dispose();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`waited ${timeout} ms in the page for ${fn.name || 'a condition'}${lastError ? `: ${lastError.message}` : ''}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, INTERVAL));
  }
}

/** The first element matching `css` in `target`, once there is one. */
export async function waitForElement(target, css, options) {
  return (await waitInPage(target, (css) => document.querySelector(css), options, css)).asElement();
}
