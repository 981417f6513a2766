// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The dependency direction of ARCHITECTURE.md, enforced:
 *   lib → server/{types,errors} → sql → bind → plan → exec → {kafka, catalog} → engine → {api, store} → main
 * app/, components/ and cli/ import lib/ only. kafkajs only in server/kafka, Prisma only in server/store,
 * and nothing in the product imports the deterministic test driver (server/testing).
 */
const layers = [
  'types',
  'errors',
  'sql',
  'bind',
  'plan',
  'exec',
  'kafka',
  'catalog',
  'engine',
  'api',
  'store',
  'testing',
];
/** A regex matching imports of server/<name>, except of the listed sub-folders of it. */
function layerRegex(name, allowed) {
  const except = allowed
    .filter((a) => a.startsWith(`${name}/`))
    .map((a) => a.slice(name.length + 1))
    .map((sub) => `(?!${sub}(/|$))`)
    .join('');
  return `^(?!.*(^|/)lib/)(.*/)?${name}(/${except}.*)?$`; // lib/contracts/catalog is not server/catalog
}

/** @param {string[]} banned layers this folder must not import @param {string[]} [allowed] */
function serverLayerRule(banned, allowed = []) {
  return [
    'error',
    {
      patterns: [
        ...banned.map((name) => ({
          regex: layerRegex(name, allowed),
          message: `Dependency direction (ARCHITECTURE.md): this layer must not import server/${name}.`,
        })),
        { group: ['kafkajs'], message: 'kafkajs is imported only in server/kafka.' },
        {
          group: ['@prisma/*', '**/generated/prisma/**'],
          message: 'Prisma is imported only in server/store.',
        },
        { regex: '(^|/)main$', message: 'Nothing imports the composition root.' },
      ],
    },
  ];
}

const after = (layer) => layers.slice(layers.indexOf(layer) + 1);

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      '.kappa/',
      'generated/',
      'test-results/',
      'playwright-report/',
      'bench/out/',
      'next-env.d.ts',
      'cli/bin.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      ecmaVersion: 2023,
      sourceType: 'module',
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  // Browser and shared code.
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server', '**/server/**'],
              message: 'app/, components/ and cli/ import lib/ only (ARCHITECTURE.md).',
            },
            {
              group: ['kafkajs', '@prisma/*', '**/generated/prisma/**'],
              message: 'Talk to the engine through lib/client.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server', '**/server/**', '**/components/**', '**/app/**', '**/cli/**'],
              message: 'lib/ depends on nothing else in the repo.',
            },
            {
              group: ['node:*', 'kafkajs', '@prisma/*', 'react', 'react-dom'],
              message: 'lib/ runs in the browser, the engine and the CLI: no Node-only or UI-only imports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/types/**/*.ts', 'server/errors/**/*.ts'],
    rules: { 'no-restricted-imports': serverLayerRule(after('errors')) },
  },
  { files: ['server/sql/**/*.ts'], rules: { 'no-restricted-imports': serverLayerRule(after('sql')) } },
  // The binder and planner resolve functions through the function registry, which lives with the operators.
  {
    files: ['server/bind/**/*.ts'],
    rules: { 'no-restricted-imports': serverLayerRule(after('bind'), ['exec/functions']) },
  },
  {
    files: ['server/plan/**/*.ts'],
    rules: { 'no-restricted-imports': serverLayerRule(after('plan'), ['exec/functions']) },
  },
  { files: ['server/exec/**/*.ts'], rules: { 'no-restricted-imports': serverLayerRule(after('exec')) } },
  {
    files: ['server/kafka/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...['catalog', 'engine', 'api', 'store', 'testing'].map((name) => ({
              regex: layerRegex(name, []),
              message: `Dependency direction (ARCHITECTURE.md): server/kafka must not import server/${name}.`,
            })),
            { group: ['@prisma/*'], message: 'Prisma is imported only in server/store.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/catalog/**/*.ts'],
    rules: { 'no-restricted-imports': serverLayerRule(['kafka', 'engine', 'api', 'store', 'testing']) },
  },
  {
    files: ['server/engine/**/*.ts'],
    rules: { 'no-restricted-imports': serverLayerRule(['api', 'store', 'testing']) },
  },
  {
    files: ['server/api/**/*.ts'],
    rules: { 'no-restricted-imports': serverLayerRule(['store', 'testing']) },
  },
  {
    files: ['server/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: layerRegex('api', []), message: 'server/store holds persistence only.' },
            { regex: layerRegex('testing', []), message: 'server/store holds persistence only.' },
            { group: ['kafkajs'], message: 'server/store holds persistence only.' },
          ],
        },
      ],
    },
  },
  // Playwright fixtures declare their (empty) dependencies with an object pattern.
  { files: ['e2e/**/*.ts'], rules: { 'no-empty-pattern': 'off' } },
  // Tests may reach across layers to set things up.
  {
    files: ['**/*.test.ts', '**/*.int.test.ts', 'server/testing/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['app/**/*.tsx', 'components/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
