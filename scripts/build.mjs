// Bundles the server into dist/newsdesk.js. npm packages stay external (native modules such
// as better-sqlite3 and sharp cannot be bundled); type-checking is `npm run typecheck`.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/newsdesk.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: true,
  logLevel: 'warning',
});
