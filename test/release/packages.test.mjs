// The store packages `npm run zip` wrote to .output/ (run by `npm run
// test:release` just before): both must meet the stores' documented manifest
// rules in every locale (store-rules.mjs), the Firefox one must pass
// `web-ext lint` with zero errors, and every permission and host they ask
// for must be justified in both store listings (docs/store/).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { e2eMarkersFromSource, findMarkers } from './e2e-markers.mjs';
import { checkHostAccess, checkIcons, checkLocalizedTexts, checkNoRemoteCode, checkReferencedFiles, checkVersion, storeProblems, unjustified } from './store-rules.mjs';
import { readZip } from './zip.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const zipPath = (browser) => join(ROOT, '.output', `${name}-${version}-${browser}.zip`);
const LISTINGS = ['docs/store/listing.en.md', 'docs/store/listing.zh-CN.md'].map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));

/** Manifest and files of a package; fails with how to make it when it is missing. */
function openPackage(browser) {
  const path = zipPath(browser);
  assert.ok(existsSync(path), `${path} is missing: run \`npm run zip\` first (npm run test:release does)`);
  const files = readZip(path);
  assert.ok(files.has('manifest.json'), `${path} has no manifest.json at its root`);
  return { path, files, manifest: JSON.parse(files.get('manifest.json').toString('utf8')) };
}

