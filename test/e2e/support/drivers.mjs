// One small vocabulary for the panel and options flows (panel-flows.mjs), so
// the same steps run in Chromium (playwright-core) and Firefox (puppeteer-core
// over WebDriver BiDi). Targets are CSS selectors; buttons are found by their
// accessible name, form fields by their label, within the first element that
// matches `scope`.
import { readFile, readdir } from 'node:fs/promises';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForElement, waitInPage } from './poll.mjs';

const TIMEOUT = 15_000;

/** The driver for a playwright-core page (Chromium). */
export function playwrightDriver(page) {
  const scoped = (scope) => page.locator(scope).first();
  return {
    page,
    async waitFor(css, { text, gone = false } = {}) {
      const locator = text === undefined ? page.locator(css) : page.locator(css).filter({ hasText: text });
      await locator.first().waitFor({ state: gone ? 'detached' : 'visible', timeout: TIMEOUT });
    },
    text: (css) => scoped(css).textContent({ timeout: TIMEOUT }),
    attribute: (css, name) => scoped(css).getAttribute(name, { timeout: TIMEOUT }),
    count: (css) => page.locator(css).count(),
    click: (scope, name) => scoped(scope).getByRole('button', { name, exact: true }).click({ timeout: TIMEOUT }),
    fill: (scope, label, value) => scoped(scope).getByLabel(label).fill(value, { timeout: TIMEOUT }),
    select: (scope, label, value) => scoped(scope).getByLabel(label).selectOption(value, { timeout: TIMEOUT }),
    upload: (scope, label, { name, mimeType, content }) =>
      scoped(scope).getByLabel(label).setInputFiles({ name, mimeType, buffer: Buffer.from(content) }, { timeout: TIMEOUT }),
    async download(scope, name) {
      const [download] = await Promise.all([page.waitForEvent('download'), scoped(scope).getByRole('button', { name, exact: true }).click()]);
      return readFile(await download.path(), 'utf8');
    },
  };
}

/**
 * Runs in the page: the element `what` names within the first match of
 * `scope` — a button by its text or aria-label, or a form control by the text
 * of its label (the label's own text, without the control's) or its aria-label.
 */
function findInPage(scope, what, name) {
  const root = document.querySelector(scope);
  if (!root) return null;
  const ownText = (element) =>
    [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent)
      .join('')
      .trim();
  if (what === 'button') {
    return [...root.querySelectorAll('button')].find((button) => (button.getAttribute('aria-label') ?? button.textContent.trim()) === name) ?? null;
  }
  const byLabel = [...root.querySelectorAll('label')].find((label) => ownText(label) === name)?.control;
  return byLabel ?? root.querySelector(`[aria-label="${CSS.escape(name)}"]`);
}

/** The driver for a puppeteer-core page (Firefox over WebDriver BiDi); downloads land in `downloadDir`. */
export function puppeteerDriver(page, { downloadDir } = {}) {
  const element = async (scope, what, name) => {
    const handle = await waitInPage(page, findInPage, { timeout: TIMEOUT }, scope, what, name);
    return handle.asElement();
  };
  const first = (css) => waitForElement(page, css, { timeout: TIMEOUT });
  return {
    page,
    async waitFor(css, { text, gone = false } = {}) {
      await waitInPage(
        page,
        (css, text, gone) => {
          const matches = [...document.querySelectorAll(css)].filter((el) => text === null || el.textContent.includes(text));
          return gone ? matches.length === 0 : matches.some((el) => el.checkVisibility());
        },
        { timeout: TIMEOUT },
        css,
        text ?? null,
        gone,
      );
    },
    text: async (css) => (await first(css)).evaluate((el) => el.textContent),
    attribute: async (css, name) => (await first(css)).evaluate((el, name) => el.getAttribute(name), name),
    count: (css) => page.evaluate((css) => document.querySelectorAll(css).length, css),
    click: async (scope, name) => (await element(scope, 'button', name)).click(),
    async fill(scope, label, value) {
      const field = await element(scope, 'field', label);
      await field.evaluate((el) => el.focus());
      await field.type(value);
    },
    select: async (scope, label, value) => (await element(scope, 'field', label)).select(value),
    async upload(scope, label, { name, content }) {
      const path = join(mkdtempSync(join(tmpdir(), 'iron-triangle-upload-')), name);
      writeFileSync(path, content);
      await (await element(scope, 'field', label)).uploadFile(path);
    },
    async download(scope, name) {
      if (!downloadDir) throw new Error('this Firefox was launched without a download directory');
      const before = new Set(await readdir(downloadDir));
      await (await element(scope, 'button', name)).click();
      // Firefox reserves the file name with an empty file and writes a .part file it renames at the end.
      for (let attempt = 0; attempt < 150; attempt++) {
        const added = (await readdir(downloadDir)).filter((file) => !before.has(file));
        if (added.length === 1 && !added[0].endsWith('.part')) {
          const content = await readFile(join(downloadDir, added[0]), 'utf8');
          if (content.length > 0) return content;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no download appeared in ${downloadDir}`);
    },
  };
}
