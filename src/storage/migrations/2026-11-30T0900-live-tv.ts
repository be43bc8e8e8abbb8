/**
 * Live TV: channels (one or more per language edition), their programmes, the schedule
 * (weekly slots in the channel's wall-clock time and one-off specials at UTC instants) and
 * the stories linked to a programme. The rules that read the schedule are in core/schedule.ts;
 * docs/live.md describes the model.
 *
 * Dates of validity are 'YYYY-MM-DD' text and start times 'HH:MM' text on both databases:
 * they are local to the channel's zone, not instants, so no timestamp type fits them.
 */
import type { Kysely } from 'kysely';
import { dialectOf, timestampType, withId } from './column-types.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const d = dialectOf(db);
  const ts = timestampType(d);

  await withId(db.schema.createTable('channels'), d)
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    // The edition it belongs to; the first channel of a language (by position) is its primary.
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('master_url', 'varchar(2000)', (c) => c.notNull())
    .addColumn('audio_url', 'varchar(2000)')
    .addColumn('poster_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    // The last check of the stream URLs: 'ok', 'flagged' or 'unchecked', with the report (JSON).
    .addColumn('playlist_status', 'varchar(20)', (c) => c.notNull().defaultTo('unchecked'))
    .addColumn('playlist_report', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('checked_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('channels_language_position').on('channels').columns(['language', 'position', 'id']).execute();

  await withId(db.schema.createTable('programmes'), d)
    .addColumn('channel_id', 'integer', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('slug', 'varchar(80)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('artwork_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('programmes_channel_slug').on('programmes').columns(['channel_id', 'slug']).unique().execute();

  // Weekly slots: weekdays as a bitmask (bit 0 Monday ... bit 6 Sunday), a local start time
  // and a duration; valid_from/valid_until bound the local dates an airing may start on.
  await withId(db.schema.createTable('schedule_slots'), d)
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('weekdays', 'integer', (c) => c.notNull())
    .addColumn('start_time', 'varchar(5)', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'varchar(10)')
    .addColumn('valid_until', 'varchar(10)')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('schedule_slots_programme').on('schedule_slots').columns(['programme_id']).execute();

  // One-off specials: a UTC instant and a duration; they override the weekly slots they overlap.
  await withId(db.schema.createTable('schedule_specials'), d)
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('schedule_specials_programme').on('schedule_specials').columns(['programme_id', 'starts_at']).execute();

  await db.schema
    .createTable('programme_articles')
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_articles_pk', ['programme_id', 'article_id'])
    .execute();
  await db.schema.createIndex('programme_articles_article').on('programme_articles').columns(['article_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['programme_articles', 'schedule_specials', 'schedule_slots', 'programmes', 'channels']) {
    await db.schema.dropTable(table).execute();
  }
}