const temporary = [];
after(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

for (const browser of ['chrome', 'firefox']) {
  describe(`the ${browser} package`, () => {
    const pkg = openPackage(browser);

    it('meets the store manifest rules (name, description in every locale, version, icons, files, host access, no remote code)', () => {
      assert.deepEqual(storeProblems(pkg.manifest, pkg.files), []);
    });

    it('ships both locales, English by default', () => {
      assert.equal(pkg.manifest.default_locale, 'en');
      assert.ok(pkg.files.has('_locales/en/messages.json'));
      assert.ok(pkg.files.has('_locales/zh_CN/messages.json'));
    });

    it('asks only for permissions and hosts that both store listings justify', () => {
      for (const listing of LISTINGS) assert.deepEqual(unjustified(pkg.manifest, listing.text), [], `not justified in ${listing.path}`);
    });

    it('carries none of the e2e-only hooks the source declares (E2E_ constants: handlers global, test routes, page marker, panel pinning)', () => {
      const markers = e2eMarkersFromSource();
      assert.ok(markers.length > 0);
      assert.deepEqual(findMarkers(pkg.files, markers), []);
    });

    it('holds no source maps, tests or fixtures', () => {
      const stray = [...pkg.files.keys()].filter((path) => /\.map$|\.test\.|(^|\/)(fixtures|testing)\//.test(path));
      assert.deepEqual(stray, []);
    });
  });
}

describe('the Firefox package', () => {
  it('passes web-ext lint with zero errors', () => {
    const { files } = openPackage('firefox');
    const dir = mkdtempSync(join(tmpdir(), 'iron-triangle-release-'));
    temporary.push(dir);
    for (const [path, data] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), data);
    }
    const lint = spawnSync(join(ROOT, 'node_modules', '.bin', 'web-ext'), ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
    const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{')));
    assert.deepEqual(
      report.errors.map((error) => `${error.code}: ${error.message} (${error.file ?? ''})`),
      [],
    );
    assert.equal(report.summary.errors, 0);
  });

  it('declares its add-on id, that it transmits nothing without consent, and what a connected org receives', () => {
    const { manifest } = openPackage('firefox');
    assert.ok(manifest.browser_specific_settings?.gecko?.id);
    assert.deepEqual(manifest.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'], optional: ['personalCommunications', 'personallyIdentifyingInfo', 'browsingActivity', 'websiteContent'] });
  });
});

// The rules themselves, on manifests that break them: a check that could not fail would prove nothing.
describe('the store rules catch', () => {
  const png = (size) => {
    const data = Buffer.alloc(24);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(data);
    data.write('IHDR', 12, 'ascii');
    data.writeUInt32BE(size, 16);
    data.writeUInt32BE(size, 20);
    return data;
  };
  const messages = (entries) => Buffer.from(JSON.stringify(Object.fromEntries(Object.entries(entries).map(([key, message]) => [key, { message }]))));

  it('a name or description too long in one locale only, and a message missing there', () => {
    const manifest = { name: '__MSG_extName__', description: '__MSG_extDescription__', default_locale: 'en', action: { default_title: '__MSG_title__' } };
    const files = new Map([
      ['_locales/en/messages.json', messages({ extName: 'Short', extDescription: 'Fine.', title: 'T' })],
      ['_locales/zh_CN/messages.json', messages({ extname: '名'.repeat(76), extDescription: '长'.repeat(133) })],
    ]);
    assert.deepEqual(checkLocalizedTexts(manifest, files), [
      'zh_CN: message title is not defined',
      `zh_CN: name is 76 characters (at most 75): ${'名'.repeat(76)}`,
      `zh_CN: description is 133 characters (at most 132): ${'长'.repeat(133)}`,
    ]);
    assert.deepEqual(checkLocalizedTexts({ ...manifest, default_locale: undefined }, files).slice(0, 1), ['_locales present but no default_locale']);
  });

  it('malformed versions', () => {
    for (const bad of ['', '0', '0.0.0.0', '1.02', '1.2.3.4.5', '65536', '1.0-beta']) assert.equal(checkVersion({ version: bad }).length, 1, bad);
    for (const good of ['1', '0.1.0', '2.10.2', '3.1.2.4567', '65535.0']) assert.deepEqual(checkVersion({ version: good }), [], good);
  });

  it('missing, absent, non-PNG and wrongly sized icons', () => {
    const manifest = { icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' } };
    const files = new Map([
      ['icon/16.png', png(16)],
      ['icon/32.png', png(48)],
    ]);
    assert.deepEqual(checkIcons(manifest, files), ['icons: icon/32.png is 48x48, declared as 32px', 'icons: icon/48.png is not in the package', 'icons: no 128px icon declared']);
    assert.deepEqual(checkIcons({ icons: { 16: 'a.svg', 32: 'a.svg', 48: 'a.svg', 128: 'a.svg' } }, new Map([['a.svg', Buffer.from('<svg/>')]])).length, 4);
  });

  it('a file the manifest names that the package lacks, web-accessible pages included', () => {
    const manifest = { background: { service_worker: 'background.js' }, web_accessible_resources: [{ resources: ['launcher.html', 'assets/*'], matches: ['https://*.odoo.com/*'] }] };
    assert.deepEqual(checkReferencedFiles(manifest, new Map([['background.js', Buffer.from('')]])), ['launcher.html is named in the manifest but not in the package']);
  });

  it('standing access to every site, but not the same pattern as an optional permission', () => {
    assert.deepEqual(checkHostAccess({ host_permissions: ['<all_urls>'], content_scripts: [{ matches: ['*://*/*'] }] }), [
      'standing access to every site: <all_urls>',
      'standing access to every site: *://*/*',
    ]);
    assert.deepEqual(checkHostAccess({ host_permissions: ['https://*.odoo.com/*'], optional_host_permissions: ['https://*/*'] }), []);
    assert.deepEqual(checkHostAccess({ web_accessible_resources: [{ resources: ['launcher.html'], matches: ['<all_urls>'] }] }), ['standing access to every site: <all_urls>']);
    assert.deepEqual(checkHostAccess({ web_accessible_resources: [{ resources: ['launcher.html'], matches: ['https://*.odoo.com/*'] }] }), []);
  });

  it('remote scripts in the CSP, in a page or imported by a script', () => {
    const files = new Map([
      ['panel.html', Buffer.from('<script type="module" src="https://cdn.example.com/x.js"></script><script src="/chunks/a.js"></script>')],
      ['background.js', Buffer.from('importScripts("https://cdn.example.com/y.js")')],
    ]);
    assert.deepEqual(checkNoRemoteCode({ content_security_policy: { extension_pages: "script-src 'self' https://cdn.example.com; object-src 'self'" } }, files), [
      'content_security_policy allows scripts from https://cdn.example.com',
      'panel.html loads a script from https://cdn.example.com/x.js',
      'background.js imports a script from the network',
    ]);
  });

  it('a permission the listing does not name', () => {
    assert.deepEqual(unjustified({ permissions: ['storage', 'tabs'], host_permissions: ['https://*.odoo.com/*'] }, '| `storage` | … |\n`https://*.odoo.com/*`'), ['tabs']);
  });
});
