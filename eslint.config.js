// Typed ESLint for every package. Run per package by `pnpm lint` (turbo).
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Import boundaries. Each entry is one `patterns` item of no-restricted-imports; a file
// gets one rule setting, so the entries that apply to a folder are listed together below.
const GENERATED_CLIENT = {
  group: ['**/generated', '**/generated/**'],
  message: 'Only packages/db touches its generated Prisma client: import @tenantry/db instead.',
};
const DB_FROM_WEB = {
  regex: '^@tenantry/db(/.*)?$',
  message:
    'The dashboard never loads database code: enums and schemas come from @tenantry/api/schemas, types from RouterInputs/RouterOutputs in src/trpc.ts.',
};
const API_VALUES_FROM_WEB = {
  regex: '^@tenantry/api$',
  allowTypeImports: true,
  message:
    'The dashboard takes only types from the API (RouterInputs/RouterOutputs in src/trpc.ts); values come from @tenantry/api/schemas and @tenantry/api/roles.',
};
const ROUTER = {
  group: ['**/router', '**/router.ts'],
  message: 'A router never imports a router: share code through a service.ts or a queries.ts.',
};
const OTHER_SERVICE = {
  group: ['../*/service', '../*/service.ts', '**/domains/*/service', '**/domains/*/service.ts'],
  message:
    "A domain never calls another domain's service: cross-domain lookups go through ../<other>/queries.ts.",
};
const restrictImports = (...patterns) => ['error', { patterns }];

// t3-style restricted environment access: settings are read and validated once, in each
// package's env module; tests and test tooling may read or set variables directly.
const ENV_READERS = [
  'apps/cli/src/env.ts',
  'apps/server/src/env.ts',
  'bench/src/env.ts',
  'packages/api/src/env.ts',
  'packages/db/src/env.ts',
  // Test-only code: the test database URL, PATH for spawned processes, NODE_ENV per test file.
  '**/*.test.ts',
  '**/*.test.tsx',
  '**/*.config.ts',
  'apps/server/src/testing/**',
  'apps/web/e2e/**',
  'packages/db/src/testing/**',
  'tooling/vitest/**',
];
const ENV_MESSAGE =
  "Read settings from this package's env.ts, which validates them; nothing else reads process.env.";

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/src/generated/**',
      '**/.turbo/**',
      '**/artifacts/**',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': restrictImports(GENERATED_CLIENT),
    },
  },
  {
    files: ['packages/db/**'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['packages/api/src/domains/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictImports(GENERATED_CLIENT, ROUTER, OTHER_SERVICE),
    },
  },
  {
    files: ['apps/web/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictImports(
        GENERATED_CLIENT,
        DB_FROM_WEB,
        API_VALUES_FROM_WEB,
      ),
    },
  },
  {
    ignores: ENV_READERS,
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: ENV_MESSAGE }],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value=/^(node:)?process$/] > ImportSpecifier[imported.name='env']",
          message: ENV_MESSAGE,
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['apps/web/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
);
