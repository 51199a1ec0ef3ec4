// What only `--mode e2e` builds may carry, read from the source (test/release/e2e-markers.mjs:
// every `export const E2E_… = '…'` in lib/ and entrypoints/). The production-bundle check
// fails if any ships; the Firefox suite checks that its e2e build has them all, so no
// declared marker is stale.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { e2eMarkersFromSource, findMarkers } from '../../release/e2e-markers.mjs';

export const E2E_ONLY_MARKERS = e2eMarkersFromSource();

/** `{ file, marker }` for each e2e-only marker in `scripts` (as bundleScripts gives them). */
export const e2eMarkersIn = (scripts) => findMarkers(new Map(scripts.map(({ file, code }) => [file, code])), E2E_ONLY_MARKERS);

/** The bundle's JavaScript files under `dir`, as `{ file, code }`. */
export async function bundleScripts(dir) {
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.js'));
  return Promise.all(files.map(async (file) => ({ file, code: await readFile(join(dir, file), 'utf8') })));
}
