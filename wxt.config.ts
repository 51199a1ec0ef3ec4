import { defineConfig } from 'wxt';
import { SUPPORTED_CRM_MATCHES } from './lib/crm/hosts';

// Firefox 128 is the oldest ESR with MV3 `sidebar_action`, `storage.session`
// and `data_collection_permissions` support through strict_min_version 128 +
// the gecko data-collection key (accepted since 128 with a lint warning only
// in older web-ext).
const FIREFOX_MIN_VERSION = '128.0';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
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
    // activeTab + scripting: read the full selection (with line breaks) from the
    // page the context menu was opened on; no standing access to any site.
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting', 'unlimitedStorage'],
    host_permissions: [...SUPPORTED_CRM_MATCHES],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'iron-triangle@iron-triangle.app',
              strict_min_version: FIREFOX_MIN_VERSION,
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
