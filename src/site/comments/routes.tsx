/**
 * Reader comment routes. Every one answers a plain form (redirect or page) and the comments
 * island (JSON, with Accept: application/json), so posting, replying, liking and reporting
 * work without JavaScript. None of these responses is cached: they depend on the reader.
 */
import type { ServerResponse } from 'node:http';
import { field } from '../../http/forms.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { COMMENT_LIMITS, normaliseCommentText } from '../../core/comments/body.js';
import { CommentRejectedError } from '../../core/comments/pipeline.js';
import { COMMENT_SORTS, REPORT_REASONS } from '../../core/comments/settings.js';
import type { ContentEvents } from '../../core/events.js';
import type { CommentSort, ReportReason } from '../../core/comments/settings.js';
import { ThrottledError } from '../../services/accounts.js';
import type { Accounts } from '../../services/accounts.js';
import type { Editions } from '../../core/editions.js';
import { RateLimitedError } from '../../services/comments.js';
import type { CommentAuthor, CommentView, CommentsService } from '../../services/comments.js';
import { NotFoundError, ValidationError } from '../../services/publishing.js';
import type { ReadingService } from '../../services/reading.js';
import type { Readers } from '../../services/readers.js';
import type { ReplyNotifier } from '../../services/reply-notifications.js';
import { formatDateTime } from '../format.js';
import { formErrors, refusalLines } from '../i18n/problems.js';
import type { FormError } from '../i18n/problems.js';
import type { MessageKey } from '../i18n/translate.js';
import { renderFragment, sendPrivatePage } from '../render.js';
import type { SiteHelpers } from '../routes.js';
import type { CommentsViewer, GuestValues } from '../views/comments/CommentsSection.js';
import { CommentItem, countText } from '../views/comments/CommentsSection.js';
import { CommentsPage, EditCommentPage, MessagePage, RepliesPage, ReportPage, UnsubscribePage, reasonName } from '../views/comments/CommentPages.js';
import type { PageContext } from '../views/context.js';
import { registerAccountRoutes } from './account-routes.js';
import type { Commenter } from './security.js';
import { csrfHeaderValid, fromThisSite, loadCommenter, setReaderCookie } from './security.js';


/** Refusals of the text itself, which the comment field is marked with (not a closed thread or an account's standing). */
const TEXT_REFUSALS: ReadonlySet<CommentRejectedError['code']> = new Set(['too-short', 'too-long', 'too-many-links', 'banned-words', 'duplicate']);

export interface CommentRouteDeps {
  comments: CommentsService;
  readers: Readers;
  accounts: Accounts;
  reading: ReadingService;
  notifier: ReplyNotifier;
  events: ContentEvents;
  site: SiteHelpers;
  options: { origin: string; secureCookies: boolean };
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : typeof v === 'string' && /^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : undefined);

const wantsJson = (req: FastifyRequest) => (req.headers.accept ?? '').includes('application/json');

/** `?notice=` on the comments page: the message shown after a plain form post. */
const NOTICES: Partial<Record<string, MessageKey>> = {
  published: 'comments.notice.published',
  held: 'comments.notice.held',
  reported: 'comments.notice.reported',
  deleted: 'comments.notice.deleted',
  liked: 'comments.notice.liked',
};

/**
 * A refused comment in the reader's language. The moderation pipeline and the rate limit
 * word their refusals in English; their codes and the site's settings say the same in the
 * message files. A refusal this does not know keeps the service's words.
 */
