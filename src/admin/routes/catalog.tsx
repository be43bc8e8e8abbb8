/** Editors and administrators manage the catalogue: sections (tree and order), tags, authors. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StaffUser } from '../../core/staff.js';
import type { AuthorInput, AuthorProfile, CatalogAdmin, SectionInput, SectionTreeRow } from '../../services/catalog-admin.js';
import { NotFoundError, ValidationError } from '../../services/publishing.js';
import type { AdminDeps } from '../context.js';
import { adminContext, field, fields, sendAdminPage } from '../context.js';
import type { AuthorForm, SectionForm, TagForm } from '../views/CatalogViews.js';
import { AuthorEditPage, AuthorsPage, SectionEditPage, SectionsPage, TagEditPage, TagsPage } from '../views/CatalogViews.js';

type IdParams = { Params: { id: string } };
const TAG_LIST_LIMIT = 300;

/** Notices after a redirect, by key: the query string never carries text of its own. */
const NOTICES: Record<string, string> = {
  added: 'Section added.',
  saved: 'Saved.',
  moved: 'Moved.',
  deleted: 'Deleted.',
  created: 'Author created.',
};
const noticeFor = (req: FastifyRequest) => NOTICES[(req.query as { notice?: string } | undefined)?.notice ?? ''];

const idOf = (req: FastifyRequest<IdParams>): number => {
  const id = /^\d{1,9}$/.test(req.params.id) ? Number(req.params.id) : 0;
  if (id <= 0) throw new NotFoundError('no such item');
  return id;
};

/** A form's optional id field: '' is none; anything else is passed on for the service to check. */
const optionalId = (value: string): number | null => (value.trim() === '' ? null : /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);

function readSectionForm(body: unknown): SectionForm {
  return { name: field(body, 'name'), slug: field(body, 'slug'), description: field(body, 'description'), parentId: field(body, 'parentId'), language: field(body, 'language') || 'en' };
}

const sectionInput = (f: SectionForm): SectionInput => ({ name: f.name, slug: f.slug, description: f.description, parentId: optionalId(f.parentId), language: f.language });

function readAuthorForm(body: unknown): AuthorForm {
  const labels = fields(body, 'linkLabel');
  const urls = fields(body, 'linkUrl');
  const links = Array.from({ length: Math.max(labels.length, urls.length) }, (_, i) => ({ label: labels[i] ?? '', url: urls[i] ?? '' })).filter((l) => l.label.trim() || l.url.trim());
  return { name: field(body, 'name'), slug: field(body, 'slug'), role: field(body, 'role'), bio: field(body, 'bio'), xHandle: field(body, 'xHandle'), photoMediaId: field(body, 'photoMediaId'), links };
}

const authorInput = (f: AuthorForm): AuthorInput => ({ name: f.name, slug: f.slug, role: f.role, bio: f.bio, xHandle: f.xHandle, photoMediaId: optionalId(f.photoMediaId), links: f.links });

const authorForm = (a: AuthorProfile): AuthorForm => ({ name: a.name, slug: a.slug, role: a.role, bio: a.bio, xHandle: a.xHandle ?? '', photoMediaId: a.photoMediaId === null ? '' : String(a.photoMediaId), links: a.links });

