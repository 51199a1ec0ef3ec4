import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** One import style: `./` within a folder, `@/…` for anything in another (issue 17). */
const ONE_IMPORT_STYLE = { group: ['../*', '../**'], message: 'Import from another folder through "@/…"; "./" only within a folder.' };
/** zod reaches the code through lib/zod/mini.ts only (zod/mini: classic zod's schema classes weigh ~40 kB per page; jitless), and its English wording through lib/zod/english.ts. */
const ONE_ZOD = { regex: '^zod(/.*)?$', message: 'Import z from "@/lib/zod/mini".' };

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'bench/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Page data is never rendered as HTML.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Use textContent or DOM APIs.' },
        { selector: "AssignmentExpression[left.property.name='outerHTML']", message: 'Use DOM APIs.' },
      ],
    },
  },
  {
    files: ['lib/**', 'components/**', 'entrypoints/**'],
    ignores: ['lib/zod/mini.ts', 'lib/zod/english.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ONE_IMPORT_STYLE, ONE_ZOD] }] },
  },
  {
    // Test set-up may build DOM from strings; shipped code may not.
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // End-to-end tests evaluate code inside the extension's service worker.
    files: ['test/e2e/**', 'scripts/**'],
    languageOptions: { globals: { chrome: 'readonly' } },
  },
  {
    // The content script runs on every CRM page: it must stay tiny (no React).
    files: ['entrypoints/*.content.ts', 'entrypoints/*.content/**', 'entrypoints/enricher.ts', 'entrypoints/picker.ts', 'lib/crm/**', 'lib/enrich/**', 'lib/content/**', 'lib/messaging/**', 'lib/page-rules/**', 'lib/custom-crm/**', 'lib/display/**', 'lib/zod/**'],
    // The page-rules file import runs in the options page only.
    ignores: ['**/*.test.ts', 'lib/page-rules/file.ts', 'lib/zod/mini.ts', 'lib/zod/english.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'react', message: 'No React in the page.' }],
          patterns: [ONE_IMPORT_STYLE, ONE_ZOD],
        },
      ],
    },
  },
);
