/** The reader site's content: sections, authors, tags, media, articles and their links. */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { dialectOf, timestampType, withId } from './column-types.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const d = dialectOf(db);
  const ts = timestampType(d);

  await withId(db.schema.createTable('sections'), d)
    .addColumn('parent_id', 'integer', (c) => c.references('sections.id').onDelete('restrict'))
    .addColumn('slug', 'varchar(80)', (c) => c.notNull())
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // Sibling slugs are unique; roots (parent_id NULL) are made unique per language below,
  // because NULLs never collide in a unique index.
  await db.schema.createIndex('sections_parent_slug').on('sections').columns(['parent_id', 'slug']).unique().execute();
  await db.schema.createIndex('sections_root_slug').on('sections').columns(['language', 'slug']).where(sql.ref('parent_id'), 'is', null).unique().execute();

  await withId(db.schema.createTable('authors'), d)
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('role', 'varchar(120)', (c) => c.notNull().defaultTo(''))
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('x_handle', 'varchar(40)')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('tags'), d)
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('media'), d)
    .addColumn('key', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('mime', 'varchar(40)', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('focal_x', 'real', (c) => c.notNull().defaultTo(0.5))
    .addColumn('focal_y', 'real', (c) => c.notNull().defaultTo(0.5))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('articles'), d)
    .addColumn('slug', 'varchar(80)', (c) => c.notNull())
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id').onDelete('restrict'))
    .addColumn('label', 'varchar(20)', (c) => c.notNull())
    .addColumn('headline', 'varchar(300)', (c) => c.notNull())
    .addColumn('seo_headline', 'varchar(300)')
    .addColumn('standfirst', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('seo_description', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('lead_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('published_at', ts)
    .addColumn('display_updated_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('comments_open', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('articles_language_slug').on('articles').columns(['language', 'slug']).unique().execute();
  // Listing queries: latest public stories overall and per section.
  await db.schema.createIndex('articles_status_published').on('articles').columns(['status', 'published_at']).execute();
  await db.schema.createIndex('articles_section_status_published').on('articles').columns(['section_id', 'status', 'published_at']).execute();

  await db.schema.createTable('article_authors')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id').onDelete('restrict'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'author_id'])
    .execute();
  await db.schema.createIndex('article_authors_author').on('article_authors').columns(['author_id', 'article_id']).execute();

  await db.schema.createTable('article_tags')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('article_tags_tag').on('article_tags').columns(['tag_id', 'article_id']).execute();

  await db.schema.createTable('article_slug_history')
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('slug', 'varchar(80)', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('article_slug_history_pk', ['language', 'slug'])
    .execute();

  await withId(db.schema.createTable('corrections'), d)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('corrections_article').on('corrections').columns(['article_id', 'created_at']).execute();

  await db.schema.createTable('settings')
    .addColumn('key', 'varchar(80)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['settings', 'corrections', 'article_slug_history', 'article_tags', 'article_authors', 'articles', 'media', 'tags', 'authors', 'sections']) {
    await db.schema.dropTable(table).execute();
  }
}
