// The e2e-only marker list comes from the source (e2e-markers.mjs); these check that
// reading it finds what the e2e-only code uses, and that the bundle scan can fail.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { e2eMarkersFromSource, findMarkers } from './e2e-markers.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const markers = e2eMarkersFromSource();
const temporary = [];
after(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('the e2e-only markers read from the source', () => {
  it('are declared once each, with distinct values', () => {
    assert.ok(markers.length > 0);
    assert.equal(new Set(markers.map(({ name }) => name)).size, markers.length);
    assert.equal(new Set(markers.map(({ value }) => value)).size, markers.length);
  });

  it('cover every e2e-only file: each lib/**/e2e-*.ts declares its names, and writes none of them out', () => {
    const e2eFiles = readdirSync(join(ROOT, 'lib'), { recursive: true }).filter((file) => /(^|\/)e2e-[^/]*\.ts$/.test(file) && !file.endsWith('.test.ts'));
    assert.ok(e2eFiles.length > 0);
    for (const file of e2eFiles) {
      const code = readFileSync(join(ROOT, 'lib', file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|\s)\/\/.*$/gm, '$1'); // comments
      assert.ok(markers.some((marker) => marker.file === join('lib', file)), `lib/${file} declares no E2E_ marker`);
      // A string that names an e2e thing must be a declared marker, not a literal the scan cannot know.
      for (const [literal] of code.matchAll(/'[^'\n]*e2e[^'\n]*'|"[^"\n]*e2e[^"\n]*"/gi)) {
        const value = literal.slice(1, -1);
        if (/^\.\.?\//.test(value)) continue; // an import path
        assert.ok(markers.some((marker) => marker.value === value), `lib/${file}: ${literal} is not declared as an E2E_ marker`);
      }
    }
  });

  it('include the hooks issue 17 found shipping: the handlers global, the test routes, the page marker, the panel pinning', () => {
    const values = markers.map(({ value }) => value);
    for (const expected of ['ironTriangle', 'e2e/open-page', 'data-iron-triangle-e2e', 'tabId', 'windowId']) assert.ok(values.includes(expected), expected);
  });

  it('are found in a source tree that declares a new one, without anyone listing it', () => {
    const root = mkdtempSync(join(tmpdir(), 'iron-triangle-markers-'));
    temporary.push(root);
    mkdirSync(join(root, 'lib', 'x'), { recursive: true });
    mkdirSync(join(root, 'entrypoints'));
    writeFileSync(join(root, 'lib', 'x', 'e2e-new.ts'), "export const E2E_NEW_HOOK = 'iron-new-hook';\nexport const NOT_A_MARKER = 'x';\n");
    writeFileSync(join(root, 'lib', 'x', 'e2e-new.test.ts'), "export const E2E_IN_A_TEST = 'ignored';\n");
    assert.deepEqual(e2eMarkersFromSource(root), [{ name: 'E2E_NEW_HOOK', value: 'iron-new-hook', file: join('lib', 'x', 'e2e-new.ts') }]);
  });
});

describe('the bundle scan', () => {
  it('fails on a bundle holding any marker, in the form a minifier writes it', () => {
    const bundle = new Map([
      ['background.js', 'Object.assign(globalThis,{ironTriangle:{onContextMenuClicked:a,onCommand:b}});'],
      ['chunks/routes.js', 'o({type:"e2e/open-page"}),o({type:"e2e/context-menu"}),o({type:"e2e/menu-present"});c(`/sidepanel.html?tabId=${t}`)'],
      ['content-scripts/salesforce.js', 'document.addEventListener("iron-triangle-e2e-request",f);new CustomEvent("iron-triangle-e2e-reply");e.setAttribute("data-iron-triangle-e2e",s)'],
      ['chunks/panel.js', 'const t=n(e.get("tabId"));const w=n(e.get("windowId"))'],
    ]);
    const found = findMarkers(bundle, markers);
    assert.deepEqual([...new Set(found.map(({ marker }) => marker))].sort(), markers.map(({ value }) => value).sort());
    assert.deepEqual(
      found.filter(({ marker }) => marker === 'ironTriangle'),
      [{ file: 'background.js', marker: 'ironTriangle' }],
    );
  });

  it('passes what production code holds: longer names, tabId as a property, other files', () => {
    const bundle = new Map([
      ['background.js', 'globalThis.__ironTriangleEnricher;globalThis.__ironTrianglePicker;chrome.tabs.get(e.tabId);"tabId"in t;{windowId:e.windowId}'],
      ['chunks/panel.js', 'const o=e.get("docked");indexedDB.open("iron-triangle")'],
      ['icon/128.png', 'ironTriangle'],
    ]);
    assert.deepEqual(findMarkers(bundle, markers), []);
  });
});
