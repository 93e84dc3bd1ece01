/*
 * Lint rules (run as `eslint --config .ci/eslint.config.js`; the product owner keeps the
 * top level of the repository to a fixed set of entries). Zero warnings allowed.
 * Import boundaries follow ARCHITECTURE.md: client and server never import each other,
 * shared and content import neither, features never import other features, and only
 * src/client/db touches Dexie.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { resolve } from 'node:path';

const repositoryRoot = resolve(import.meta.dirname, '..');

const features = ['home', 'catalog', 'module', 'lesson', 'quiz', 'learning', 'settings', 'account', 'admin', 'hours', 'mentor', 'reports'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      // Typed linting: the promise rules need the type checker to see which calls return promises.
      parserOptions: { projectService: true, tsconfigRootDir: repositoryRoot },
    },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a union of string literals or an `as const` object instead of enum.' },
      ],
      // A promise nobody awaits or catches fails silently: every write a person triggers shows its failure.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
      '@typescript-eslint/no-misused-promises': 'error',
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/client', from: './src/server', message: 'The client never imports the server.' },
            { target: './src/server', from: './src/client', message: 'The server never imports the client.' },
            {
              target: './src/shared',
              from: ['./src/client', './src/server', './src/content'],
              message: 'shared is used by both sides and imports neither.',
            },
            { target: './src/content', from: ['./src/client', './src/server'], message: 'The content compiler imports only shared.' },
            ...features.map((feature) => ({
              target: `./src/client/features/${feature}`,
              from: './src/client/features',
              except: [`./${feature}`],
              message: 'A feature never imports another feature: move shared pieces to client/ui or shared.',
            })),
            {
              target: [
                './src/client/ui',
                './src/client/db',
                './src/client/content',
                './src/client/i18n',
                './src/client/pwa',
                './src/client/sync',
                './src/client/api',
              ],
              from: './src/client/features',
              message: 'Shared client code never imports a feature.',
            },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dexie', message: 'Only src/client/db touches IndexedDB.' },
            { name: 'dexie-react-hooks', message: 'Only src/client/db touches IndexedDB.' },
          ],
        },
      ],
    },
  },
  {
    // The service worker's Background Sync addition runs in the worker scope.
    files: ['public/sw-sync.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ['src/client/db/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
