/**
 * Serves the demo live stream (src/live/demo-stream.ts) from DATA_DIR/live-demo under
 * /live-demo/: only the playlists and segment names ffmpeg writes there, nothing else.
 * Playlists change every two seconds and are never cached; segments never change.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { DEMO_STREAM_PATH } from '../../live/demo-stream.js';

const FILE = /^(live\/master\.m3u8|live\/v[01]\/(index\.m3u8|seg_\d{5}\.ts)|audio\/(index\.m3u8|seg_\d{5}\.ts))$/;

export function registerDemoStreamRoutes(app: FastifyInstance, dataDir: string): void {
  const dir = join(dataDir, 'live-demo');
  app.get<{ Params: { '*': string } }>(`${DEMO_STREAM_PATH}/*`, async (req, reply) => {
    const file = req.params['*'];
    if (!FILE.test(file)) return reply.code(404).type('text/plain; charset=utf-8').send('No such stream file');
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dir, file));
    } catch {
      // Not written yet, or already rotated out of the live window.
      return reply.code(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('No such stream file');
    }
    const playlist = file.endsWith('.m3u8');
    return reply
      .header('cache-control', playlist ? 'no-cache' : 'public, max-age=60, immutable')
      .type(playlist ? 'application/vnd.apple.mpegurl' : 'video/mp2t')
      .send(bytes);
  });
}
