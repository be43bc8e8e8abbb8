/** The newsroom workflow: scheduling and embargo times, who wrote what, revisions, notes. */
import type { Kysely } from 'kysely';
import { dialectOf, timestampType, withId } from './column-types.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const d = dialectOf(db);
  const ts = timestampType(d);

  await db.schema.alterTable('articles').addColumn('scheduled_at', ts).execute();
  await db.schema.alterTable('articles').addColumn('embargo_until', ts).execute();
  await db.schema.alterTable('articles').addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null')).execute();
  await db.schema.alterTable('articles').addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null')).execute();
  // The scheduler's question, asked every second: which scheduled stories are due?
  await db.schema.createIndex('articles_status_scheduled').on('articles').columns(['status', 'scheduled_at']).execute();

  await withId(db.schema.createTable('article_revisions'), d)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('autosave', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_revisions_article').on('article_revisions').columns(['article_id', 'id']).execute();

  await withId(db.schema.createTable('article_notes'), d)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_notes_article').on('article_notes').columns(['article_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_notes').execute();
  await db.schema.dropTable('article_revisions').execute();
  await db.schema.dropIndex('articles_status_scheduled').execute();
  for (const column of ['updated_by', 'created_by', 'embargo_until', 'scheduled_at']) await db.schema.alterTable('articles').dropColumn(column).execute();
}
