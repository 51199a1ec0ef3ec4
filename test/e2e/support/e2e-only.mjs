// What only `--mode e2e` builds may carry: the content script's page marker
// and request relay (lib/content/e2e-*.ts) and the background's test routes
// (lib/background/e2e-routes.ts). The production-bundle check fails if any of
// these strings ships; the Firefox suite checks that its e2e build has them
// all, so the list stays true to the code.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export const E2E_ONLY_MARKERS = ['data-iron-triangle-e2e', 'iron-triangle-e2e-request', 'e2e/open-page', 'e2e/context-menu', 'e2e/menu-present'];

/** The bundle's JavaScript files under `dir`, as `{ file, code }`. */
export async function bundleScripts(dir) {
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.js'));
  return Promise.all(files.map(async (file) => ({ file, code: await readFile(join(dir, file), 'utf8') })));
}