function refusalText(ctx: PageContext, err: CommentRejectedError | RateLimitedError, facts: { body: string; settings: { minLength: number; maxLength: number }; suspendedUntil?: string | null | undefined }): string {
  const { t } = ctx;
  if (err instanceof RateLimitedError) {
    const seconds = err.retryAfterSeconds;
    return seconds < 120 ? t('comments.error.tooFast', { unit: 'seconds', amount: seconds }) : t('comments.error.tooFast', { unit: 'minutes', amount: Math.ceil(seconds / 60) });
  }
  switch (err.code) {
    case 'closed':
      return t('comments.closed');
    case 'banned':
      return t('comments.error.banned');
    case 'suspended':
      return facts.suspendedUntil ? t('comments.error.suspended', { date: formatDateTime(facts.suspendedUntil, ctx.dates) }) : err.message;
    case 'too-short':
      return t('comments.error.tooShort', { min: facts.settings.minLength });
    case 'too-long':
      return t('comments.error.tooLong', { max: facts.settings.maxLength, length: normaliseCommentText(facts.body).length });
    case 'too-many-links':
      return t('comments.error.tooManyLinks', { max: COMMENT_LIMITS.maxLinks });
    case 'banned-words':
      return t('comments.error.bannedWords');
    case 'duplicate':
      return t('comments.error.duplicate');
  }
}

const idParams = { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9]{1,9}$' } }, required: ['id'] } as const;
const threadQuery = {
  type: 'object',
  properties: {
    sort: { type: 'string', enum: [...COMMENT_SORTS] },
    page: { type: 'integer', minimum: 1, maximum: 10_000 },
    reply: { type: 'integer', minimum: 1 },
    notice: { type: 'string', maxLength: 20 },
  },
} as const;


