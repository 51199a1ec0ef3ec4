// Download sizes of the production build (gzip, zlib's default level 6, as
// Vite reports them; kB = 1 000 bytes):
// - content.size.gz: the largest content script, what one CRM page loads;
//   content.size.gz.<crm>: each CRM's script (.output/chrome-mv3/content-scripts/<crm>.js).
// - content.size.gz.inPageUi: the in-page UI (/in-page-ui.js), injected into a CRM
//   page only when the badge or the docked panel is first shown there (info).
// - panel.size.gz: what sidepanel.html loads: its scripts and stylesheets and
//   the chunks they import, each compressed on its own as it is read.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { log, single, writeResults } from './support/stats.mjs';

/** What ships: the runner's snapshot of the production build (scripts/bench.mjs), else .output/chrome-mv3 itself, never the e2e build. */
const EXTENSION_DIR = process.env.BENCH_EXTENSION_DIR || fileURLToPath(new URL('../.output/chrome-mv3/', import.meta.url));
/** Issue 17's targets: half of what every CRM page loaded before, and under half of the panel. */
const CONTENT_TARGET_KB = 8;
const PANEL_TARGET_KB = 100;
const gzipKb = (file) => gzipSync(readFileSync(file)).length / 1000;

const contentDir = join(EXTENSION_DIR, 'content-scripts');
if (!existsSync(contentDir)) throw new Error(`no build at ${EXTENSION_DIR}: run \`npx wxt build\` first`);
const scripts = readdirSync(contentDir)
  .filter((name) => name.endsWith('.js'))
  .map((name) => ({ crm: basename(name, '.js'), kb: gzipKb(join(contentDir, name)) }))
  .sort((a, b) => b.kb - a.kb);
const largest = scripts[0];
log(`content.size.gz: largest is ${largest.crm}`);

/** Files sidepanel.html loads, following static and dynamic imports between chunks. */
function panelFiles() {
  const html = readFileSync(join(EXTENSION_DIR, 'sidepanel.html'), 'utf8');
  const pending = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\/?([^"]+\.(?:js|css))"/g)].map((match) => match[1]);
  const files = new Set();
  while (pending.length > 0) {
    const file = pending.pop();
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(EXTENSION_DIR, file), 'utf8');
    for (const [, specifier] of code.matchAll(/(?:import|from)\s*\(?\s*["'](\.{1,2}\/[^"']+\.(?:js|css))["']/g)) {
      pending.push(posix.normalize(posix.join(dirname(file), specifier)));
    }
  }
  return [...files];
}
const panel = panelFiles();
log(`panel.size.gz: ${panel.join(', ')}`);

writeResults([
  single('content.size.gz', 'kB', largest.kb, CONTENT_TARGET_KB),
  ...[...scripts].sort((a, b) => a.crm.localeCompare(b.crm)).map(({ crm, kb }) => single(`content.size.gz.${crm}`, 'kB', kb, CONTENT_TARGET_KB)),
  single('content.size.gz.inPageUi', 'kB', gzipKb(join(EXTENSION_DIR, 'in-page-ui.js'))),
  single(
    'panel.size.gz',
    'kB',
    panel.reduce((sum, file) => sum + gzipKb(join(EXTENSION_DIR, file)), 0),
    PANEL_TARGET_KB,
  ),
]);
