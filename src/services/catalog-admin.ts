/**
 * The newsroom's catalogue: the section tree (names, slugs, parents, order), tags and author
 * profiles. Every command checks the actor's policy first, validates with messages an editor
 * can act on, writes in one transaction when more than one row changes, and publishes
 * `structure.changed` after it commits so the section tree and cached pages refresh.
 */
import { LANGUAGES } from '../core/articles.js';
import type { ContentEvents } from '../core/events.js';
import type { Author, AuthorLink } from '../core/people.js';
import type { Policy } from '../core/policies.js';
import { ForbiddenError, policies } from '../core/policies.js';
import { RESERVED_SLUGS, buildSectionTree } from '../core/sections.js';
import type { Section } from '../core/sections.js';
import { isValidSlug, slugify } from '../core/slugs.js';
import type { StaffUser } from '../core/staff.js';
import type { Db } from '../storage/db.js';
import { parseAuthorLinks, rowToSection } from '../storage/repositories/catalog.js';
import { containsText } from '../storage/text-match.js';
import { NotFoundError, ValidationError } from './publishing.js';

export interface CatalogAdminDeps {
  db: Db;
  events: ContentEvents;
  now?: () => Date;
}

/** One line of the section tree as the newsroom lists it: depth-first, siblings in order. */
export interface SectionTreeRow {
  section: Section;
  depth: number;
  /** The reader-site path, e.g. `/news/middle-east-africa`. */
  path: string;
  /** `News › Middle East & Africa`, for pickers. */
  trail: string;
  articleCount: number;
  childCount: number;
  isFirst: boolean;
  isLast: boolean;
}

export interface SectionInput {
  name: string;
  /** Blank: made from the name. */
  slug: string;
  description: string;
  parentId: number | null;
  /** For a top-level section; a subsection always takes its parent's language. */
  language?: string;
  /** Sibling order (lower first); moves normally go through `moveSection`. */
  position?: number;
}

export interface TagListRow {
  id: number;
  slug: string;
  name: string;
  articleCount: number;
}

/** An author as the newsroom edits it: every profile field present. */
export type AuthorProfile = Required<Author>;

export interface AuthorListRow extends AuthorProfile {
  articleCount: number;
}

export interface AuthorInput {
  name: string;
  /** Blank: made from the name. */
  slug: string;
  role: string;
  bio: string;
  xHandle: string;
  photoMediaId: number | null;
  links: AuthorLink[];
}

export const MAX_AUTHOR_LINKS = 8;
const X_HANDLE = /^@?[A-Za-z0-9_]{1,15}$/;

export class CatalogAdmin {
  private readonly now: () => Date;