export function registerCommentRoutes(app: FastifyInstance, deps: CommentRouteDeps): void {
  const { comments, reading, site } = deps;
  // Open live streams never go idle: end them when the server shuts down, or close() would
  // wait for readers to leave.
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', (done) => {
    // Tell each reader's browser to reconnect at once (to another instance, or to this one
    // restarted), then end the stream.
    for (const stream of streams) stream.end('retry: 500\nevent: reconnect\ndata: {}\n\n');
    done();
  });

  async function story(id: number) {
    const found = await reading.publicArticle(id);
    if (!found) throw new NotFoundError('no such story');
    return found;
  }

  /** Comment pages speak the language of their story's edition. */
  async function storyContext(articleId: number, path = `/articles/${articleId}/comments`) {
    const found = await reading.publicArticle(articleId);
    return site.context(path, site.editions.of(found?.article.language ?? site.editions.default.language));
  }

  /** The language of a comment's story (for answers about one comment); the default edition's when it is gone. */
  async function commentContext(commentId: number, path = `/comments/${commentId}`) {
    const c = await comments.view(commentId);
    return c ? storyContext(c.articleId, path) : site.context(path, site.editions.default);
  }

  function authorOf(c: Commenter): CommentAuthor | undefined {
    if (c.staff) return { kind: 'staff', user: c.staff.user };
    if (c.reader) return { kind: 'reader', readerId: c.reader.reader.id };
    return undefined;
  }

  async function viewerOf(c: Commenter, articleId: number): Promise<CommentsViewer | undefined> {
    if (c.staff) return { name: c.staff.user.name, kind: 'staff', pending: [] };
    if (c.reader) {
      const state = await comments.viewerState(articleId, c.reader.reader.id);
      const actions = { own: new Map(state.own.map((o) => [o.id, o.editableUntil])), following: new Set(state.following), now: new Date().toISOString() };
      return { name: c.reader.reader.displayName, kind: 'reader', pending: state.pending, actions };
    }
    return undefined;
  }

  /** The full thread page: sort, pages, reply form, this reader's held comments. */
  async function threadPage(req: FastifyRequest, articleId: number, opts: { sort?: CommentSort | undefined; page?: number | undefined; replyTo?: number | undefined; notice?: MessageKey | undefined; body?: string; guest?: GuestValues; errors?: FormError[]; signInInline?: boolean; commenter?: Commenter }) {
    const { article, url } = await story(articleId);
    const commenter = opts.commenter ?? (await loadCommenter(req, deps));
    const [thread, settings, viewer, replyTo] = await Promise.all([
      comments.thread(articleId, { ...(opts.sort ? { sort: opts.sort } : {}), ...(opts.page ? { page: opts.page } : {}) }),
      comments.settings(),
      viewerOf(commenter, articleId),
      opts.replyTo ? comments.view(opts.replyTo) : Promise.resolve(undefined),
    ]);
    const ctx = await storyContext(articleId);
    return (
      <CommentsPage
        ctx={ctx}
        headline={article.headline}
        articleUrl={url}
        thread={thread}
        guests={settings.guestComments}
        viewer={viewer}
        replyTo={replyTo?.articleId === articleId && replyTo.status === 'approved' ? replyTo : undefined}
        body={opts.body ?? ''}
        guest={opts.guest}
        errors={opts.errors ?? []}
        notice={opts.notice ? ctx.t(opts.notice) : undefined}
        signInInline={opts.signInInline ?? false}
      />
    );
  }

  // A comment's permalink: to its place on the story page.
  app.get<{ Params: { id: string } }>('/comments/:id', { schema: { params: idParams } }, async (req, reply) => {
    const c = await comments.view(Number(req.params.id));
    if (!c || c.status !== 'approved') throw new NotFoundError('no such comment');
    const { url } = await story(c.articleId);
    return reply.header('cache-control', 'no-store').redirect(c.depth === 0 ? `${url}#comment-${c.id}` : `/articles/${c.articleId}/comments/replies/${c.rootId}?skip=0#comment-${c.id}`, 302);
  });

  app.get<{ Params: { id: string }; Querystring: { sort?: CommentSort; page?: number; reply?: number; notice?: string } }>(
    '/articles/:id/comments',
    { schema: { params: idParams, querystring: threadQuery } },
    async (req, reply) => {
      const q = req.query;
      return sendPrivatePage(reply, await threadPage(req, Number(req.params.id), { sort: q.sort, page: q.page, replyTo: q.reply, notice: q.notice ? NOTICES[q.notice] : undefined }));
    },
  );

  // "More comments" and re-sorting for the island: the list items of one page.
  app.get<{ Params: { id: string }; Querystring: { sort?: CommentSort; page?: number } }>(
    '/articles/:id/comments/fragment',
    { schema: { params: idParams, querystring: threadQuery } },
    async (req, reply) => {
      const articleId = Number(req.params.id);
      await story(articleId);
      const thread = await comments.thread(articleId, { sort: req.query.sort ?? 'newest', page: req.query.page ?? 1 });
      const ctx = await storyContext(articleId);
      const html = thread.comments.map((c) => renderFragment(<CommentItem c={c} ctx={ctx} />)).join('');
      return reply.header('cache-control', 'no-store').send({ html, hasMore: thread.hasMore, count: thread.count, countText: countText(ctx.t, thread.count), page: thread.page, sort: thread.sort });
    },
  );

  app.get<{ Params: { id: string; root: string }; Querystring: { skip?: number } }>(
    '/articles/:id/comments/replies/:root',
    { schema: { params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9]{1,9}$' }, root: { type: 'string', pattern: '^[0-9]{1,9}$' } } }, querystring: { type: 'object', properties: { skip: { type: 'integer', minimum: 0, maximum: 100_000 } } } } },
    async (req, reply) => {
      const root = await comments.view(Number(req.params.root));
      if (!root || root.articleId !== Number(req.params.id) || root.depth !== 0 || root.status !== 'approved') throw new NotFoundError('no such thread');
      const { url } = await story(root.articleId);
      const replies = await comments.moreReplies(root.id, req.query.skip ?? 0);
      const ctx = await storyContext(root.articleId);
      if (wantsJson(req)) return reply.header('cache-control', 'no-store').send({ html: replies.map((c) => renderFragment(<CommentItem c={c} ctx={ctx} />)).join('') });
      return sendPrivatePage(reply, <RepliesPage ctx={ctx} root={root} replies={replies} articleUrl={url} />);
    },
  );

  // What the island needs to know about this reader: who, their token, their likes and held comments.
  app.get<{ Params: { id: string } }>('/articles/:id/comments/me', { schema: { params: idParams } }, async (req, reply) => {
    const articleId = Number(req.params.id);
    const c = await loadCommenter(req, deps);
    reply.header('cache-control', 'private, no-store');
    if (!c.reader && !c.staff) return reply.send({ signedIn: false });
    const ctx = await storyContext(articleId);
    const state = c.reader ? await comments.viewerState(articleId, c.reader.reader.id) : { liked: [], pending: [], own: [], following: [] };
    return reply.send({
      signedIn: true,
      name: c.staff ? c.staff.user.name : c.reader?.reader.displayName,
      staff: Boolean(c.staff),
      csrf: c.staff ? c.staff.csrfToken : c.reader?.csrfToken,
      liked: state.liked,
      own: state.own,
      following: state.following,
      editWindowMinutes: (await comments.settings()).editWindowMinutes,
      pendingHtml: state.pending.map((p) => renderFragment(<CommentItem c={p} ctx={ctx} own />)).join(''),
    });
  });

  // Live updates: new visible comments (rendered as on the page), removals, and the count.
  app.get<{ Params: { id: string } }>('/articles/:id/comments/events', { schema: { params: idParams } }, async (req, reply) => {
    const articleId = Number(req.params.id);
    await story(articleId);
    const ctx = await storyContext(articleId);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    // Reconnect after 3 s if the connection drops; the island resyncs the count on reconnect.
    res.write('retry: 3000\n\n');
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    // The count now: the page holding this connection may be a cached copy older than the thread.
    const count = await comments.repo.articleCount(articleId);
    send('count', { count, countText: countText(ctx.t, count) });
    const unsubscribe = deps.events.subscribe((e) => {
      if ((e.type !== 'comment.visible' && e.type !== 'comment.hidden') || e.articleId !== articleId) return;
      if (e.type === 'comment.hidden') return send('hidden', { id: e.commentId, count: e.count, countText: countText(ctx.t, e.count) });
      comments
        .view(e.commentId)
        .then((c) => {
          if (c && c.status === 'approved') send('comment', { id: c.id, parentId: c.parentId, rootId: c.rootId, depth: c.depth, count: e.count, countText: countText(ctx.t, e.count), html: renderFragment(<CommentItem c={c} ctx={ctx} />) });
        })
        .catch((err: unknown) => req.log.error({ err }, 'live comment event failed'));
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    streams.add(res);
    req.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  });

  app.post<{ Params: { id: string } }>('/articles/:id/comments', { schema: { params: idParams } }, async (req, reply) => {
    const articleId = Number(req.params.id);
    const json = wantsJson(req);
    const body = req.body;
    const text = field(body, 'body');
    const parentId = num(field(body, 'parentId') || (body as { parentId?: unknown } | undefined)?.parentId);
    let commenter = await loadCommenter(req, deps);
    const ctx = await storyContext(articleId);
    const { t } = ctx;
    if (!csrfHeaderValid(req, commenter)) return reply.code(403).send({ error: t('comments.error.expired') });

    // The page again with the reader's words in it (body and guest fields) and what to correct.
    const guest = { name: field(body, 'guestName'), email: field(body, 'guestEmail') };
    const fail = async (status: number, errors: FormError[], signInInline = false) => {
      const lines = errors.map((e) => e.text);
      if (json) return reply.code(status).header('cache-control', 'no-store').send({ error: lines.join(' '), errors: lines });
      return sendPrivatePage(reply, await threadPage(req, articleId, { replyTo: parentId, body: text, guest, errors, signInInline, commenter }), status);
    };

    // A reader who wrote before signing in signs in with the same form: the text is not lost.
    const email = field(body, 'email');
    if (!commenter.reader && !commenter.staff && email) {
      try {
        const signed = await deps.readers.signIn({ email, password: field(body, 'password'), ip: req.ip });
        if (!signed) return await fail(400, [{ text: t('account.wrongPassword') }], true);
        setReaderCookie(reply, signed.token, deps.options.secureCookies);
        commenter = { reader: signed.session, readerToken: signed.token };
      } catch (err) {
        if (err instanceof ThrottledError) return await fail(429, [{ text: t('comments.error.throttled') }], true);
        throw err;
      }
    }

    let author = authorOf(commenter);
    if (!author) {
      const settings = await comments.settings();
      const guestName = field(body, 'guestName');
      if (settings.guestComments && (guestName || field(body, 'guestEmail'))) author = { kind: 'guest', name: guestName, email: field(body, 'guestEmail') };
      else return await fail(401, [{ text: t('comments.error.signInToPost') }], true);
    }

    try {
      const result = await comments.post({ articleId, body: text, ...(parentId ? { parentId } : {}) }, author, req.ip);
      const c = result.comment;
      if (json) {
        const count = await comments.repo.articleCount(articleId);
        const message = t(c.status === 'approved' ? 'comments.notice.published' : 'comments.notice.held');
        return reply.code(201).header('cache-control', 'no-store').send({ id: c.id, status: c.status, message, html: renderFragment(<CommentItem c={c} ctx={ctx} own />), count, countText: countText(t, count) });
      }
      return reply.redirect(`/articles/${articleId}/comments?notice=${c.status === 'approved' ? 'published' : 'held'}#comment-${c.id}`, 303);
    } catch (err) {
      const refused = async (e: CommentRejectedError | RateLimitedError) => refusalText(ctx, e, { body: text, settings: await comments.settings(), suspendedUntil: commenter.reader?.reader.suspendedUntil });
      if (err instanceof CommentRejectedError) return await fail(422, [{ text: await refused(err), field: TEXT_REFUSALS.has(err.code) ? 'body' : undefined }]);
      if (err instanceof ValidationError) return await fail(400, formErrors(t, err));
      if (err instanceof RateLimitedError) {
        reply.header('retry-after', String(err.retryAfterSeconds));
        return await fail(429, [{ text: await refused(err) }]);
      }
      throw err;
    }
  });

  /** The signed-in reader, or an answer (in the language of the comment's story) telling them to sign in. */
  async function requireReader(req: FastifyRequest, reply: FastifyReply, commentId: number): Promise<Commenter | undefined> {
    const c = await loadCommenter(req, deps);
    if (!csrfHeaderValid(req, c)) {
      await reply.code(403).send({ error: (await commentContext(commentId)).t('comments.error.expired') });
      return undefined;
    }
    if (c.reader) return c;
    if (wantsJson(req)) await reply.code(401).send({ error: (await commentContext(commentId)).t('comments.error.signInFirst') });
    else await reply.redirect(`${(await commentContext(commentId)).url('/account/signin')}?next=${encodeURIComponent(safeBack(req))}`, 303);
    return undefined;
  }

  /** Where a no-JavaScript form returns to: the page it was on, if it was ours. */
  function safeBack(req: FastifyRequest): string {
    const referer = req.headers.referer;
    try {
      if (referer) {
        const u = new URL(referer);
        if (u.origin === deps.options.origin || u.host === req.headers.host) return `${u.pathname}${u.search}`;
      }
    } catch {
      // fall through
    }
    return '/';
  }

  app.post<{ Params: { id: string } }>('/comments/:id/like', { schema: { params: idParams } }, async (req, reply) => {
    const c = await requireReader(req, reply, Number(req.params.id));
    if (!c?.reader) return reply;
    try {
      const result = await comments.toggleLike(Number(req.params.id), c.reader.reader.id);
      if (wantsJson(req)) return reply.header('cache-control', 'no-store').send(result);
      return reply.redirect(`${safeBack(req)}#comment-${req.params.id}`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return reply.code(400).send({ error: refusalLines((await commentContext(Number(req.params.id))).t, err).join(' ') });
      throw err;
    }
  });

  app.get<{ Params: { id: string } }>('/comments/:id/report', { schema: { params: idParams } }, async (req, reply) => {
    const comment = await comments.view(Number(req.params.id));
    if (!comment || comment.status !== 'approved') throw new NotFoundError('no such comment');
    return sendPrivatePage(reply, <ReportPage ctx={await storyContext(comment.articleId, `/comments/${comment.id}/report`)} comment={comment} />);
  });

  // Anyone may report (guests too, when they can read it); a signed-in reader once per comment.
  app.post<{ Params: { id: string } }>('/comments/:id/report', { schema: { params: idParams } }, async (req, reply) => {
    const c = await loadCommenter(req, deps);
    const id = Number(req.params.id);
    if (!csrfHeaderValid(req, c)) return reply.code(403).send({ error: (await commentContext(id)).t('comments.error.expired') });
    const reason = field(req.body, 'reason');
    try {
      await comments.report(id, { readerId: c.reader?.reader.id ?? null, ip: req.ip }, reason, field(req.body, 'note'));
    } catch (err) {
      // The one refusal here is the reason: name the reasons there are, in the story's language.
      if (!(err instanceof ValidationError)) throw err;
      const comment = await comments.view(id);
      if (!comment) throw new NotFoundError('no such comment');
      const ctx = await storyContext(comment.articleId, `/comments/${id}/report`);
      const reasons = (Object.keys(REPORT_REASONS) as ReportReason[]).map((r) => reasonName(ctx.t, r)).join(', ');
      const error = ctx.t('comments.error.chooseReason', { reasons });
      if (wantsJson(req)) return reply.code(400).send({ error });
      return sendPrivatePage(reply, <ReportPage ctx={ctx} comment={comment} error={error} />, 400);
    }
    if (wantsJson(req)) return reply.header('cache-control', 'no-store').send({ message: (await commentContext(id)).t('comments.notice.reported') });
    const comment = await comments.view(id);
    return reply.redirect(`/articles/${comment?.articleId ?? 0}/comments?notice=reported#comment-${id}`, 303);
  });

  app.get<{ Params: { id: string } }>('/comments/:id/edit', { schema: { params: idParams } }, async (req, reply) => {
    const c = await loadCommenter(req, deps);
    if (!c.reader) return reply.redirect(`${(await commentContext(Number(req.params.id))).url('/account/signin')}?next=${encodeURIComponent(req.url)}`, 303);
    const comment = await comments.view(Number(req.params.id));
    if (!comment || comment.readerId !== c.reader.reader.id || comment.status === 'deleted' || comment.status === 'rejected') throw new NotFoundError('no such comment of yours');
    return sendPrivatePage(reply, <EditCommentPage ctx={await storyContext(comment.articleId, `/comments/${comment.id}/edit`)} comment={comment} />);
  });

  app.post<{ Params: { id: string } }>('/comments/:id/edit', { schema: { params: idParams } }, async (req, reply) => {
    const c = await requireReader(req, reply, Number(req.params.id));
    if (!c?.reader) return reply;
    const reader = c.reader.reader;
    try {
      const edited = await comments.edit(Number(req.params.id), c.reader.reader.id, field(req.body, 'body'));
      if (wantsJson(req)) {
        const ctx = await storyContext(edited.articleId);
        return reply.header('cache-control', 'no-store').send({ status: edited.status, html: renderFragment(<CommentItem c={edited} ctx={ctx} own />) });
      }
      return reply.redirect(`/articles/${edited.articleId}/comments#comment-${edited.id}`, 303);
    } catch (err) {
      if (!(err instanceof ValidationError || err instanceof CommentRejectedError)) throw err;
      const comment = await comments.view(Number(req.params.id));
      const ctx = comment ? await storyContext(comment.articleId, `/comments/${comment.id}/edit`) : await commentContext(Number(req.params.id));
      const message = err instanceof ValidationError ? refusalLines(ctx.t, err).join(' ') : refusalText(ctx, err, { body: field(req.body, 'body'), settings: await comments.settings(), suspendedUntil: reader.suspendedUntil });
      if (wantsJson(req)) return reply.code(422).send({ error: message });
      if (!comment) throw new NotFoundError('no such comment');
      return sendPrivatePage(reply, <EditCommentPage ctx={ctx} comment={{ ...comment, body: field(req.body, 'body') }} error={message} />, 422);
    }
  });

  app.post<{ Params: { id: string } }>('/comments/:id/delete', { schema: { params: idParams } }, async (req, reply) => {
    const c = await requireReader(req, reply, Number(req.params.id));
    if (!c?.reader) return reply;
    const before = await comments.view(Number(req.params.id));
    await comments.deleteOwn(Number(req.params.id), c.reader.reader.id);
    if (wantsJson(req)) return reply.header('cache-control', 'no-store').send({ deleted: true });
    return reply.redirect(`/articles/${before?.articleId ?? 0}/comments?notice=deleted`, 303);
  });

  app.post<{ Params: { id: string } }>('/comments/:id/follow', { schema: { params: idParams } }, async (req, reply) => {
    const c = await requireReader(req, reply, Number(req.params.id));
    if (!c?.reader) return reply;
    const follow = field(req.body, 'follow') !== '0';
    const target: CommentView | undefined = await comments.view(Number(req.params.id));
    if (!target) throw new NotFoundError('no such comment');
    await comments.setFollow(target.rootId, c.reader.reader.id, follow);
    if (wantsJson(req)) return reply.header('cache-control', 'no-store').send({ following: follow });
    return reply.redirect(`/articles/${target.articleId}/comments#comment-${target.id}`, 303);
  });

  // Unsubscribe links: GET confirms (mail scanners fetch links), POST acts; RFC 8058
  // one-click POSTs come from the mail provider, so only the signature is checked.
  const unsubscribeQuery = { type: 'object', properties: { r: { type: 'integer', minimum: 1 }, t: { type: 'string', pattern: '^([0-9]{1,9}|all)$' }, s: { type: 'string', maxLength: 100 } }, required: ['r', 't', 's'] } as const;
  type UnsubscribeQuery = { Querystring: { r: number; t: string; s: string } };
  const scopeOf = (q: UnsubscribeQuery['Querystring']) => ({ readerId: q.r, rootId: q.t === 'all' ? ('all' as const) : Number(q.t) });

  /** The unsubscribe pages speak the language of the thread's story (the default edition's for "all"). */
  const unsubscribeContext = (q: UnsubscribeQuery['Querystring']) => {
    const { rootId } = scopeOf(q);
    return rootId === 'all' ? site.context('/comments/unsubscribe', site.editions.default) : commentContext(rootId, '/comments/unsubscribe');
  };

  app.get<UnsubscribeQuery>('/comments/unsubscribe', { schema: { querystring: unsubscribeQuery } }, async (req, reply) => {
    const ctx = await unsubscribeContext(req.query);
    const action = `/comments/unsubscribe?r=${req.query.r}&t=${encodeURIComponent(req.query.t)}&s=${encodeURIComponent(req.query.s)}`;
    return sendPrivatePage(reply, <UnsubscribePage ctx={ctx} action={action} all={req.query.t === 'all'} />);
  });

  app.post<UnsubscribeQuery>('/comments/unsubscribe', { schema: { querystring: unsubscribeQuery } }, async (req, reply) => {
    const ok = await deps.notifier.unsubscribe(scopeOf(req.query), req.query.s);
    const ctx = await unsubscribeContext(req.query);
    const { t } = ctx;
    return sendPrivatePage(
      reply,
      <MessagePage ctx={ctx} title={ok ? t('comments.unsubscribed') : t('comments.unsubscribeBadTitle')} status={ok ? 'ok' : 'error'}>
        <p>{ok ? (req.query.t === 'all' ? t('comments.unsubscribedAll') : t('comments.unsubscribedThread')) : t('comments.unsubscribeBadText')}</p>
      </MessagePage>,
      ok ? 200 : 400,
    );
  });

  registerAccountRoutes(app, deps);
}

/** Origin check for every state-changing reader request (see security.ts), with the exception it names. */
export function registerReaderOriginCheck(app: FastifyInstance, origin: string, editions: Editions): void {
  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'POST') return;
    // Account pages live in every edition (/account, /es/account).
    const path = editions.fromPath(req.url.split('?')[0] ?? '').rest;
    const readerRoute = path.startsWith('/comments/') || path.startsWith('/account/') || /^\/articles\/\d+\/comments$/.test(path);
    if (!readerRoute || path === '/comments/unsubscribe') return;
    if (!fromThisSite(req, origin)) {
      return reply.code(403).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('This form did not come from this site, so it was not accepted (CSRF check). Go back, reload the page and try again.');
    }
  });
}
