// The shipped manifests and bundles, checked on the production builds.
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { bundleScripts, e2eMarkersIn } from '../support/e2e-only.mjs';

const output = (dir) => fileURLToPath(new URL(`../../../.output/${dir}/`, import.meta.url));
const manifestOf = async (dir) => JSON.parse(await readFile(join(output(dir), 'manifest.json'), 'utf8'));

/** Reviewed permission set: a change here is a change users and IT departments must be told about. */
const REVIEWED = {
  permissions: ['activeTab', 'alarms', 'contextMenus', 'identity', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage'],
  host_permissions: [
    'https://*.crm.dynamics.cn/*',
    'https://*.crm.dynamics.com/*',
    ...[11, 12, 14, 15, 16, 17, 19, 2, 20, 21, 3, 4, 5, 6, 7, 8, 9].map((region) => `https://*.crm${region}.dynamics.com/*`),
    'https://*.lightning.force.com/*',
    'https://*.my.salesforce.com/*',
    'https://*.odoo.com/*',
    'https://*.pipedrive.com/*',
    'https://app-eu1.hubspot.com/*',
    'https://app-na2.hubspot.com/*',
    'https://app.hubspot.com/*',
    ...['ca', 'com', 'com.au', 'com.cn', 'eu', 'in', 'jp'].map((tld) => `https://crm.zoho.${tld}/*`),
  ].sort(),
  // Asked for one host at a time, when the user adds a CRM of their own.
  optional_host_permissions: ['https://*/*'],
};

test('Chrome manifest: MV3, side panel, reviewed permissions, no <all_urls>, default CSP', async () => {
  const manifest = await manifestOf('chrome-mv3');
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.default_locale, 'en');
  assert.equal(manifest.name, '__MSG_extName__');
  assert.deepEqual([...manifest.permissions].sort(), REVIEWED.permissions);
  assert.deepEqual([...manifest.host_permissions].sort(), REVIEWED.host_permissions);
  assert.deepEqual(manifest.optional_host_permissions, REVIEWED.optional_host_permissions);
  assert.equal(manifest.side_panel?.default_path, 'sidepanel.html');
  assert.equal(manifest.storage?.managed_schema, 'managed-schema.json');
  assert.ok(JSON.parse(await readFile(join(output('chrome-mv3'), 'managed-schema.json'), 'utf8')).properties.playbook);
  assert.equal(manifest.commands?.['capture-note']?.suggested_key?.default, 'Alt+Shift+N');
  assert.equal(manifest.content_security_policy, undefined, 'default MV3 CSP');
  assert.equal(JSON.stringify(manifest).includes('<all_urls>'), false);
  const contentScriptHosts = manifest.content_scripts.flatMap((script) => script.matches).sort();
  assert.deepEqual(contentScriptHosts, REVIEWED.host_permissions, 'content scripts run on exactly the supported CRM hosts');
  assert.ok(manifest.icons?.['128']);
});

test('Firefox manifest: MV3 sidebar, gecko id, minimum version, no data transmitted without consent', async () => {
  const manifest = await manifestOf('firefox-mv3');
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.sidebar_action?.default_panel, 'sidepanel.html');
  assert.equal(manifest.browser_specific_settings.gecko.id, 'iron-triangle@iron-triangle.app');
  assert.match(manifest.browser_specific_settings.gecko.strict_min_version, /^\d+\.0$/);
  // Nothing is required; what a connected Salesforce org receives is asked for at connect (reviewed list).
  assert.deepEqual(manifest.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'], optional: ['personalCommunications', 'personallyIdentifyingInfo', 'browsingActivity', 'websiteContent'] });
  assert.deepEqual([...manifest.host_permissions].sort(), REVIEWED.host_permissions);
  assert.deepEqual(manifest.optional_host_permissions, REVIEWED.optional_host_permissions);
  assert.equal(manifest.permissions.includes('sidePanel'), false);
});

