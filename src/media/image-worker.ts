/**
 * The image worker process: runs sharp for the server (media/images.ts) and answers each
 * request by its id. It exits when the server lets go of it (idle, or the server is gone).
 */
import process from 'node:process';
import { imageOps } from './image-ops.js';
import type { ImageReply, ImageRequest } from './images.js';

const reply = (message: ImageReply) => process.send?.(message);

process.on('message', (request: ImageRequest) => {
  const run = imageOps[request.op] as (...args: unknown[]) => Promise<unknown>;
  run(...request.args).then(
    (result) => reply({ id: request.id, ok: true, result }),
    (err: unknown) => reply({ id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
