/**
 * Video files served by the site itself: `/media/video/<key>.mp4`, an original in the media
 * store (content-addressed, so cached for a year) that some story's lead video points at;
 * nothing else in the store is served here. The demo newsroom's lead video is such a file
 * (seed/demo/lead-video.ts). Byte ranges are answered (206) so players can seek and Safari
 * plays at all; files above a size limit are refused: large video belongs on a video CDN.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { VIDEO_FILE_PREFIX, videoFilePath } from '../core/videos.js';
import type { Db } from '../storage/db.js';
import { VideoRepository } from '../storage/repositories/videos.js';

/** The largest file served from here (bytes). */
export const MAX_VIDEO_FILE_BYTES = 200 * 1024 * 1024;

export interface VideoFileDeps {
  db: Db;
  /** The media store's file for a key (LocalDiskMediaStore.filePath). */
  filePath(key: string): string;
  maxBytes?: number;
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` against a size: the inclusive range, 'invalid' (ignore) or 'unsatisfiable'. */
export function parseRange(header: string, size: number): { start: number; end: number } | 'invalid' | 'unsatisfiable' {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return 'invalid';
  return { start, end };
}

export function registerVideoFiles(app: FastifyInstance, deps: VideoFileDeps): void {
  const videos = new VideoRepository(deps.db.kysely);
  const maxBytes = deps.maxBytes ?? MAX_VIDEO_FILE_BYTES;
  const notFound = (reply: FastifyReply) => reply.code(404).header('cache-control', 'public, max-age=60').type('text/plain; charset=utf-8').send('No such video');

  const handler = async (req: FastifyRequest<{ Params: { file: string } }>, reply: FastifyReply) => {
    const key = /^([a-f0-9]{32})\.mp4$/.exec(req.params.file)?.[1];
    if (!key || !(await videos.urlInUse(videoFilePath(key)))) return notFound(reply);
    const path = deps.filePath(key);
    let size: number;
    try {
      const info = await stat(path);
      if (!info.isFile()) return notFound(reply);
      size = info.size;
    } catch {
      return notFound(reply);
    }
    if (size > maxBytes) return reply.code(413).type('text/plain; charset=utf-8').send('This video is larger than the site serves itself.');
    reply.header('content-type', 'video/mp4').header('accept-ranges', 'bytes').header('cache-control', 'public, max-age=31536000, immutable').header('etag', `"${key}"`);
    const rangeHeader = req.headers.range;
    const range = rangeHeader ? parseRange(rangeHeader, size) : 'invalid';
    if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${size}`).send();
    if (range === 'invalid') {
      reply.code(200).header('content-length', String(size));
      return reply.send(createReadStream(path));
    }
    reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`).header('content-length', String(range.end - range.start + 1));
    return reply.send(createReadStream(path, { start: range.start, end: range.end }));
  };
  app.get<{ Params: { file: string } }>(`${VIDEO_FILE_PREFIX}:file`, handler);
}