// zod's eval probe and the JIT code generator behind it, which never run: the probe answers
// false under `jitless`, which lib/zod/mini.ts sets (unit-tested there).
// As terser writes them (the build minifies with terser, wxt.config.ts), and as esbuild does.
const ZOD_JIT = [
  /\.jitless\|\|[^{}]*\)return!1;try\{const (\w+)=Function;return new \1\(""\),!0\}/g,
  /\.jitless\)return!1;if\([^{}]*\)return!1;try\{return new Function\(""\),!0\}/g,
  /compile\(\)\{const (\w+)=Function,/g,
];
const withoutZodJit = (code) => ZOD_JIT.reduce((text, pattern) => text.replace(pattern, ''), code);

test('production bundles carry no end-to-end test hooks (handlers global, page marker, request relay, test routes, panel pinning) and no eval', async () => {
  for (const dir of ['chrome-mv3', 'firefox-mv3']) {
    const scripts = await bundleScripts(output(dir));
    assert.ok(scripts.length > 0);
    assert.deepEqual(e2eMarkersIn(scripts), [], `${dir} has e2e-only hooks`);
    for (const { file, code } of scripts) {
      assert.equal(/\beval\(|new Function\(/.test(withoutZodJit(code)), false, `${dir}/${file} uses eval or new Function`);
    }
  }
});

test('the e2e builds the tests and benchmarks run are the production code: React in its production build, as shipped', async () => {
  // `jsxDEV` is the development JSX runtime; only React's development build warns about keys.
  const development = /\bjsxDEV\b|unique "key" prop/;
  for (const dir of ['chrome-mv3', 'chrome-mv3-e2e']) {
    const scripts = await bundleScripts(output(dir));
    assert.ok(scripts.length > 0, `${dir} is built`);
    assert.deepEqual(
      scripts.filter(({ code }) => development.test(code)).map(({ file }) => file),
      [],
      `${dir} bundles React's development build`,
    );
  }
});

/** The .js and .html files of a build, with their text. */
async function bundleFiles(dir) {
  const files = (await readdir(output(dir), { recursive: true })).filter((file) => /\.(js|html)$/.test(file));
  assert.ok(files.some((file) => file.endsWith('.js')));
  return Promise.all(files.map(async (file) => ({ file: `${dir}/${file}`, code: await readFile(join(output(dir), file), 'utf8') })));
}
const BUILDS = ['chrome-mv3', 'firefox-mv3'];

// docs/security.md, threat T6: no code is generated or loaded at run time.
test('production bundles generate and load no code: no Function constructor, string timers, importScripts or remote scripts', async () => {
  const forbidden = [
    [/(?<![\w$])Function\s*\(/, 'calls the Function constructor'],
    [/new\s+Function\b/, 'constructs a Function'],
    // Aliasing the constructor to call it later (how zod probes for eval when not jitless).
    [/[=:,(]\s*Function\s*[;,)}]/, 'takes the Function constructor as a value'],
    [/\b(?:setTimeout|setInterval)\(\s*["'`]/, 'passes a string to a timer'],
    [/\bimportScripts\b/, 'uses importScripts'],
    [/<script[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//i, 'loads a remote script'],
  ];
  for (const dir of BUILDS) {
    for (const { file, code } of await bundleFiles(dir)) {
      const rest = withoutZodJit(code);
      for (const [pattern, what] of forbidden) assert.equal(pattern.test(rest), false, `${file} ${what}: ${rest.match(pattern)?.[0]}`);
    }
  }
});

/**
 * Every network API use in the bundles, each reviewed: library code paths that talk to no
 * remote host, and the Salesforce client, which talks to the user's connected org only.
 */
const REVIEWED_NETWORK_USES = [
  // Vite's modulepreload polyfill: fetches the <link rel=modulepreload> files of the page itself (the extension's own origin).
  { pattern: /\bfetch\(\w+\.href,\w+\)/g, where: /^(chrome|firefox)-mv3\/chunks\// },
  // The Salesforce REST client (lib/salesforce/client.ts): each call goes to the connected org's
  // My Domain, checked by instanceOrigin just before it, and only while an org is connected
  // (salesforce.test.mjs). The OAuth calls (oauth.ts) use the same injected fetch, to hosts
  // checked by loginOrigin; minified, their call has no `fetch(` to count.
  { pattern: /\.options\.fetch\(\w+,/g, where: /^(chrome|firefox)-mv3\/background\.js$/ },
  // PapaParse's NetworkStreamer, reached only with `download: true`; the directory import parses file text (checked below).
  { pattern: /\bnew XMLHttpRequest\b/g, where: /^(chrome|firefox)-mv3\/chunks\/options-/ },
];
const NETWORK_API = /\bfetch\(|\bXMLHttpRequest\b|\bWebSocket\b|\bsendBeacon\b|\bEventSource\b|\bWebTransport\b|\bRTCPeerConnection\b/g;

test('the UI code renders no script, raw HTML or resource hints (React DOM could otherwise insert a <script>)', async () => {
  const { execFileSync } = await import('node:child_process');
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const sources = execFileSync('git', ['ls-files', 'components', 'entrypoints', 'lib'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((file) => /\.(tsx?|html)$/.test(file) && !/\.test\.tsx?$|\/fixtures\/|\/testing\//.test(file));
  for (const file of sources) {
    const code = await readFile(join(root, file), 'utf8');
    assert.doesNotMatch(code, /<script\b(?![^>]*\bsrc="\.\/main\.tsx?")|\bpreinit(?:Module)?\(|\bpreload(?:Module)?\(|dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write\(/, file);
  }
});

test('production bundles talk to no remote host', async () => {
  for (const dir of BUILDS) {
    for (const { file, code } of await bundleFiles(dir)) {
      const reviewed = REVIEWED_NETWORK_USES.filter((use) => use.where.test(file)).reduce((count, use) => count + (code.match(use.pattern)?.length ?? 0), 0);
      const uses = code.match(NETWORK_API)?.length ?? 0;
      assert.equal(uses, reviewed, `${file}: ${uses} uses of a network API, ${reviewed} of them reviewed`);
    }
  }
  const csvImport = await readFile(new URL('../../../lib/directory/import-csv.ts', import.meta.url), 'utf8');
  assert.equal(/\bdownload\s*:/.test(csvImport), false, 'Papa.parse must parse text, never download');
  // Web addresses in the code are XML namespaces, schema ids, React's error page (text), and CRM match patterns.
  const allowed = /^(?:https?:\/\/www\.w3\.org\/|https?:\/\/json-schema\.org\/|https:\/\/react\.dev\/errors\/|https:\/\/[^/]+\/\*$|https?:\/\/\[?\$\{|https:\/\/$)/;
  for (const dir of BUILDS) {
    for (const { file, code } of await bundleFiles(dir)) {
      for (const address of code.match(/https?:\/\/[^"'`\s)]*/g) ?? []) assert.match(address, allowed, `${file} names ${address}`);
    }
  }
});

test('both manifests keep the default MV3 content security policy (or a stricter one), expose only the reviewed in-page files and accept no outside messages', async () => {
  for (const dir of BUILDS) {
    const manifest = await manifestOf(dir);
    // Only the launcher and the docked panel, and only the supported CRMs' pages may frame them
    // (lib/content/in-page-ui.ts); a user-defined CRM's host is never among them.
    assert.deepEqual(
      manifest.web_accessible_resources?.map(({ resources, matches }) => ({ resources: [...resources].sort(), matches: [...matches].sort() })),
      [{ resources: ['launcher.html', 'sidepanel.html'], matches: REVIEWED.host_permissions }],
      `${dir}: web-accessible files`,
    );
    assert.equal(manifest.externally_connectable, undefined, `${dir}: no web page may message the extension`);
    const csp = manifest.content_security_policy;
    if (csp === undefined) continue;
    // If one is ever set, it may only tighten the default "script-src 'self'; object-src 'self'".
    for (const policy of Object.values(csp)) {
      assert.doesNotMatch(policy, /unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*|data:|blob:/, `${dir}: ${policy}`);
      assert.match(policy, /script-src 'self'/);
    }
  }
});
