/**
 * A real live HLS stream for browser tests, made by Debian's ffmpeg while the test runs
 * (recipe: ../shared/docs/test-media.md) and served by a local node:http server:
 *
 *   /live/master.m3u8        master playlist: two video renditions (320x180 and 160x90, 15 fps,
 *                            H.264 ultrafast, each with AAC audio) and a WebVTT subtitle group
 *   /live/v0/, /live/v1/     their sliding-window media playlists (1 s segments, 6 in the list,
 *                            old segments deleted), /live/v0/index_vtt.m3u8 the subtitles
 *   /audio/index.m3u8        a separate audio-only stream (AAC 48 kb/s), from the same ffmpeg
 *
 * Every request is recorded (path, time, status) so a test can check what the player fetched.
 * `stop()` kills ffmpeg and makes the server answer 503 for the stream (really down, not just
 * frozen); `restart()` starts a fresh ffmpeg and serves again once the playlists are back.
 * Extra `routes` (a fixture page, the bundle under test) are served whatever the stream does.
 *
 * Missing ffmpeg skips the suites that need it with a message, and fails them in CI (CI=true).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';

export const FFMPEG_PATH = process.env.FFMPEG_PATH ?? 'ffmpeg';

const inCi = process.env.CI === 'true' || process.env.CI === '1';

/** ffmpeg runs and has the encoders the stream needs (Debian's build has libx264 and aac). */
function probeFfmpeg(): boolean {
  const result = spawnSync(FFMPEG_PATH, ['-hide_banner', '-encoders'], { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 && /\blibx264\b/.test(result.stdout) && /\baac\b/.test(result.stdout) && /\bwebvtt\b/.test(result.stdout);
}

export const ffmpegAvailable = probeFfmpeg();
if (!ffmpegAvailable) {
  const message = `ffmpeg with libx264, aac and webvtt not found at ${FFMPEG_PATH} (apt-get install -y ffmpeg, or set FFMPEG_PATH)`;
  if (inCi) throw new Error(`${message}: CI must run the live player tests.`);
  process.stderr.write(`\n[newsdesk tests] ${message}: live stream tests are SKIPPED on this machine.\n\n`);
}

export interface StreamRequest {
  /** Path and query as requested, e.g. `/live/v0/seg_00012.ts`. */
  path: string;
  /** Date.now() when the request arrived. */
  at: number;
  status: number;
}

export interface Route {
  type: string;
  body: () => string | Buffer | Promise<string | Buffer>;
}

export interface HlsStreamOptions {
  /** Extra files served at these paths (e.g. `/fixture.html`), never affected by stop(). */
  routes?: Record<string, Route>;
  /** A WebVTT subtitle rendition in the master playlist (default true). */
  subtitles?: boolean;
}

export interface HlsTestStream {
  origin: string;
  /** `${origin}/live/master.m3u8` */
  masterUrl: string;
  /** `${origin}/audio/index.m3u8` */
  audioUrl: string;
  /** Every request so far, oldest first. */
  readonly requests: StreamRequest[];
  /** Kills ffmpeg and answers 503 for every stream path until restart(). */
  stop(): Promise<void>;
  /** A fresh ffmpeg; resolves once the playlists exist again and are served. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.vtt': 'text/vtt; charset=utf-8',
};

/** The media playlists a ready stream has, relative to the stream directory. */
const MEDIA_PLAYLISTS = ['live/v0/index.m3u8', 'live/v1/index.m3u8', 'audio/index.m3u8'];
/** Segments each media playlist must list before the stream counts as up. */
const READY_SEGMENTS = 3;
const READY_TIMEOUT_MS = 30_000;

/** Twenty minutes of one-per-2-seconds captions, the subtitle input of the stream. */
function captionsFile(): string {
  const stamp = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
  const cues: string[] = ['WEBVTT', ''];
  for (let s = 0; s < 1200; s += 2) cues.push(`${stamp(s)} --> ${stamp(s + 2)}`, `Caption ${s / 2}`, '');
  return cues.join('\n');
}

function ffmpegArgs(subtitles: string | null): string[] {
  const subtitleMap = subtitles ? ['-map', '2:s'] : [];
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error',
    '-re', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=15',
    '-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    ...(subtitles ? ['-i', subtitles] : []),
    // The video ladder: two renditions, each with its own AAC audio.
    '-map', '0:v', '-map', '0:v', '-map', '1:a', '-map', '1:a', ...subtitleMap,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p',
    '-filter:v:1', 'scale=160:90', '-b:v:0', '300k', '-b:v:1', '100k',
    '-g', '15', '-keyint_min', '15', '-sc_threshold', '0',
    '-c:a', 'aac', '-ac', '2', '-b:a', '64k', ...(subtitles ? ['-c:s', 'webvtt'] : []),
    '-f', 'hls', '-hls_time', '1', '-hls_list_size', '6', '-hls_flags', 'delete_segments+independent_segments',
    '-hls_segment_filename', 'live/%v/seg_%05d.ts', '-master_pl_name', 'master.m3u8',
    '-var_stream_map', subtitles ? 'v:0,a:0,s:0,sgroup:subs,name:v0 v:1,a:1,name:v1' : 'v:0,a:0,name:v0 v:1,a:1,name:v1',
    'live/%v/index.m3u8',
    // The separate audio-only stream, from the same sine: a second output of the same process.
    '-map', '1:a', '-c:a', 'aac', '-ac', '2', '-b:a', '48k',
    '-f', 'hls', '-hls_time', '1', '-hls_list_size', '6', '-hls_flags', 'delete_segments',
    '-hls_segment_filename', 'audio/seg_%05d.ts', 'audio/index.m3u8',
  ];
}

const segmentCount = async (file: string) => {
  try {
    return ((await readFile(file, 'utf8')).match(/^#EXTINF:/gm) ?? []).length;
  } catch {
    return 0;
  }
};

export async function startHlsStream(options: HlsStreamOptions = {}): Promise<HlsTestStream> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-hls-'));
  const subtitles = options.subtitles === false ? null : join(dir, 'captions.vtt');
  if (subtitles) await writeFile(subtitles, captionsFile());
  const routes = options.routes ?? {};
  const requests: StreamRequest[] = [];
  let down = true;
  let ffmpeg: ChildProcess | null = null;
  let stderr = '';

  const killOnExit = () => ffmpeg?.kill('SIGKILL');
  process.once('exit', killOnExit);

  async function launch(): Promise<void> {
    await rm(join(dir, 'live'), { recursive: true, force: true });
    await rm(join(dir, 'audio'), { recursive: true, force: true });
    await Promise.all(['live/v0', 'live/v1', 'audio'].map((d) => mkdir(join(dir, d), { recursive: true })));
    stderr = '';
    const child = spawn(FFMPEG_PATH, ffmpegArgs(subtitles), { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    ffmpeg = child;
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    const started = Date.now();
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`ffmpeg exited (${child.exitCode ?? child.signalCode}): ${stderr}`);
      const counts = await Promise.all(MEDIA_PLAYLISTS.map((p) => segmentCount(join(dir, p))));
      if (existsSync(join(dir, 'live', 'master.m3u8')) && counts.every((n) => n >= READY_SEGMENTS)) break;
      if (Date.now() - started > READY_TIMEOUT_MS) throw new Error(`the test stream was not ready after ${READY_TIMEOUT_MS} ms: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    down = false;
  }

  /** SIGKILL, so ffmpeg cannot finish the playlists with #EXT-X-ENDLIST: a live stream just stops. */
  async function kill(): Promise<void> {
    const child = ffmpeg;
    ffmpeg = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = request.url ?? '/';
    const pathname = path.split('?')[0] ?? '/';
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
    response.setHeader('Access-Control-Allow-Headers', 'Range');
    response.setHeader('Cache-Control', 'no-store');
    const send = (status: number, type: string, body: string | Buffer) => {
      requests.push({ path, at: Date.now(), status });
      response.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method === 'OPTIONS') return send(204, 'text/plain', '');
    const route = routes[pathname];
    if (route) return send(200, route.type, await route.body());
    const type = CONTENT_TYPES[extname(pathname)];
    const file = normalize(join(dir, decodeURIComponent(pathname)));
    if (!type || !file.startsWith(dir + sep) || !(pathname.startsWith('/live/') || pathname.startsWith('/audio/'))) return send(404, 'text/plain', 'not found');
    if (down) return send(503, 'text/plain', 'the stream is down');
    try {
      send(200, type, await readFile(file));
    } catch {
      send(404, 'text/plain', 'not found');
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  try {
    await launch();
  } catch (error) {
    await kill();
    server.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  return {
    origin,
    masterUrl: `${origin}/live/master.m3u8`,
    audioUrl: `${origin}/audio/index.m3u8`,
    requests,
    async stop() {
      down = true;
      await kill();
    },
    async restart() {
      down = true;
      await kill();
      await launch();
    },
    async close() {
      down = true;
      await kill();
      process.off('exit', killOnExit);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
