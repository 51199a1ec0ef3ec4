// Bundles TypeScript from lib/ into one script for a browser page, with the
// esbuild that WXT depends on: an IIFE whose exports land on `globalThis[globalName]`.
// Extension pages refuse inline <script> (MV3 CSP), but code evaluated through
// the DevTools protocol (page.evaluate) runs there.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function bundleForPage(entry, globalName) {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, `file://${ROOT}`))],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    globalName,
    target: 'chrome120',
    minify: true, // as in the production build
    logLevel: 'warning',
  });
  // Also set explicitly, so the script works where `var` stays local (code run through eval).
  return `${result.outputFiles[0].text};globalThis.${globalName} = ${globalName};`;
}