export function registerCatalogRoutes(app: FastifyInstance, deps: AdminDeps, catalog: CatalogAdmin): void {
  const staff = (req: FastifyRequest): StaffUser => {
    if (!req.staff) throw new Error('route reached without a session');
    return req.staff.user;
  };

  // ---- Sections ------------------------------------------------------------------------

  const blankSection: SectionForm = { name: '', slug: '', description: '', parentId: '', language: 'en' };

  async function sectionsPage(req: FastifyRequest, reply: FastifyReply, form: SectionForm = blankSection, status = 200, errors?: string[]) {
    const rows = await catalog.listSections(staff(req));
    return sendAdminPage(reply, <SectionsPage ctx={adminContext(deps, req, reply)} rows={rows} form={form} errors={errors} notice={status === 200 ? noticeFor(req) : undefined} />, status);
  }

  async function sectionPage(req: FastifyRequest, reply: FastifyReply, id: number, form?: SectionForm, status = 200, errors?: string[]) {
    const section = await catalog.getSection(staff(req), id);
    const rows = await catalog.listSections(staff(req));
    const row = rows.find((r) => r.section.id === id);
    if (!row) throw new NotFoundError(`section ${id} does not exist`);
    // A section cannot move inside itself or its own subsections: those are not offered.
    const below = new Set(subtreeIds(rows, id));
    const parents = rows.filter((r) => r.section.language === section.language && !below.has(r.section.id)).map((r) => ({ id: r.section.id, trail: r.trail, language: r.section.language }));
    const shown = form ?? { name: section.name, slug: section.slug, description: section.description, parentId: section.parentId === null ? '' : String(section.parentId), language: section.language };
    return sendAdminPage(reply, <SectionEditPage ctx={adminContext(deps, req, reply)} row={row} form={shown} parents={parents} errors={errors} notice={status === 200 ? noticeFor(req) : undefined} />, status);
  }

  app.get('/admin/sections', (req, reply) => sectionsPage(req, reply));

  app.post('/admin/sections', async (req, reply) => {
    const form = readSectionForm(req.body);
    try {
      await catalog.createSection(staff(req), sectionInput(form));
      return reply.redirect('/admin/sections?notice=added', 303);
    } catch (err) {
      if (err instanceof ValidationError) return sectionsPage(req, reply, form, 400, err.issues);
      throw err;
    }
  });

  app.get<IdParams>('/admin/sections/:id', (req, reply) => sectionPage(req, reply, idOf(req)));

  app.post<IdParams>('/admin/sections/:id', async (req, reply) => {
    const id = idOf(req);
    const form = readSectionForm(req.body);
    try {
      await catalog.updateSection(staff(req), id, sectionInput(form));
      return reply.redirect(`/admin/sections/${id}?notice=saved`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return sectionPage(req, reply, id, form, 400, err.issues);
      throw err;
    }
  });

  app.post<IdParams>('/admin/sections/:id/move', async (req, reply) => {
    const id = idOf(req);
    const fromList = field(req.body, 'from') === 'list';
    const direction = field(req.body, 'direction');
    try {
      await catalog.moveSection(staff(req), id, direction === 'down' ? 'down' : 'up');
      return reply.redirect(fromList ? '/admin/sections?notice=moved' : `/admin/sections/${id}?notice=moved`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return fromList ? sectionsPage(req, reply, blankSection, 400, err.issues) : sectionPage(req, reply, id, undefined, 400, err.issues);
      throw err;
    }
  });

  app.post<IdParams>('/admin/sections/:id/delete', async (req, reply) => {
    const id = idOf(req);
    try {
      await catalog.deleteSection(staff(req), id);
      return reply.redirect('/admin/sections?notice=deleted', 303);
    } catch (err) {
      if (err instanceof ValidationError) return sectionPage(req, reply, id, undefined, 400, err.issues);
      throw err;
    }
  });

  // ---- Tags ----------------------------------------------------------------------------

  app.get<{ Querystring: { q?: string } }>('/admin/tags', async (req, reply) => {
    const q = (typeof req.query.q === 'string' ? req.query.q : '').slice(0, 120);
    const tags = await catalog.listTags(staff(req), { q, limit: TAG_LIST_LIMIT });
    return sendAdminPage(reply, <TagsPage ctx={adminContext(deps, req, reply)} tags={tags} q={q} limit={TAG_LIST_LIMIT} notice={noticeFor(req)} />);
  });

  async function tagPage(req: FastifyRequest, reply: FastifyReply, id: number, form?: TagForm, status = 200, errors?: string[]) {
    const tag = await catalog.getTag(staff(req), id);
    return sendAdminPage(reply, <TagEditPage ctx={adminContext(deps, req, reply)} tag={tag} form={form ?? { name: tag.name, slug: tag.slug }} errors={errors} notice={status === 200 ? noticeFor(req) : undefined} />, status);
  }

  app.get<IdParams>('/admin/tags/:id', (req, reply) => tagPage(req, reply, idOf(req)));

  app.post<IdParams>('/admin/tags/:id', async (req, reply) => {
    const id = idOf(req);
    const form: TagForm = { name: field(req.body, 'name'), slug: field(req.body, 'slug') };
    try {
      await catalog.updateTag(staff(req), id, form);
      return reply.redirect(`/admin/tags/${id}?notice=saved`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return tagPage(req, reply, id, form, 400, err.issues);
      throw err;
    }
  });

  app.post<IdParams>('/admin/tags/:id/delete', async (req, reply) => {
    await catalog.deleteTag(staff(req), idOf(req));
    return reply.redirect('/admin/tags?notice=deleted', 303);
  });

  // ---- Authors -------------------------------------------------------------------------

  /** Recent images, plus the current photo if it is older. */
  async function imageOptions(current: number | null) {
    const recent = await deps.media.search('', 100);
    const chosen = current && !recent.some((r) => r.id === current) ? await deps.media.get(current) : undefined;
    return [...(chosen ? [chosen] : []), ...recent].map((img) => ({ id: img.id, label: `#${img.id} ${img.alt || '(no alt text)'}${img.credit ? ` (${img.credit})` : ''}`.slice(0, 140) }));
  }

  async function authorPage(req: FastifyRequest, reply: FastifyReply, stored: AuthorProfile | null, form: AuthorForm, status = 200, errors?: string[]) {
    const photoId = optionalId(form.photoMediaId);
    const usable = photoId !== null && Number.isSafeInteger(photoId) ? photoId : null;
    const [images, photo] = await Promise.all([imageOptions(usable), usable === null ? undefined : deps.media.get(usable)]);
    return sendAdminPage(
      reply,
      <AuthorEditPage ctx={adminContext(deps, req, reply)} id={stored?.id ?? null} slug={stored?.slug ?? null} form={form} images={images} photo={photo} errors={errors} notice={status === 200 ? noticeFor(req) : undefined} />,
      status,
    );
  }

  app.get('/admin/authors', async (req, reply) => {
    const authors = await catalog.listAuthors(staff(req));
    return sendAdminPage(reply, <AuthorsPage ctx={adminContext(deps, req, reply)} authors={authors} notice={noticeFor(req)} />);
  });

  const blankAuthor: AuthorForm = { name: '', slug: '', role: '', bio: '', xHandle: '', photoMediaId: '', links: [] };

  app.get('/admin/authors/new', async (req, reply) => {
    // Listing checks the policy, so the empty form is refused to whoever could not save it.
    await catalog.listAuthors(staff(req));
    return authorPage(req, reply, null, blankAuthor);
  });

  app.post('/admin/authors', async (req, reply) => {
    const form = readAuthorForm(req.body);
    try {
      const created = await catalog.createAuthor(staff(req), authorInput(form));
      return reply.redirect(`/admin/authors/${created.id}?notice=created`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return authorPage(req, reply, null, form, 400, err.issues);
      throw err;
    }
  });

  app.get<IdParams>('/admin/authors/:id', async (req, reply) => {
    const author = await catalog.getAuthor(staff(req), idOf(req));
    return authorPage(req, reply, author, authorForm(author));
  });

  app.post<IdParams>('/admin/authors/:id', async (req, reply) => {
    const id = idOf(req);
    const form = readAuthorForm(req.body);
    try {
      await catalog.updateAuthor(staff(req), id, authorInput(form));
      return reply.redirect(`/admin/authors/${id}?notice=saved`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return authorPage(req, reply, await catalog.getAuthor(staff(req), id), form, 400, err.issues);
      throw err;
    }
  });
}

/** The section and every section below it, from the depth-first rows. */
function subtreeIds(rows: SectionTreeRow[], id: number): number[] {
  const start = rows.findIndex((r) => r.section.id === id);
  const root = rows[start];
  if (!root) return [];
  const out = [id];
  for (let i = start + 1; i < rows.length; i++) {
    const r = rows[i];
    if (!r || r.depth <= root.depth || r.section.language !== root.section.language) break;
    out.push(r.section.id);
  }
  return out;
}
