import tseslint from 'typescript-eslint';
import { layering } from './.eslint/layering.js';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', '.scratch-*/**', '.scratch/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { briefbot: { rules: { layering } } },
    rules: {
      'briefbot/layering': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['test/**', 'bench/**', 'src/cli.ts', 'src/main.ts', 'src/bin/**', '.eslint/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
