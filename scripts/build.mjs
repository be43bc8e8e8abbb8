// Builds everything `npm start` serves: the server bundle (dist/newsdesk.js and its image worker; npm packages stay
// external because native modules such as better-sqlite3 and sharp cannot be bundled) and the
// browser islands (dist/public/). Type-checking is `npm run typecheck`.
import { build } from 'esbuild';
import { buildClient } from './build-client.mjs';

await Promise.all([
  build({
    // The image worker (src/media/images.ts) runs as a process of its own: dist/image-worker.js.
    entryPoints: { newsdesk: 'src/cli/main.ts', 'image-worker': 'src/media/image-worker.ts' },
    outdir: 'dist',
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
