/**
 * A live stream for the demo newsroom, so that `npm start` shows the live player playing
 * (and audio only switching) without anyone configuring a real channel. When Debian's
 * `ffmpeg` is on the PATH, `newsdesk serve` runs it in the background: a test pattern and a
 * tone, encoded in real time as a sliding-window HLS ladder (two video renditions in a master
 * playlist) plus a separate audio-only stream, written to DATA_DIR/live-demo and served
 * same-origin under /live-demo/. The demo channels point there (seed/demo-live.ts).
 *
 * It costs a fraction of one core while it runs; DEMO_STREAM=false turns it off, and a real
 * channel replaces it in /admin/live. Without ffmpeg the channels show "unavailable".
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const DEMO_STREAM_PATH = '/live-demo';
export const DEMO_MASTER_URL = `${DEMO_STREAM_PATH}/live/master.m3u8`;
export const DEMO_AUDIO_URL = `${DEMO_STREAM_PATH}/audio/index.m3u8`;

export interface DemoStream {
  /** Where the playlists and segments are written (served under DEMO_STREAM_PATH). */
  dir: string;
  /** Stops ffmpeg; resolves once it has exited (it writes segments until then). */
  stop(): Promise<void>;
}

export function ffmpegOnPath(command = 'ffmpeg'): boolean {
  try {
    return spawnSync(command, ['-hide_banner', '-version'], { stdio: 'ignore', timeout: 5_000 }).status === 0;
  } catch {
    return false;
  }
}

function ffmpegArgs(): string[] {
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error',
    '-re', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=15',
    '-re', '-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=48000',
    '-map', '0:v', '-map', '0:v', '-map', '1:a', '-map', '1:a',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p',
    '-filter:v:1', 'scale=320:180', '-b:v:0', '600k', '-b:v:1', '200k',
    '-g', '30', '-keyint_min', '30', '-sc_threshold', '0',
    '-c:a', 'aac', '-ac', '2', '-b:a', '64k',
    '-f', 'hls', '-hls_time', '2', '-hls_list_size', '6', '-hls_flags', 'delete_segments+independent_segments',
    '-hls_segment_filename', 'live/%v/seg_%05d.ts', '-master_pl_name', 'master.m3u8',
    '-var_stream_map', 'v:0,a:0,name:v0 v:1,a:1,name:v1', 'live/%v/index.m3u8',
    // The separate audio-only stream: a second output of the same process.
    '-map', '1:a', '-c:a', 'aac', '-ac', '2', '-b:a', '48k',
    '-f', 'hls', '-hls_time', '2', '-hls_list_size', '6', '-hls_flags', 'delete_segments',
    '-hls_segment_filename', 'audio/seg_%05d.ts', 'audio/index.m3u8',
  ];
}

/** Starts ffmpeg (restarting it with backoff if it dies); undefined when there is no ffmpeg. */
export function startDemoStream(dataDir: string, log: (line: string) => void, command = 'ffmpeg'): DemoStream | undefined {
  if (!ffmpegOnPath(command)) return undefined;
  const dir = join(dataDir, 'live-demo');
  // Segments from an earlier run are stale: a live window starts afresh.
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['live/v0', 'live/v1', 'audio']) mkdirSync(join(dir, sub), { recursive: true });
  let child: ChildProcess | undefined;
  let stopped = false;
  let restarts = 0;
  const run = () => {
    child = spawn(command, ffmpegArgs(), { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString('utf8')).slice(-500)));
    child.on('exit', (code) => {
      if (stopped) return;
      restarts++;
      const wait = Math.min(60_000, 1_000 * 2 ** Math.min(restarts, 6));
      log(`demo live stream: ffmpeg stopped (${code ?? 'signal'})${errors ? `: ${errors.trim().split('\n').pop() ?? ''}` : ''}; restarting in ${wait / 1000} s`);
      setTimeout(() => {
        if (!stopped) run();
      }, wait).unref();
    });
  };
  run();
  return {
    dir,
    stop() {
      stopped = true;
      const running = child && child.exitCode === null && child.signalCode === null ? child : undefined;
      if (!running) return Promise.resolve();
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGTERM');
      return exited;
    },
  };
}