  constructor(private readonly deps: CatalogAdminDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private get k() {
    return this.deps.db.kysely;
  }

  private allow(actor: StaffUser, policy: Extract<Policy, 'manageSections' | 'manageTags' | 'manageAuthors'>): void {
    if (!policies[policy](actor)) throw new ForbiddenError(policy);
  }

  private changed(): void {
    this.deps.events.publish({ type: 'structure.changed' });
  }

  // ---- Sections ------------------------------------------------------------------------

  /** Every section, depth-first in site order, grouped by language. */
  async listSections(actor: StaffUser): Promise<SectionTreeRow[]> {
    this.allow(actor, 'manageSections');
    const [rows, counts] = await Promise.all([
      this.k.selectFrom('sections').selectAll().orderBy('language').orderBy('position').orderBy('id').execute(),
      this.k.selectFrom('articles').select((eb) => ['section_id', eb.fn.countAll<number>().as('n')]).groupBy('section_id').execute(),
    ]);
    const articleCounts = new Map(counts.map((c) => [c.section_id, Number(c.n)]));
    const sections = rows.map(rowToSection);
    const out: SectionTreeRow[] = [];
    for (const language of [...new Set(sections.map((s) => s.language))].sort()) {
      const tree = buildSectionTree(sections.filter((s) => s.language === language));
      const walk = (parentId: number | null, depth: number) => {
        const siblings = tree.children(parentId);
        siblings.forEach((s, i) => {
          out.push({
            section: s,
            depth,
            path: tree.path(s.id),
            trail: tree.ancestry(s.id).map((a) => a.name).join(' › '),
            articleCount: articleCounts.get(s.id) ?? 0,
            childCount: tree.children(s.id).length,
            isFirst: i === 0,
            isLast: i === siblings.length - 1,
          });
          walk(s.id, depth + 1);
        });
      };
      walk(null, 0);
    }
    return out;
  }

  async getSection(actor: StaffUser, id: number): Promise<Section> {
    this.allow(actor, 'manageSections');
    return this.loadSection(id);
  }

  private async loadSection(id: number): Promise<Section> {
    const row = Number.isSafeInteger(id) ? await this.k.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
    if (!row) throw new NotFoundError(`section ${id} does not exist`);
    return rowToSection(row);
  }

  /** Checks a section's fields against the tree; returns what to store. */
  private async validateSection(input: SectionInput, current: Section | null): Promise<{ name: string; slug: string; description: string; parentId: number | null; language: string }> {
    const issues: string[] = [];
    const name = input.name.trim();
    if (!name) issues.push('name: give the section a name');
    if (name.length > 120) issues.push('name: at most 120 characters');
    const description = input.description.trim();
    if (description.length > 1000) issues.push('description: at most 1000 characters');
    const slug = input.slug.trim() || slugify(name);
    if (!isValidSlug(slug)) issues.push(`slug: "${slug}" must be lower-case letters, digits and dashes (at most 80)`);

    let parent: Section | null = null;
    if (input.parentId !== null) {
      if (!Number.isSafeInteger(input.parentId) || input.parentId <= 0) {
        issues.push('parent: choose a section from the list');
      } else {
        const row = await this.k.selectFrom('sections').selectAll().where('id', '=', input.parentId).executeTakeFirst();
        if (!row) issues.push('parent: that section no longer exists');
        else parent = rowToSection(row);
      }
    }
    const language = parent?.language ?? current?.language ?? input.language ?? 'en';
    if (!(LANGUAGES as readonly string[]).includes(language)) issues.push(`language: choose one of ${LANGUAGES.join(', ')}`);

    if (current && parent) {
      if (parent.id === current.id) {
        issues.push('parent: a section cannot be inside itself');
      } else {
        const tree = buildSectionTree((await this.k.selectFrom('sections').selectAll().where('language', '=', current.language).execute()).map(rowToSection));
        if (tree.descendantIds(current.id).includes(parent.id)) issues.push(`parent: "${parent.name}" is inside "${current.name}", so "${current.name}" cannot move into it`);
      }
      if (parent.language !== current.language) issues.push('parent: choose a section in the same language');
    }

    if (parent === null && RESERVED_SLUGS.has(slug)) issues.push(`slug: "${slug}" is reserved for the site's own pages (/${slug}); choose another slug for a top-level section`);

    if (issues.length === 0) {
      let q = this.k.selectFrom('sections').select(['id', 'name']).where('slug', '=', slug);
      q = parent ? q.where('parent_id', '=', parent.id) : q.where('parent_id', 'is', null).where('language', '=', language);
      if (current) q = q.where('id', '!=', current.id);
      const clash = await q.executeTakeFirst();
      if (clash) issues.push(`slug: "${slug}" is already used by the section "${clash.name}" ${parent ? `inside "${parent.name}"` : 'at the top level'}; sections side by side need different slugs`);
    }
    if (issues.length) throw new ValidationError(issues);
    return { name, slug, description, parentId: parent?.id ?? null, language };
  }

  private async nextPosition(parentId: number | null, language: string): Promise<number> {
    let q = this.k.selectFrom('sections').select((eb) => eb.fn.max('position').as('p'));
    q = parentId === null ? q.where('parent_id', 'is', null).where('language', '=', language) : q.where('parent_id', '=', parentId);
    const row = await q.executeTakeFirst();
    return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 1;
  }

  /** Adds a section at the end of its siblings. */
  async createSection(actor: StaffUser, input: SectionInput): Promise<Section> {
    this.allow(actor, 'manageSections');
    const v = await this.validateSection(input, null);
    const at = this.now().toISOString();
    const row = await this.k
      .insertInto('sections')
      .values({ parent_id: v.parentId, slug: v.slug, name: v.name, description: v.description, position: await this.nextPosition(v.parentId, v.language), language: v.language, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    this.changed();
    return rowToSection(row);
  }

  /** Renames, re-describes or moves a section to another parent (it goes last there). */
  async updateSection(actor: StaffUser, id: number, input: SectionInput): Promise<Section> {
    this.allow(actor, 'manageSections');
    const current = await this.loadSection(id);
    const v = await this.validateSection(input, current);
    const reparented = v.parentId !== current.parentId;
    if (input.position !== undefined && !Number.isSafeInteger(input.position)) throw new ValidationError(['position: a whole number']);
    const position = reparented ? await this.nextPosition(v.parentId, v.language) : (input.position ?? current.position);
    const row = await this.k
      .updateTable('sections')
      .set({ parent_id: v.parentId, slug: v.slug, name: v.name, description: v.description, position, updated_at: this.now().toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new NotFoundError(`section ${id} does not exist`);
    this.changed();
    return rowToSection(row);
  }

  /** Swaps a section with the sibling before (up) or after (down) it; siblings are renumbered 0..n-1. */
  async moveSection(actor: StaffUser, id: number, direction: 'up' | 'down'): Promise<void> {
    this.allow(actor, 'manageSections');
    const current = await this.loadSection(id);
    await this.k.transaction().execute(async (tx) => {
      let q = tx.selectFrom('sections').selectAll();
      q = current.parentId === null ? q.where('parent_id', 'is', null).where('language', '=', current.language) : q.where('parent_id', '=', current.parentId);
      const siblings = (await q.execute()).map(rowToSection).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
      const from = siblings.findIndex((s) => s.id === id);
      const to = direction === 'up' ? from - 1 : from + 1;
      const moving = siblings[from];
      const other = siblings[to];
      if (!moving || !other) throw new ValidationError([`"${current.name}" is already ${direction === 'up' ? 'first' : 'last'} among its neighbours`]);
      siblings[to] = moving;
      siblings[from] = other;
      const at = this.now().toISOString();
      for (const [position, s] of siblings.entries()) {
        if (s.position !== position) await tx.updateTable('sections').set({ position, updated_at: at }).where('id', '=', s.id).execute();
      }
    });
    this.changed();
  }

  /** Deletes an empty section: no stories in it and no sections inside it. */
  async deleteSection(actor: StaffUser, id: number): Promise<void> {
    this.allow(actor, 'manageSections');
    const current = await this.loadSection(id);
    const [stories, children] = await Promise.all([
      this.k.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('section_id', '=', id).executeTakeFirstOrThrow(),
      this.k.selectFrom('sections').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow(),
    ]);
    const issues: string[] = [];
    const n = Number(stories.n);
    const c = Number(children.n);
    if (n > 0) issues.push(`"${current.name}" still has ${n} ${n === 1 ? 'story' : 'stories'} (drafts and unpublished ones count): move them to another section first`);
    if (c > 0) issues.push(`"${current.name}" still has ${c} ${c === 1 ? 'subsection' : 'subsections'}: move or delete ${c === 1 ? 'it' : 'them'} first`);
    if (issues.length) throw new ValidationError(issues);
    await this.k.deleteFrom('sections').where('id', '=', id).execute();
    this.changed();
  }

  // ---- Tags ----------------------------------------------------------------------------

  /** Tags by name with how many stories (any status) carry each; `q` filters by name or slug. */
  async listTags(actor: StaffUser, opts: { q?: string; limit?: number } = {}): Promise<TagListRow[]> {
    this.allow(actor, 'manageTags');
    let q = this.k
      .selectFrom('tags as t')
      .leftJoin('article_tags as at', 'at.tag_id', 't.id')
      .select((eb) => ['t.id', 't.slug', 't.name', eb.fn.count<number>('at.article_id').as('n')])
      .groupBy(['t.id', 't.slug', 't.name'])
      .orderBy('t.name')
      .limit(opts.limit ?? 300);
    const text = (opts.q ?? '').trim();
    if (text) q = q.where((eb) => eb.or([containsText('t.name', text), containsText('t.slug', text)]));
    return (await q.execute()).map((r) => ({ id: r.id, slug: r.slug, name: r.name, articleCount: Number(r.n) }));
  }

  async getTag(actor: StaffUser, id: number): Promise<TagListRow> {
    this.allow(actor, 'manageTags');
    return this.loadTag(id);
  }

  private async loadTag(id: number): Promise<TagListRow> {
    const row = Number.isSafeInteger(id) ? await this.k.selectFrom('tags').select(['id', 'slug', 'name']).where('id', '=', id).executeTakeFirst() : undefined;
    if (!row) throw new NotFoundError(`tag ${id} does not exist`);
    const count = await this.k.selectFrom('article_tags').select((eb) => eb.fn.countAll<number>().as('n')).where('tag_id', '=', id).executeTakeFirstOrThrow();
    return { ...row, articleCount: Number(count.n) };
  }

  /** Renames a tag; its page moves to /tag/<new slug>. */
  async updateTag(actor: StaffUser, id: number, input: { name: string; slug: string }): Promise<TagListRow> {
    this.allow(actor, 'manageTags');
    await this.loadTag(id);
    const issues: string[] = [];
    const name = input.name.trim();
    if (!name) issues.push('name: give the tag a name');
    if (name.length > 120) issues.push('name: at most 120 characters');
    const slug = input.slug.trim() || slugify(name);
    if (!isValidSlug(slug)) issues.push(`slug: "${slug}" must be lower-case letters, digits and dashes (at most 80)`);
    if (issues.length === 0) {
      const clash = await this.k.selectFrom('tags').select('name').where('slug', '=', slug).where('id', '!=', id).executeTakeFirst();
      if (clash) issues.push(`slug: "${slug}" is already used by the tag "${clash.name}"`);
    }
    if (issues.length) throw new ValidationError(issues);
    await this.k.updateTable('tags').set({ name, slug }).where('id', '=', id).execute();
    this.changed();
    return this.loadTag(id);
  }

  /** Deletes a tag and takes it off every story that carried it. */
  async deleteTag(actor: StaffUser, id: number): Promise<void> {
    this.allow(actor, 'manageTags');
    await this.loadTag(id);
    await this.k.transaction().execute(async (tx) => {
      await tx.deleteFrom('article_tags').where('tag_id', '=', id).execute();
      await tx.deleteFrom('tags').where('id', '=', id).execute();
    });
    this.changed();
  }

  // ---- Authors -------------------------------------------------------------------------

  async listAuthors(actor: StaffUser): Promise<AuthorListRow[]> {
    this.allow(actor, 'manageAuthors');
    const [rows, counts] = await Promise.all([
      this.k.selectFrom('authors').selectAll().orderBy('name').orderBy('id').execute(),
      this.k.selectFrom('article_authors').select((eb) => ['author_id', eb.fn.countAll<number>().as('n')]).groupBy('author_id').execute(),
    ]);
    const byAuthor = new Map(counts.map((c) => [c.author_id, Number(c.n)]));
    return rows.map((r) => ({ ...toProfile(r), articleCount: byAuthor.get(r.id) ?? 0 }));
  }

  async getAuthor(actor: StaffUser, id: number): Promise<AuthorProfile> {
    this.allow(actor, 'manageAuthors');
    return this.loadAuthor(id);
  }

  private async loadAuthor(id: number): Promise<AuthorProfile> {
    const row = Number.isSafeInteger(id) ? await this.k.selectFrom('authors').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
    if (!row) throw new NotFoundError(`author ${id} does not exist`);
    return toProfile(row);
  }

  private async validateAuthor(input: AuthorInput, exceptId: number | null) {
    const issues: string[] = [];
    const name = input.name.trim();
    if (!name) issues.push('name: give the author a name');
    if (name.length > 120) issues.push('name: at most 120 characters');
    const slug = input.slug.trim() || slugify(name);
    if (!isValidSlug(slug)) issues.push(`slug: "${slug}" must be lower-case letters, digits and dashes (at most 80)`);
    const role = input.role.trim();
    if (role.length > 120) issues.push('role: at most 120 characters');
    const bio = input.bio.trim();
    if (bio.length > 2000) issues.push('bio: at most 2000 characters');
    const handle = input.xHandle.trim();
    if (handle && !X_HANDLE.test(handle)) issues.push('X handle: letters, digits and underscores, at most 15 (e.g. @newsdesk)');
    const xHandle = handle ? `@${handle.replace(/^@/, '')}` : null;

    if (input.photoMediaId !== null) {
      const found = Number.isSafeInteger(input.photoMediaId) && input.photoMediaId > 0 ? await this.k.selectFrom('media').select('id').where('id', '=', input.photoMediaId).executeTakeFirst() : undefined;
      if (!found) issues.push('photo: choose an image from the media library');
    }

    const links: AuthorLink[] = [];
    if (input.links.length > MAX_AUTHOR_LINKS) issues.push(`links: at most ${MAX_AUTHOR_LINKS}`);
    input.links.forEach((l, i) => {
      const label = l.label.trim();
      const url = l.url.trim();
      if (!label && !url) return;
      const n = `link ${i + 1}`;
      if (!label) issues.push(`${n}: give the link a label (e.g. Mastodon)`);
      if (label.length > 60) issues.push(`${n}: the label is at most 60 characters`);
      if (!isHttpsUrl(url)) issues.push(`${n}: "${url.slice(0, 100)}" is not an https:// address`);
      else if (url.length > 500) issues.push(`${n}: the address is at most 500 characters`);
      links.push({ label, url });
    });

    if (isValidSlug(slug)) {
      let q = this.k.selectFrom('authors').select('name').where('slug', '=', slug);
      if (exceptId !== null) q = q.where('id', '!=', exceptId);
      const clash = await q.executeTakeFirst();
      if (clash) issues.push(`slug: "${slug}" is already used by the author "${clash.name}"`);
    }
    if (issues.length) throw new ValidationError(issues);
    return { name, slug, role, bio, x_handle: xHandle, photo_media_id: input.photoMediaId, links: JSON.stringify(links) };
  }

  async createAuthor(actor: StaffUser, input: AuthorInput): Promise<AuthorProfile> {
    this.allow(actor, 'manageAuthors');
    const values = await this.validateAuthor(input, null);
    const at = this.now().toISOString();
    const row = await this.k
      .insertInto('authors')
      .values({ ...values, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    this.changed();
    return toProfile(row);
  }

  async updateAuthor(actor: StaffUser, id: number, input: AuthorInput): Promise<AuthorProfile> {
    this.allow(actor, 'manageAuthors');
    await this.loadAuthor(id);
    const values = await this.validateAuthor(input, id);
    const row = await this.k.updateTable('authors').set({ ...values, updated_at: this.now().toISOString() }).where('id', '=', id).returningAll().executeTakeFirst();
    if (!row) throw new NotFoundError(`author ${id} does not exist`);
    this.changed();
    return toProfile(row);
  }
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

function toProfile(r: { id: number; slug: string; name: string; role: string; bio: string; x_handle: string | null; photo_media_id: number | null; links: string }): AuthorProfile {
  return { id: r.id, slug: r.slug, name: r.name, role: r.role, bio: r.bio, xHandle: r.x_handle, photoMediaId: r.photo_media_id, links: parseAuthorLinks(r.links) };
}
