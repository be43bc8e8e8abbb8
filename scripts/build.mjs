// Builds everything `npm start` serves: the server bundle (dist/newsdesk.js; npm packages stay
// external because native modules such as better-sqlite3 and sharp cannot be bundled) and the
// browser islands (dist/public/). Type-checking is `npm run typecheck`.
import { build } from 'esbuild';
import { buildClient } from './build-client.mjs';

await Promise.all([
  build({
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
  }),
  buildClient(),
]);
