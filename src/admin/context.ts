/** What newsroom routes share: services, options, and helpers to render and answer. */
import type { Editions } from '../core/editions.js';
import type { Translations } from '../services/translations.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { AssetManifest } from '../http/assets.js';
import type { Accounts } from '../services/accounts.js';
import type { CommentsService } from '../services/comments.js';
import type { Mailer } from '../services/mail.js';
import type { Moderation } from '../services/moderation.js';
import type { SearchService } from '../services/search.js';
import type { MediaLibrary, MediaLimits } from '../services/media-library.js';
import type { Newsroom } from '../services/newsroom.js';
import type { LiveBlogService } from '../services/live-blog.js';
import type { Previews } from '../services/previews.js';
import type { ReadingService } from '../services/reading.js';
import type { LeadVideos } from '../services/videos.js';
import { sendHtml } from '../http/compress.js';
import { renderDocument } from '../site/render.js';
import type { NewsroomLists } from '../storage/repositories/newsroom-lists.js';
import type { AdminContext } from './views/AdminLayout.js';
import { preSessionToken } from './security.js';

export interface AdminOptions {
  siteName: string;
  origin: string;
  timeZone: string;
  secureCookies: boolean;
}

export interface AdminDeps {
  accounts: Accounts;
  newsroom: Newsroom;
  /** Live coverage of stories (routes/live-blog.tsx, the story page's Live updates panel). */
  liveBlog: LiveBlogService;
  comments: CommentsService;
  moderation: Moderation;
  search: SearchService;
  lists: NewsroomLists;
  reading: ReadingService;
  mailer: Mailer;
  previews: Previews;
  translations: Translations;
  editions: Editions;
  media: MediaLibrary;
  mediaLimits: MediaLimits;
  assets: AssetManifest;
  options: AdminOptions;
  /** Lead videos: the story form's saved values and the address check (services/videos.ts). */
  videos?: LeadVideos;
}

export { field, fields } from '../http/forms.js';
export type { FormBody } from '../http/forms.js';

export function adminContext(deps: AdminDeps, req: FastifyRequest, reply: FastifyReply): AdminContext {
  const { assets, options } = deps;
  const optional = (file: string) => {
    try {
      return { url: assets.url(file), integrity: assets.integrity(file) };
    } catch {
      return undefined;
    }
  };
  return {
    siteName: options.siteName,
    user: req.staff?.user,
    csrfToken: req.staff?.csrfToken ?? preSessionToken(req, reply, { secure: options.secureCookies }),
    path: req.url.split('?')[0] ?? '/admin',
    assets: { css: { url: assets.url('admin.css'), integrity: assets.integrity('admin.css') }, editorCss: optional('editor.css'), editorJs: optional('editor.js'), icon: assets.url('favicon.svg') },
    timeZone: options.timeZone,
  };
}

/** Sends a newsroom page: never cached by anyone, never framed. */
export function sendAdminPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return sendHtml(reply.code(status).header('cache-control', 'no-store').header('x-frame-options', 'DENY'), renderDocument(page));
}
