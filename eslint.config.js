// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Folders the domain core must never reach into: it holds rules, not I/O. */
const outsideCore = ['**/storage/**', '**/http/**', '**/site/**', '**/media/**', '**/services/**', '**/seed/**', '**/cli/**'];
const ioPackages = ['fastify', 'fastify/*', '@fastify/*', 'kysely', 'pg', 'better-sqlite3', 'sharp', 'preact', 'preact/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'public/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'bench/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The import boundary: the domain core imports nothing from HTTP, SQL, rendering or I/O.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: outsideCore, message: 'src/core holds domain types and rules only: it must not import storage, HTTP, views or I/O.' },
        { group: ioPackages, message: 'src/core must stay free of HTTP, SQL and rendering libraries.' },
      ] }],
    },
  },
  {
    // Storage sits under services and routes: it must not know about HTTP or pages.
    files: ['src/storage/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/http/**', '**/site/**', '**/services/**', 'fastify', '@fastify/*', 'preact', 'preact/*'], message: 'storage must not depend on HTTP, services or views.' },
      ] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
