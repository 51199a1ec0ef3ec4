// The least an extension built on this project's fixed stack can be, built
// into a temporary folder for bench/baseline.bench.mjs: a service worker that
// does nothing, a content script that does nothing on the heavy page's host,
// an extension page whose script does nothing but add the element the panel
// benchmarks wait for, and the same page drawn by React 19 (react-dom/client,
// production build, bundled with the esbuild WXT depends on, minified as the
// production build is). What these cost is what no work of ours can take away.
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The element panel-marks.mjs waits for, as the panel draws it with an analysis. */
const DRAWN = `const drawn = document.createElement('div'); drawn.dataset.testid = 'stage-resolution'; drawn.textContent = 'Ready';`;
const REACT_PAGE = `import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
createRoot(document.getElementById('root')).render(createElement('div', { 'data-testid': 'stage-resolution' }, 'Ready'));`;

const page = (script) => `<!doctype html>
<html><head><meta charset="utf-8" /><title>Baseline</title></head>
<body><div id="root"></div><script type="module" src="./${script}"></script></body></html>
`;

/** Builds the baseline extension for content scripts on `host`; returns its folder. */
export async function buildBaselineExtension(host) {
  const dir = mkdtempSync(join(tmpdir(), 'iron-triangle-baseline-'));
  const manifest = {
    manifest_version: 3,
    name: 'Baseline',
    version: '1.0',
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: [`https://${host}/*`], js: ['content.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'background.js'), 'void 0;\n');
  writeFileSync(join(dir, 'content.js'), 'void 0;\n');
  writeFileSync(join(dir, 'plain.html'), page('plain.js'));
  writeFileSync(join(dir, 'plain.js'), `${DRAWN}\ndocument.getElementById('root').append(drawn);\n`);
  writeFileSync(join(dir, 'react.html'), page('react.js'));
  await build({
    stdin: { contents: REACT_PAGE, resolveDir: ROOT, loader: 'js' },
    absWorkingDir: ROOT,
    bundle: true,
    outfile: join(dir, 'react.js'),
    platform: 'browser',
    format: 'esm',
    target: 'chrome120',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  return dir;
}
