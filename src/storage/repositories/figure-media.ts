/**
 * Stories that show an image as a figure inside their body, found by index: an FTS5 table of
 * figure ids kept by triggers on SQLite, a GIN index on the ids on PostgreSQL (migration
 * 2026-12-03T2310-article-figure-media).
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Dialect } from '../db.js';
import { fillFigureMedia, PG_FIGURE_IDS } from '../migrations/2026-12-03T2310-article-figure-media.js';
import type { Database } from '../schema.js';

export async function storiesShowingFigure(db: Kysely<Database>, dialect: Dialect, mediaId: number): Promise<Array<{ id: number; headline: string }>> {
  if (!Number.isSafeInteger(mediaId) || mediaId <= 0) return [];
  const query = db.selectFrom('articles').select(['id', 'headline']).orderBy('id');
  if (dialect === 'postgres') {
    // The very expression the index is on, so that PostgreSQL uses it.
    return query.where(sql<boolean>`${sql.raw(PG_FIGURE_IDS)} @> ${JSON.stringify([mediaId])}::jsonb`).execute();
  }
  return query.where('id', 'in', sql<number>`(select rowid from article_figure_media where article_figure_media match ${`"${mediaId}"`})`).execute();
}

/** SQLite: every story's figure ids written afresh from the bodies (`newsdesk reindex`, a restore). */
export async function rebuildFigureMedia(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') await fillFigureMedia(db as unknown as Kysely<unknown>);
}
