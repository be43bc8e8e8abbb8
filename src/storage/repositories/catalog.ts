/** Sections, authors, tags, media and settings: the small tables around articles. */
import type { Kysely } from 'kysely';
import type { MediaAsset } from '../../core/media.js';
import type { Author, AuthorLink, Tag } from '../../core/people.js';
import type { Section } from '../../core/sections.js';
import type { AuthorRow, Database, MediaRow, SectionRow, TagRow } from '../schema.js';

export const rowToSection = (r: SectionRow): Section => ({ id: r.id, parentId: r.parent_id, slug: r.slug, name: r.name, description: r.description, position: r.position, language: r.language });
export const rowToAuthor = (r: AuthorRow): Author => ({ id: r.id, slug: r.slug, name: r.name, role: r.role, bio: r.bio, xHandle: r.x_handle, photoMediaId: r.photo_media_id, links: parseAuthorLinks(r.links) });

/** The stored links of an author; anything malformed (or not https) is left out, never thrown. */
export function parseAuthorLinks(json: string): AuthorLink[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { label, url } = item as { label?: unknown; url?: unknown };
    return typeof label === 'string' && typeof url === 'string' && /^https:\/\//i.test(url) ? [{ label, url }] : [];
  });
}

export const rowToTag = (r: TagRow): Tag => ({ id: r.id, slug: r.slug, name: r.name });
export const rowToMedia = (r: MediaRow): MediaAsset => ({
  id: r.id,
  key: r.key,
  mime: r.mime,
  width: r.width,
  height: r.height,
  alt: r.alt,
  caption: r.caption,
  credit: r.credit,
  focalX: r.focal_x,
  focalY: r.focal_y,
});

export class SectionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async all(language: string): Promise<Section[]> {
    const rows = await this.db.selectFrom('sections').selectAll().where('language', '=', language).orderBy('position').orderBy('id').execute();
    return rows.map(rowToSection);
  }

  /** Change counter for the section tree, so callers can cache it and notice edits. */
  async lastChange(language: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('sections').select((eb) => eb.fn.max('updated_at').as('t')).where('language', '=', language).executeTakeFirst();
    return row?.t ?? undefined;
  }

  async insert(input: { parentId: number | null; slug: string; name: string; description: string; position: number; language: string; now: Date }): Promise<Section> {
    const at = input.now.toISOString();
    const row = await this.db
      .insertInto('sections')
      .values({ parent_id: input.parentId, slug: input.slug, name: input.name, description: input.description, position: input.position, language: input.language, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    return rowToSection(row);
  }
}

export class AuthorRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async bySlug(slug: string): Promise<Author | undefined> {
    const row = await this.db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row ? rowToAuthor(row) : undefined;
  }

  /** Every byline, by name (filters that offer them all). */
  async namesAndSlugs(): Promise<Array<{ id: number; slug: string; name: string }>> {
    return this.db.selectFrom('authors').select(['id', 'slug', 'name']).orderBy('name').execute();
  }

  async byIds(ids: readonly number[]): Promise<Map<number, Author>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('authors').selectAll().where('id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.id, rowToAuthor(r)]));
  }

  async insert(input: { slug: string; name: string; role: string; bio: string; xHandle: string | null; now: Date }): Promise<Author> {
    const at = input.now.toISOString();
    const row = await this.db
      .insertInto('authors')
      .values({ slug: input.slug, name: input.name, role: input.role, bio: input.bio, x_handle: input.xHandle, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    return rowToAuthor(row);
  }
}

export class TagRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async bySlug(slug: string): Promise<Tag | undefined> {
    const row = await this.db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row ? rowToTag(row) : undefined;
  }

  async byIds(ids: readonly number[]): Promise<Tag[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('tags').selectAll().where('id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [r.id, rowToTag(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}

export class MediaRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async byIds(ids: readonly number[]): Promise<Map<number, MediaAsset>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('media').selectAll().where('id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.id, rowToMedia(r)]));
  }

  async byKey(key: string): Promise<MediaAsset | undefined> {
    const row = await this.db.selectFrom('media').selectAll().where('key', '=', key).executeTakeFirst();
    return row ? rowToMedia(row) : undefined;
  }

  /** Adds an asset, or returns the existing one with the same bytes (same key). */
  async insert(input: Omit<MediaAsset, 'id'> & { bytes: number; now: Date }): Promise<MediaAsset> {
    const existing = await this.byKey(input.key);
    if (existing) return existing;
    const at = input.now.toISOString();
    const row = await this.db
      .insertInto('media')
      .values({
        key: input.key,
        mime: input.mime,
        width: input.width,
        height: input.height,
        bytes: input.bytes,
        alt: input.alt,
        caption: input.caption,
        credit: input.credit,
        focal_x: input.focalX,
        focal_y: input.focalY,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return rowToMedia(row);
  }
}

export class SettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get<T>(key: string): Promise<T | undefined> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  /** Stores the value unless the key exists; returns whatever is stored afterwards. */
  async setIfAbsent<T>(key: string, value: T, now: Date): Promise<T> {
    await this.db.insertInto('settings').values({ key, value: JSON.stringify(value), updated_at: now.toISOString() }).onConflict((oc) => oc.column('key').doNothing()).execute();
    return (await this.get<T>(key)) ?? value;
  }

  async set(key: string, value: unknown, now: Date): Promise<void> {
    const json = JSON.stringify(value);
    const at = now.toISOString();
    await this.db
      .insertInto('settings')
      .values({ key, value: json, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: at }))
      .execute();
  }
}
