// ESLint flat config: typescript-eslint (typed rules), lit, wc and lit-a11y.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'storybook-static',
      'coverage',
      '.data',
      'src/design/tokens.generated.ts',
      // The example apps' installs and builds (each app is type-checked by its own compiler: scripts/examples.mjs).
      'examples/*/node_modules',
      'examples/*/dist',
      'examples/*/.angular',
      'examples/*/out-tsc',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts'],
    ...litConfigs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...wcConfigs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts'],
    plugins: { 'lit-a11y': litA11y },
    rules: { ...litA11y.configs.recommended.rules },
  },
  {
    files: ['demo/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: [
      'scripts/**/*.{js,mjs,ts}',
      'demo/server/**/*.{js,ts}',
      'demo/fhir-server/**/*.ts',
      'test/server/**/*.ts',
      'test/e2e/**/*.ts',
      'test/types/*.ts',
      '*.config.{js,mjs,ts}',
      '.storybook/**/*.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
