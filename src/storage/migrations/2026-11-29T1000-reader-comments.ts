/**
 * Reader comments: reader accounts (a population separate from staff), their sessions and
 * one-time links, comments with maintained counts, reactions, reports, thread follows, the
 * moderation log and the classifier's token counts.
 */
import type { Kysely } from 'kysely';
import { dialectOf, timestampType, withId } from './column-types.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const d = dialectOf(db);
  const ts = timestampType(d);

  await db.schema.alterTable('articles').addColumn('comments_premoderated', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await withId(db.schema.createTable('readers'), d)
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(40)', (c) => c.notNull())
    // Lower case, accents and separators removed: "José_Ruiz" and "jose ruiz" are one name.
    .addColumn('name_key', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('password_hash', 'varchar(200)')
    .addColumn('email_verified_at', ts)
    .addColumn('banned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('suspended_until', ts)
    .addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notify_replies', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('approved_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema.createTable('reader_sessions')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reader_sessions_reader').on('reader_sessions').column('reader_id').execute();

  await db.schema.createTable('reader_tokens')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('reader_id', 'integer', (c) => c.references('readers.id').onDelete('cascade'))
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('used_at', ts)
    .execute();

  await withId(db.schema.createTable('comments'), d)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('set null'))
    // The top-level comment of the thread (itself for a top-level comment): replies are
    // loaded per thread with one indexed query.
    .addColumn('root_id', 'integer')
    .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reader_id', 'integer', (c) => c.references('readers.id').onDelete('set null'))
    .addColumn('staff_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_name', 'varchar(80)', (c) => c.notNull())
    .addColumn('guest_email', 'varchar(254)')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('featured', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hold_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('score', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('score_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reply_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('like_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('text_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('ip_hash', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('edited_at', ts)
    .addColumn('moderated_at', ts)
    .addColumn('moderated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  // Reading a thread: one page of top-level comments by each sort order (id breaks ties, so
  // the index alone yields the order), then their replies.
  await db.schema.createIndex('comments_thread_new').on('comments').columns(['article_id', 'status', 'depth', 'created_at', 'id']).execute();
  await db.schema.createIndex('comments_thread_liked').on('comments').columns(['article_id', 'status', 'depth', 'like_count', 'id']).execute();
  await db.schema.createIndex('comments_thread_replied').on('comments').columns(['article_id', 'status', 'depth', 'reply_count', 'id']).execute();
  await db.schema.createIndex('comments_featured').on('comments').columns(['article_id', 'featured']).execute();
  await db.schema.createIndex('comments_root').on('comments').columns(['root_id', 'status', 'created_at']).execute();
  // Moderation queues, a reader's history, rate limits and duplicate detection.
  await db.schema.createIndex('comments_queue').on('comments').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('comments_reported').on('comments').columns(['report_count', 'created_at']).execute();
  await db.schema.createIndex('comments_reader').on('comments').columns(['reader_id', 'created_at']).execute();
  await db.schema.createIndex('comments_ip').on('comments').columns(['ip_hash', 'created_at']).execute();
  await db.schema.createIndex('comments_text').on('comments').columns(['text_hash', 'created_at']).execute();

  await db.schema.createTable('comment_reactions')
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_reactions_pk', ['comment_id', 'reader_id'])
    .execute();

  await withId(db.schema.createTable('comment_reports'), d)
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('reader_id', 'integer', (c) => c.references('readers.id').onDelete('set null'))
    .addColumn('reason', 'varchar(20)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('resolved_at', ts)
    .execute();
  await db.schema.createIndex('comment_reports_comment').on('comment_reports').columns(['comment_id', 'reader_id']).execute();

  await db.schema.createTable('comment_follows')
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    .addColumn('root_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_follows_pk', ['reader_id', 'root_id'])
    .execute();
  await db.schema.createIndex('comment_follows_root').on('comment_follows').column('root_id').execute();

  await withId(db.schema.createTable('moderation_log'), d)
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('user_name', 'varchar(120)', (c) => c.notNull())
    .addColumn('action', 'varchar(20)', (c) => c.notNull())
    .addColumn('comment_id', 'integer', (c) => c.references('comments.id').onDelete('set null'))
    .addColumn('reader_id', 'integer', (c) => c.references('readers.id').onDelete('set null'))
    .addColumn('detail', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('moderation_log_time').on('moderation_log').column('created_at').execute();
  await db.schema.createIndex('moderation_log_comment').on('moderation_log').column('comment_id').execute();

  // Naive Bayes counts: how many approved (ham) and rejected (spam) comments held each token.
  await db.schema.createTable('classifier_tokens')
    .addColumn('token', 'varchar(80)', (c) => c.primaryKey())
    .addColumn('spam', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ham', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['classifier_tokens', 'moderation_log', 'comment_follows', 'comment_reports', 'comment_reactions', 'comments', 'reader_tokens', 'reader_sessions', 'readers']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('articles').dropColumn('comments_premoderated').execute();
}
