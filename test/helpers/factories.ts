/**
 * Test data builders: each test makes exactly the content it talks about, through the same
 * storage and service code the application uses.
 */
import sharp from 'sharp';
import type { ContentEvents } from '../../src/core/events.js';
import type { Article } from '../../src/core/articles.js';
import type { MediaAsset } from '../../src/core/media.js';
import type { Author } from '../../src/core/people.js';
import type { RichTextDocument } from '../../src/core/richtext.js';
import type { Section } from '../../src/core/sections.js';
import { mediaKeyFor } from '../../src/media/store.js';
import type { MediaStore } from '../../src/media/store.js';
import { createArticle } from '../../src/services/publishing.js';
import type { ArticleInput } from '../../src/services/publishing.js';
import type { Db } from '../../src/storage/db.js';
import { AuthorRepository, MediaRepository, SectionRepository } from '../../src/storage/repositories/catalog.js';

let counter = 0;
const next = () => ++counter;

export interface FactoryDeps {
  db: Db;
  events: ContentEvents;
  media?: MediaStore;
  now?: () => Date;
}

export function factories(deps: FactoryDeps) {
  const now = () => deps.now?.() ?? new Date();
  return {
    async section(input: Partial<Omit<Section, 'id'>> = {}): Promise<Section> {
      const n = next();
      const section = await new SectionRepository(deps.db.kysely).insert({
        parentId: input.parentId ?? null,
        slug: input.slug ?? `section-${n}`,
        name: input.name ?? `Section ${n}`,
        description: input.description ?? '',
        position: input.position ?? n,
        language: input.language ?? 'en',
        now: now(),
      });
      deps.events.publish({ type: 'structure.changed' });
      return section;
    },

    async author(input: Partial<Omit<Author, 'id'>> = {}): Promise<Author> {
      const n = next();
      return new AuthorRepository(deps.db.kysely).insert({
        slug: input.slug ?? `author-${n}`,
        name: input.name ?? `Author ${n}`,
        role: input.role ?? 'Correspondent',
        bio: input.bio ?? '',
        xHandle: input.xHandle ?? null,
        now: now(),
      });
    },

    /** A real JPEG (made by sharp), stored so its renditions can be requested. */
    async image(input: Partial<Pick<MediaAsset, 'alt' | 'caption' | 'credit'>> & { width?: number; height?: number } = {}): Promise<MediaAsset> {
      const width = input.width ?? 1200;
      const height = input.height ?? 675;
      const bytes = await sharp({ create: { width, height, channels: 3, background: { r: (next() * 37) % 255, g: 90, b: 140 } } }).jpeg().toBuffer();
      const key = mediaKeyFor(bytes);
      await deps.media?.put(key, bytes);
      return new MediaRepository(deps.db.kysely).insert({
        key,
        mime: 'image/jpeg',
        width,
        height,
        bytes: bytes.length,
        alt: input.alt ?? 'A plain test image',
        caption: input.caption ?? 'A caption',
        credit: input.credit ?? 'Photo: Test Agency',
        focalX: 0.5,
        focalY: 0.5,
        now: now(),
      });
    },

    /** A published article (unless told otherwise), dated a minute ago. */
    async article(input: Partial<ArticleInput> & { sectionId: number }): Promise<Article> {
      const n = next();
      const body: RichTextDocument = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Body of story ${n}.` }] }] };
      return createArticle(
        { db: deps.db, events: deps.events, now },
        {
          headline: `Story number ${n}`,
          standfirst: `Standfirst of story ${n}.`,
          body,
          status: 'published',
          publishedAt: new Date(now().getTime() - 60_000).toISOString(),
          ...input,
        },
      );
    },
  };
}
