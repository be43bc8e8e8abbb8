/**
 * Lead videos: reading a story's video with its poster, and writing it together with the
 * story (always inside the caller's transaction, so a video never exists half-saved).
 */
import type { Kysely, Transaction } from 'kysely';
import type { LeadVideo, VideoKind } from '../../core/videos.js';
import type { Database, MediaRow, VideoRow } from '../schema.js';
import { rowToMedia } from './catalog.js';

/** What the newsroom writes; id and times are the repository's. */
export interface VideoFields {
  url: string;
  kind: VideoKind;
  posterMediaId: number;
  caption: string;
  credit: string;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
}

type Executor = Kysely<Database> | Transaction<Database>;

const toVideo = (v: VideoRow, poster: MediaRow): LeadVideo => ({
  id: v.id,
  url: v.url,
  kind: v.kind === 'hls' ? 'hls' : 'mp4',
  poster: rowToMedia(poster),
  caption: v.caption,
  credit: v.credit,
  durationSeconds: v.duration_seconds,
  width: v.width,
  height: v.height,
  createdAt: v.created_at,
  updatedAt: v.updated_at,
});

export class VideoRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async byId(id: number, tx: Executor = this.db): Promise<LeadVideo | undefined> {
    const v = await tx.selectFrom('videos').selectAll().where('id', '=', id).executeTakeFirst();
    if (!v) return undefined;
    const poster = await tx.selectFrom('media').selectAll().where('id', '=', v.poster_media_id).executeTakeFirst();
    return poster ? toVideo(v, poster) : undefined;
  }

  /** The story's lead video with its poster, if it has one. */
  async leadOf(articleId: number, tx: Executor = this.db): Promise<LeadVideo | undefined> {
    const row = await tx.selectFrom('articles').select('lead_video_id').where('id', '=', articleId).executeTakeFirst();
    return row?.lead_video_id ? this.byId(row.lead_video_id, tx) : undefined;
  }

  /** Lead videos of many stories (feeds): article id -> video. */
  async leadsOf(articleIds: readonly number[]): Promise<Map<number, LeadVideo>> {
    const out = new Map<number, LeadVideo>();
    if (articleIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('articles as a')
      .innerJoin('videos as v', 'v.id', 'a.lead_video_id')
      .innerJoin('media as m', 'm.id', 'v.poster_media_id')
      .select(['a.id as article_id', 'v.id as video_id'])
      .where('a.id', 'in', [...articleIds])
      .execute();
    for (const r of rows) {
      const video = await this.byId(r.video_id);
      if (video) out.set(r.article_id, video);
    }
    return out;
  }

  /** Sets the story's lead video: updates its row, or creates one and links it. */
  async setLead(tx: Transaction<Database>, articleId: number, f: VideoFields, now: Date): Promise<number> {
    const at = now.toISOString();
    const values = { url: f.url, kind: f.kind, poster_media_id: f.posterMediaId, caption: f.caption, credit: f.credit, duration_seconds: f.durationSeconds, width: f.width, height: f.height, updated_at: at };
    const current = await tx.selectFrom('articles').select('lead_video_id').where('id', '=', articleId).executeTakeFirst();
    if (current?.lead_video_id) {
      await tx.updateTable('videos').set(values).where('id', '=', current.lead_video_id).execute();
      return current.lead_video_id;
    }
    const row = await tx.insertInto('videos').values({ ...values, created_at: at }).returning('id').executeTakeFirstOrThrow();
    await tx.updateTable('articles').set({ lead_video_id: row.id }).where('id', '=', articleId).execute();
    return row.id;
  }

  /** Removes the story's lead video: the link, then the row (a video belongs to one story). */
  async clearLead(tx: Transaction<Database>, articleId: number): Promise<void> {
    const current = await tx.selectFrom('articles').select('lead_video_id').where('id', '=', articleId).executeTakeFirst();
    if (!current?.lead_video_id) return;
    await tx.updateTable('articles').set({ lead_video_id: null }).where('id', '=', articleId).execute();
    await tx.deleteFrom('videos').where('id', '=', current.lead_video_id).execute();
  }

  /** Stories whose lead video uses the image as poster (the media library's usage list). */
  async posterUsage(mediaId: number): Promise<{ id: number; headline: string }[]> {
    return this.db.selectFrom('articles as a').innerJoin('videos as v', 'v.id', 'a.lead_video_id').select(['a.id', 'a.headline']).where('v.poster_media_id', '=', mediaId).execute();
  }

  /** Whether a same-origin video file is some story's video (the file route serves nothing else). */
  async urlInUse(url: string): Promise<boolean> {
    return (await this.db.selectFrom('videos').select('id').where('url', '=', url).limit(1).executeTakeFirst()) !== undefined;
  }
}
