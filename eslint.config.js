import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/.turbo/',
      '.tmp/',
      'coverage/',
      'generated/src/',
      'runtime/src/lexicons/',
      'codegen/examples/*/src/',
      'test/**/__golden__/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['scripts/**', 'test/**', 'codegen/src/cli/**', 'codegen/src/bin.ts'],
    rules: { 'no-console': 'off' },
  },
);
