// The shipped manifests and bundles, checked on the production builds.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { bundleScripts, E2E_ONLY_MARKERS } from '../support/e2e-only.mjs';

const output = (dir) => fileURLToPath(new URL(`../../../.output/${dir}/`, import.meta.url));
const manifestOf = async (dir) => JSON.parse(await readFile(join(output(dir), 'manifest.json'), 'utf8'));

/** Reviewed permission set: a change here is a change users and IT departments must be told about. */
const REVIEWED = {
  permissions: ['activeTab', 'contextMenus', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage'],
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

test('Firefox manifest: MV3 sidebar, gecko id, minimum version, no data collection', async () => {
  const manifest = await manifestOf('firefox-mv3');
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.sidebar_action?.default_panel, 'sidepanel.html');
  assert.equal(manifest.browser_specific_settings.gecko.id, 'iron-triangle@iron-triangle.app');
  assert.match(manifest.browser_specific_settings.gecko.strict_min_version, /^\d+\.0$/);
  assert.deepEqual(manifest.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
  assert.deepEqual([...manifest.host_permissions].sort(), REVIEWED.host_permissions);
  assert.deepEqual(manifest.optional_host_permissions, REVIEWED.optional_host_permissions);
  assert.equal(manifest.permissions.includes('sidePanel'), false);
});

test('production bundles carry no end-to-end test hooks (page marker, request relay, test routes) and no eval', async () => {
  for (const dir of ['chrome-mv3', 'firefox-mv3']) {
    const scripts = await bundleScripts(output(dir));
    assert.ok(scripts.length > 0);
    for (const { file, code } of scripts) {
      for (const marker of E2E_ONLY_MARKERS) assert.equal(code.includes(marker), false, `${dir}/${file} has the e2e-only "${marker}"`);
      assert.equal(/\beval\(|new Function\(/.test(code), false, `${dir}/${file} uses eval or new Function`);
    }
  }
});
