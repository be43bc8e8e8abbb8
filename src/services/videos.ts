/**
 * Lead videos (issue 5): validating what the newsroom sends, writing it with the story (in
 * the story's transaction: see Newsroom.save), and checking that the address answers like a
 * video. The check is advice, never a refusal: a stream may be set up before it goes live.
 */
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { PlaylistCheck } from '../core/playlists.js';
import { VIDEO_KINDS, videoKindOf, videoUrlProblem } from '../core/videos.js';
import type { VideoKind } from '../core/videos.js';
import type { Database } from '../storage/schema.js';
import { VideoRepository } from '../storage/repositories/videos.js';
import type { VideoFields } from '../storage/repositories/videos.js';
import { ValidationError } from './publishing.js';

const optionalCount = z.number().int().positive().max(1_000_000).nullable().default(null);

/** What the story form sends for its lead video (admin/lead-video-form.ts). */
export const leadVideoInputSchema = z.object({
  url: z.string().trim().min(1, 'give the video address (https://... ending in .m3u8 or .mp4)').max(2000),
  /** Blank: from the address's extension. */
  kind: z.enum(VIDEO_KINDS).nullable().default(null),
  posterMediaId: z.number({ error: 'choose a poster image from the media library' }).int('choose a poster image from the media library').positive().nullable(),
  caption: z.string().trim().max(1000).default(''),
  credit: z.string().trim().max(300).default(''),
  durationSeconds: optionalCount,
  width: optionalCount,
  height: optionalCount,
});
export type LeadVideoInput = z.input<typeof leadVideoInputSchema>;

type Reader = Pick<Transaction<Database>, 'selectFrom'>;

/**
 * Checks a lead video and returns what storage writes; throws ValidationError with
 * `leadVideo.<field>: ...` issues. `db` may be the transaction the story is saved in.
 */
export async function validateLeadVideo(db: Reader, raw: LeadVideoInput): Promise<VideoFields> {
  const parsed = leadVideoInputSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => `leadVideo.${i.path.join('.')}: ${i.message}`));
  const v = parsed.data;
  const issues: string[] = [];
  const urlProblem = videoUrlProblem(v.url);
  if (urlProblem) issues.push(`leadVideo.url: ${urlProblem}`);
  const kind: VideoKind | undefined = v.kind ?? videoKindOf(v.url);
  if (!urlProblem && !kind) issues.push('leadVideo.url: the address must end in .m3u8 (HLS) or .mp4 (MP4)');
  if (v.posterMediaId === null) issues.push('leadVideo.posterMediaId: choose a poster image from the media library: it shows before playback, on social cards and in feeds');
  else {
    const poster = await db.selectFrom('media').select(['id', 'mime']).where('id', '=', v.posterMediaId).executeTakeFirst();
    if (!poster) issues.push(`leadVideo.posterMediaId: image ${v.posterMediaId} is not in the media library`);
    else if (!poster.mime.startsWith('image/')) issues.push('leadVideo.posterMediaId: the poster must be an image');
  }
  if (issues.length || !kind || v.posterMediaId === null) throw new ValidationError(issues);
  return { url: v.url, kind, posterMediaId: v.posterMediaId, caption: v.caption, credit: v.credit, durationSeconds: v.durationSeconds, width: v.width, height: v.height };
}

/** Writes (or, with null, removes) the story's lead video inside the story's transaction. */
export async function applyLeadVideo(tx: Transaction<Database>, articleId: number, video: VideoFields | null, now: Date): Promise<void> {
  const repo = new VideoRepository(tx);
  if (video) await repo.setLead(tx, articleId, video, now);
  else await repo.clearLead(tx, articleId);
}

export interface VideoCheck {
  ok: boolean;
  message: string;
}

export interface VideoCheckDeps {
  /** The live channels' HLS check (LiveService.checkStreams), reused for HLS videos. */
  checkHls?: (url: string) => Promise<PlaylistCheck>;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  /** Where same-origin paths are fetched from (the site's public origin). */
  origin?: string;
}

/** What a video address answers: HLS through the live check, MP4 with a HEAD request. */
export class VideoChecker {
  private readonly fetch: typeof globalThis.fetch;
  private readonly timeoutMs: number;

  constructor(private readonly deps: VideoCheckDeps = {}) {
    this.fetch = deps.fetch ?? ((...args) => globalThis.fetch(...args));
    this.timeoutMs = deps.timeoutMs ?? 5000;
  }

  async check(url: string, kind: VideoKind): Promise<VideoCheck> {
    // A file on this site is served by the site itself (site/video-files.ts).
    if (url.startsWith('/')) return { ok: true, message: 'a file on this site' };
    if (kind === 'hls') {
      if (!this.deps.checkHls) return { ok: true, message: 'not checked' };
      const r = await this.deps.checkHls(url);
      return { ok: r.ok, message: r.message };
    }
    try {
      const res = await this.fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(this.timeoutMs), headers: { 'user-agent': 'Newsdesk video check' } });
      const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (res.status < 200 || res.status > 299) return { ok: false, message: `the server answered HTTP ${res.status}` };
      if (type !== 'video/mp4' && type !== 'application/mp4') return { ok: false, message: `the server says it is ${type || 'of no stated type'}, not video/mp4` };
      return { ok: true, message: 'an MP4 video' };
    } catch (err) {
      const e = err as { name?: string; cause?: { code?: string } };
      if (e.name === 'TimeoutError' || e.name === 'AbortError') return { ok: false, message: `no answer within ${this.timeoutMs / 1000} s` };
      return { ok: false, message: `did not answer (${e.cause?.code ?? (err instanceof Error ? err.message : 'unknown error')})` };
    }
  }
}

/** The newsroom's side of lead videos: the form's saved values, and the address check. */
export class LeadVideos {
  private readonly repo: VideoRepository;

  constructor(private readonly deps: { db: { kysely: Kysely<Database> }; checker?: VideoChecker }) {
    this.repo = new VideoRepository(deps.db.kysely);
  }

  /** The story's saved video in the form's shape; null when it has none. */
  async formValues(articleId: number): Promise<LeadVideoInput | null> {
    const v = await this.repo.leadOf(articleId);
    return v ? { url: v.url, kind: v.kind, posterMediaId: v.poster.id, caption: v.caption, credit: v.credit, durationSeconds: v.durationSeconds, width: v.width, height: v.height } : null;
  }

  /** A warning for the editor when the saved video's address does not answer like a video. */
  async warning(input: LeadVideoInput | null | undefined): Promise<string | undefined> {
    if (!input || !this.deps.checker) return undefined;
    const kind = input.kind ?? videoKindOf(input.url);
    if (!kind) return undefined;
    const r = await this.deps.checker.check(input.url.trim(), kind);
    return r.ok ? undefined : `Saved, but check the lead video: ${input.url.trim().slice(0, 200)}: ${r.message}. Readers will see the poster until it plays.`;
  }
}
