// Bundles the browser islands into dist/public/, which the server serves next to public/
// (src/app.ts):
//   client/editor/main.ts   -> dist/public/editor.js   (+ .map), the newsroom's article editor
//   client/comments/main.ts -> dist/public/comments.js (+ .map), the reader comments island
//   client/player/main.ts   -> dist/public/player.js   (+ .map), the live TV player island
//                              (hls.js included; loaded only by pages with [data-live-player],
//                              see docs/live-player.md)
//   client/liveblog/main.ts -> dist/public/liveblog.js (+ .map), live stories' updates over SSE
//                              (loaded only by live-blog pages, see docs/live-blog.md)
//   client/video/main.ts    -> dist/public/video.js    (+ .map), hls.js for HLS lead videos
//                              (loaded only by stories with one, see docs/video.md)
// Paths are resolved from the project root, so it works from any working directory. Output
// is written to temporary files and renamed into place, so a server or test reading
// dist/public/ never sees a half-written bundle.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { build } from 'esbuild';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const root = fileURLToPath(new URL('..', import.meta.url));
const publicDir = join(root, 'dist', 'public');
const islands = [
  { entry: join(root, 'client', 'editor', 'main.ts'), outfile: join(publicDir, 'editor.js') },
  { entry: join(root, 'client', 'comments', 'main.ts'), outfile: join(publicDir, 'comments.js') },
  { entry: join(root, 'client', 'player', 'main.ts'), outfile: join(publicDir, 'player.js') },
  { entry: join(root, 'client', 'liveblog', 'main.ts'), outfile: join(publicDir, 'liveblog.js') },
  { entry: join(root, 'client', 'video', 'main.ts'), outfile: join(publicDir, 'video.js') },
];

/** Builds one island in memory and renames each output file into place. */
async function buildIsland({ entry, outfile }, minify) {
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
  const suffix = `.${process.pid}.${Date.now()}.tmp`;
  const put = async (path, contents) => {
    const temporary = join(dirname(path), `.${basename(path)}${suffix}`);
    await writeFile(temporary, contents);
    await rename(temporary, path);
  };
  await Promise.all(
    result.outputFiles.map(async (file) => {
      await put(file.path, file.contents);
      // The server sends these bytes to browsers that take brotli or gzip; made here at the
      // highest levels, once, instead of at every server start (seconds of CPU for hls.js).
      // src/http/assets.ts checks each against the bundle before using it. The levels are
      // compress.ts's 'static' ones.
      if (file.path.endsWith('.js')) {
        const [br, gzipped] = await Promise.all([brotli(file.contents, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }), gz(file.contents, { level: 9 })]);
        await Promise.all([put(`${file.path}.br`, br), put(`${file.path}.gz`, gzipped)]);
      }
    }),
  );
  return outfile;
}

/**
 * @param {{ minify?: boolean }} [options]
 * @returns {Promise<{ outfile: string; outfiles: string[] }>} outfile: the editor bundle (kept for older callers)
 */
export async function buildClient({ minify = true } = {}) {
  await mkdir(publicDir, { recursive: true });
  const outfiles = await Promise.all(islands.map((island) => buildIsland(island, minify)));
  return { outfile: islands[0].outfile, outfiles };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outfiles } = await buildClient();
  for (const written of outfiles) process.stdout.write(`built ${written}\n`);
}
