/** The media library screens: upload (several at once), search, edit, usage, delete. */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, policies } from '../../core/policies.js';
import type { StaffUser } from '../../core/staff.js';
import type { MediaLibrary } from '../../services/media-library.js';
import { UploadRejectedError } from '../../services/media-library.js';
import { NotFoundError, ValidationError } from '../../services/publishing.js';
import type { AdminDeps } from '../context.js';
import { adminContext, field, sendAdminPage } from '../context.js';
import { MediaEditPage, MediaListPage } from '../views/MediaViews.js';

interface UploadedFile {
  filename: string;
  toBuffer(): Promise<Buffer>;
}

const isFile = (v: unknown): v is UploadedFile => typeof v === 'object' && v !== null && 'toBuffer' in v && 'filename' in v;

export async function registerMediaRoutes(app: FastifyInstance, deps: AdminDeps, library: MediaLibrary, limits: { maxBytes: number }): Promise<void> {
  // Fields (the CSRF token included) are parsed before the CSRF check; files stay bounded.
  await app.register(multipart, { attachFieldsToBody: true, limits: { fileSize: limits.maxBytes, files: 10, fields: 10, fieldSize: 10_000 } });
  const staff = (req: FastifyRequest): StaffUser => {
    if (!req.staff) throw new ForbiddenError('uploadMedia');
    return req.staff.user;
  };
  const wantsJson = (req: FastifyRequest) => (req.headers.accept ?? '').includes('application/json');
  const uploadScript = () => ({ url: deps.assets.url('media-upload.js'), integrity: deps.assets.integrity('media-upload.js') });
  const maxMb = Math.round(limits.maxBytes / 1e6);

  async function listPage(req: FastifyRequest, reply: FastifyReply, q: string, status = 200, errors?: string[], notice?: string) {
    return sendAdminPage(reply, <MediaListPage ctx={adminContext(deps, req, reply)} items={await library.search(q)} q={q} errors={errors} notice={notice} uploadScript={uploadScript()} maxMb={maxMb} />, status);
  }

  app.get<{ Querystring: { q?: string } }>('/admin/media', { schema: { querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 200 } } } } }, (req, reply) => listPage(req, reply, req.query.q ?? ''));

  app.post('/admin/media', async (req, reply) => {
    const user = staff(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const raw = body.files;
    const files = (Array.isArray(raw) ? raw : [raw]).filter(isFile);
    if (files.length === 0) {
      if (wantsJson(req)) return reply.code(400).send({ error: 'Choose at least one image to upload.' });
      return listPage(req, reply, '', 400, ['Choose at least one image to upload.']);
    }
    const uploaded = [];
    try {
      for (const file of files) uploaded.push(await library.upload(user, { filename: file.filename, bytes: await file.toBuffer() }));
    } catch (err) {
      const tooBig = (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
      const status = err instanceof UploadRejectedError ? err.status : tooBig ? 413 : undefined;
      if (!status) throw err;
      const message = err instanceof UploadRejectedError ? err.message : `A file is larger than the ${maxMb} MB limit.`;
      if (wantsJson(req)) return reply.code(status).send({ error: message, uploaded: uploaded.map((m) => m.id) });
      return listPage(req, reply, '', status, [message]);
    }
    if (wantsJson(req)) return reply.code(201).send({ uploaded: uploaded.map((m) => ({ id: m.id, key: m.key, width: m.width, height: m.height })) });
    return listPage(req, reply, '', 201, undefined, `Uploaded ${uploaded.length} ${uploaded.length === 1 ? 'image' : 'images'}. Add alt text, caption and credit to each.`);
  });

  async function editPage(req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, status = 200, errors?: string[], notice?: string) {
    const m = await library.get(Number(req.params.id) || 0);
    if (!m) throw new NotFoundError('no such image');
    return sendAdminPage(reply, <MediaEditPage ctx={adminContext(deps, req, reply)} m={m} usage={await library.usage(m.id)} canDelete={policies.deleteMedia(staff(req))} errors={errors} notice={notice} />, status);
  }

  app.get<{ Params: { id: string } }>('/admin/media/:id', (req, reply) => editPage(req, reply));

  app.post<{ Params: { id: string } }>('/admin/media/:id', async (req, reply) => {
    await library.update(staff(req), Number(req.params.id) || 0, {
      alt: field(req.body, 'alt'),
      caption: field(req.body, 'caption'),
      credit: field(req.body, 'credit'),
      focalX: Number(field(req.body, 'focalX') || 0.5),
      focalY: Number(field(req.body, 'focalY') || 0.5),
    });
    return editPage(req, reply, 200, undefined, 'Saved.');
  });

  app.post<{ Params: { id: string } }>('/admin/media/:id/delete', async (req, reply) => {
    try {
      await library.delete(staff(req), Number(req.params.id) || 0);
      return reply.redirect('/admin/media', 303);
    } catch (err) {
      if (err instanceof ValidationError) return editPage(req, reply, 409, err.issues);
      throw err;
    }
  });
}
