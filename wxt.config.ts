import { defineConfig } from 'wxt';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { SUPPORTED_CRM_MATCHES } from './lib/crm/hosts';
import { SALESFORCE_DATA_COLLECTION } from './lib/salesforce/data-collection';

// `--mode e2e` is the production build plus the test hooks. WXT names NODE_ENV after the mode
// unless it is set, and any NODE_ENV but 'production' bundles React's development build (half as much
// script again in the panel, other timings) into what the end-to-end tests and the benchmarks run.
if (process.env.NODE_ENV === 'e2e') process.env.NODE_ENV = 'production';

// The newest key we use decides the minimum: `data_collection_permissions`
// arrived in Firefox 140 (an ESR) and Firefox for Android 142. Everything else
// (MV3 sidebar_action, storage.session, scripting) is older.
const FIREFOX_MIN_VERSION = '140.0';
const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/**
 * The content scripts load on every CRM page, so they take the browser's own
 * extension API (lib/content/native-browser.ts) instead of webextension-polyfill,
 * which `@wxt-dev/webextension-polyfill` aliases `wxt/browser` to everywhere, and
 * a small context (lib/content/script-context.ts) instead of WXT's. Only in the
 * builds of `*.content.ts` entrypoints (WXT builds each in its own IIFE build);
 * the pages, background and injected scripts keep the polyfill.
 */
function nativeBrowserInContentScripts(): Plugin {
  const native = fileURLToPath(new URL('./lib/content/native-browser.ts', import.meta.url));
  const context = fileURLToPath(new URL('./lib/content/script-context.ts', import.meta.url));
  let contentScript = false;
  return {
    name: 'iron-triangle:native-browser-in-content-scripts',
    enforce: 'pre',
    configResolved(config) {
      const lib = config.build.lib;
      contentScript = !!lib && String(lib.entry).includes('virtual:wxt-content-script-isolated-world-entrypoint');
    },
    resolveId(id) {
      if (!contentScript) return null;
      if (id === 'wxt/browser' || id === '@wxt-dev/webextension-polyfill/browser') return native;
      if (id === 'wxt/utils/content-script-context') return context;
      return null;
    },
  };
}

/**
 * The extension's pages bundle the `_locales` catalogs (lib/i18n/index.ts), but
 * need only each message: the translators' descriptions are ~40 % of the text
 * (about 5.5 kB gz of every page's script). The files in `_locales/` the browser
 * reads are copied untouched.
 */
function catalogMessagesOnly(): Plugin {
  return {
    name: 'iron-triangle:catalog-messages-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]_locales[\\/][^\\/]+[\\/]messages\.json$/.test(id)) return null;
      const catalog = JSON.parse(code) as Record<string, { message: string }>;
      const messages = Object.fromEntries(Object.entries(catalog).map(([key, { message }]) => [key, { message }]));
      return { code: JSON.stringify(messages), map: null };
    },
  };
}

/** Schema of the policy IT can push to every user (Chrome managed storage): a playbook, a team directory and page rules. */
const MANAGED_SCHEMA = 'managed-schema.json';

export default defineConfig({
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: fileURLToPath(new URL('./lib/playbook/managed-schema.json', import.meta.url)), relativeDest: MANAGED_SCHEMA });
    },
  },
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Terser packs the bundles about 5% smaller than esbuild's minifier: the content scripts load on every
  // CRM page (`content.size.gz` in `npm run bench`, target 8 kB gzip). IT_SOURCEMAP=1 adds source maps,
  // to attribute bytes and profiles to modules (bench/findings.md); what ships has none.
  vite: () => ({ build: { minify: 'terser', sourcemap: !!process.env.IT_SOURCEMAP }, plugins: [nativeBrowserInContentScripts(), catalogMessagesOnly()] }),
  zip: {
    // The Firefox sources zip holds what an add-on reviewer needs to rebuild
    // the package (`npm ci && npm run build:firefox`), nothing else.
    excludeSources: [
      '.ci/**',
      'bench/**',
      'docs/**',
      'scripts/**',
      'test/**',
      '**/*.test.ts',
      '**/*.test.tsx',
      '**/fixtures/**',
      '**/testing/**',
      'eslint.config.js',
      'vitest.config.ts',
    ],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // No popup: the toolbar button opens the side panel / sidebar instead.
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'capture-note': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_commandCapture__' },
    },
    // activeTab + scripting: read the full selection (with line breaks) from the
    // page the context menu was opened on; no standing access to any site.
    // identity: the Salesforce sign-in window (launchWebAuthFlow); alarms: the
    // outbox's next send survives a stopped worker. Both idle until an org is connected.
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting', 'unlimitedStorage', 'identity', 'alarms'],
    host_permissions: [...SUPPORTED_CRM_MATCHES],
    // The launcher badge and the docked panel are extension pages the content
    // script frames in the supported CRMs' pages, and only there.
    web_accessible_resources: [{ resources: ['launcher.html', 'sidepanel.html'], matches: [...SUPPORTED_CRM_MATCHES] }],
    // Any other CRM: requested for its one host when the user adds it in the options.
    optional_host_permissions: ['https://*/*'],
    // Firefox reads managed storage from enterprise policies, without a schema in the manifest.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: MANAGED_SCHEMA } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'iron-triangle@iron-triangle.app',
              strict_min_version: FIREFOX_MIN_VERSION,
              // Nothing leaves the browser until the user connects Salesforce, which asks for these then.
              data_collection_permissions: { required: ['none'], optional: [...SALESFORCE_DATA_COLLECTION] },
            },
            gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
          },
        }
      : {}),
  }),
});
