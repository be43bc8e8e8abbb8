// Bundles the browser islands: client/editor/main.ts -> dist/public/editor.js (+ .map), which
// the server serves next to public/ (src/app.ts). Paths are resolved from the project root,
// so it works from any working directory. Output is written to temporary files and renamed
// into place, so a server or test reading dist/public/ never sees a half-written bundle.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'client', 'editor', 'main.ts');
const outfile = join(root, 'dist', 'public', 'editor.js');

/**
 * @param {{ minify?: boolean }} [options]
 * @returns {Promise<{ outfile: string }>}
 */
export async function buildClient({ minify = true } = {}) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify,
    sourcemap: 'linked',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  await mkdir(dirname(outfile), { recursive: true });
  const suffix = `.${process.pid}.${Date.now()}.tmp`;
  await Promise.all(
    result.outputFiles.map(async (file) => {
      const temporary = join(dirname(file.path), `.${basename(file.path)}${suffix}`);
      await writeFile(temporary, file.contents);
      await rename(temporary, file.path);
    }),
  );
  return { outfile };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outfile: written } = await buildClient();
  process.stdout.write(`built ${written}\n`);
}
