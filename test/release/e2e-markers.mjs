// What only `--mode e2e` builds may carry, read from the source itself: every
// `export const E2E_NAME = '…'` in lib/ and entrypoints/ (tests excepted) is a
// name the e2e-only code uses — the service worker's global with the menu and
// shortcut handlers, the background's test routes, the content script's page
// marker and request relay, the panel's pinning query parameters. No list is
// kept by hand: a new hook declared this way is checked from its first build.
// The release test fails when a store package holds any of them; the Firefox
// e2e suite checks that its e2e build holds them all (so none is stale).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_DIRS = ['lib', 'entrypoints'];
const DECLARATION = /^export const (E2E_[A-Z0-9_]+)\s*=\s*(['"])([^'"\n]+)\2;/gm;

/** `{ name, value, file }` for each e2e-only marker declared in the source under `root`. */
export function e2eMarkersFromSource(root = ROOT) {
  const markers = [];
  for (const dir of SOURCE_DIRS) {
    for (const file of readdirSync(join(root, dir), { recursive: true })) {
      if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
      const path = join(root, dir, file);
      for (const [, name, , value] of readFileSync(path, 'utf8').matchAll(DECLARATION)) markers.push({ name, value, file: relative(root, path) });
    }
  }
  return markers;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * How a marker shows in a minified bundle. A query parameter (`E2E_…_PARAM`) is a
 * common word (`tabId` is everywhere), so it counts only where it is read or written
 * as a parameter: `?tabId=`, `&tabId=` or `.get("tabId")`. Any other marker counts
 * wherever it stands as a whole name or string (`ironTriangle`, not `__ironTriangleEnricher`).
 */
export function markerPattern({ name, value }) {
  const text = escape(value);
  if (name.endsWith('_PARAM')) return new RegExp(`[?&]${text}=|\\.get\\(\\s*(["'\`])${text}\\1\\s*\\)`);
  return new RegExp(`(?<![\\w$-])${text}(?![\\w$-])`);
}

/** Each `{ file, marker }` where one of `files` (path -> text or Buffer) holds a marker. */
export function findMarkers(files, markers) {
  const found = [];
  for (const [file, data] of files) {
    if (!/\.(m?js|html|json)$/.test(file)) continue;
    const text = typeof data === 'string' ? data : data.toString('utf8');
    for (const marker of markers) if (markerPattern(marker).test(text)) found.push({ file, marker: marker.value });
  }
  return found;
}
