/**
 * The demo newsroom's lead video (issue 5): one English story, "Falling Amazon river levels
 * strand ferries...", gets a short MP4 as its lead media, with its lead photo as the poster.
 *
 * There is no hosted demo video, so a real, playable one is made here: 5 seconds of ffmpeg's
 * test pattern (testsrc2, 320x180) with a 440 Hz tone, H.264 + AAC with the index up front
 * (+faststart), about 100 KB. It is stored in the media store like an image original
 * (content-addressed, so it is in backups too) and served same-origin at
 * `/media/video/<key>.mp4` (site/video-files.ts). Without ffmpeg (Debian: apt-get install
 * ffmpeg) the story simply keeps its photo.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Transaction } from 'kysely';
import { slugify } from '../../core/slugs.js';
import type { MediaStore } from '../../media/store.js';
import { mediaKeyFor } from '../../media/store.js';
import { videoFilePath } from '../../core/videos.js';
import { VideoRepository } from '../../storage/repositories/videos.js';
import type { Database } from '../../storage/schema.js';

const run = promisify(execFile);
const FFMPEG = process.env.FFMPEG_PATH ?? 'ffmpeg';

export const DEMO_VIDEO_HEADLINE = 'Falling Amazon river levels strand ferries and push up food prices in Manaus';
export const DEMO_VIDEO_CAPTION = 'Test pattern standing in for river footage: the demo newsroom has no real video.';

/** A 5 s H.264/AAC MP4, or undefined when ffmpeg is missing or fails. */
export async function makeDemoVideo(seconds = 5): Promise<Buffer | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-video-'));
  const out = join(dir, 'demo.mp4');
  try {
    await run(FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100', '-t', String(seconds), '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'baseline', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '64k', '-movflags', '+faststart', out], { timeout: 60_000 });
    return await readFile(out);
  } catch {
    return undefined;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Inside the seed's transaction, after the stories are written. */
export async function seedDemoLeadVideo(tx: Transaction<Database>, now: Date, media: MediaStore): Promise<void> {
  const story = await tx.selectFrom('articles').select(['id', 'lead_media_id']).where('language', '=', 'en').where('slug', '=', slugify(DEMO_VIDEO_HEADLINE)).executeTakeFirst();
  if (!story?.lead_media_id) return;
  const bytes = await makeDemoVideo();
  if (!bytes) return;
  const key = mediaKeyFor(bytes);
  await media.put(key, bytes);
  await new VideoRepository(tx).setLead(tx, story.id, { url: videoFilePath(key), kind: 'mp4', posterMediaId: story.lead_media_id, caption: DEMO_VIDEO_CAPTION, credit: 'Newsdesk demo', durationSeconds: 5, width: 320, height: 180 }, now);
}
