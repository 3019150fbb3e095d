// Lint: typescript-eslint's recommended rules plus the architecture boundary that keeps the
// core platform-neutral (ARCHITECTURE.md): src/ never imports adapters/ or a platform SDK, and
// adapters reach the core only through its public entry, src/index.ts.
import tseslint from 'typescript-eslint';

const PLATFORM_SDKS = ['@slack/*', '@microsoft/*', 'botbuilder', 'botbuilder-*', 'botframework-*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'tests/fixtures/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/adapters/**', '**/adapters'], message: 'The core in src/ must not import adapters/: expose a port in src/ instead.' },
            { group: PLATFORM_SDKS, message: 'Platform SDKs belong in adapters/ only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!index\\.js$)',
              message: 'Adapters import the core only through its public entry, src/index.js.',
            },
          ],
        },
      ],
    },
  },
);
