/**
 * Reader accounts on the site: sign up, sign in by password or emailed link, the account
 * page and its forms, data download and deletion. Forms of a signed-in reader carry the
 * session's CSRF token; every POST also passes the origin check (security.ts).
 *
 * Every edition has the account pages under its own prefix (/account, /es/account), in its
 * language: a reader who signs in from the Spanish edition stays in Spanish, and the links
 * mailed from there lead back to it. The account itself is one, whichever edition it is used from.
 */
import { field } from '../../http/forms.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { safeEqual } from '../../admin/security.js';
import { ThrottledError } from '../../services/accounts.js';
import { ValidationError } from '../../services/publishing.js';
import type { Edition } from '../../core/editions.js';
import { editionPath } from '../../core/editions.js';
import { formErrors } from '../i18n/problems.js';
import type { MessageKey, MessageValues } from '../i18n/translate.js';
import { sendPrivatePage } from '../render.js';
import { AccountPage, DELETE_WORD, LinkConfirmPage, SignInPage, SignUpPage } from '../views/comments/AccountPages.js';
import { MessagePage } from '../views/comments/CommentPages.js';
import { accountMails } from './reader-mails.js';
import type { CommentRouteDeps } from './routes.js';
import type { Commenter } from './security.js';
import { clearReaderCookie, loadCommenter, setReaderCookie } from './security.js';


/** Only same-site paths: a `next` parameter must never send a reader elsewhere. */
const safeNext = (value: unknown, fallback: string): string => (typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && value.length < 500 ? value : fallback);

/** `?notice=` on the account page: what just happened. */
const ACCOUNT_NOTICES: Partial<Record<string, MessageKey>> = {
  saved: 'account.notice.saved',
  verified: 'account.notice.verified',
  signedin: 'account.notice.signedin',
  password: 'account.notice.password',
  email: 'account.notice.email',
  'email-changed': 'account.notice.emailChanged',
};


export function registerAccountRoutes(app: FastifyInstance, deps: CommentRouteDeps): void {
  for (const edition of deps.site.editions.all) registerEditionAccountRoutes(app, deps, edition);
}

/** The account pages of one edition, at `<prefix>/account...`. */
function registerEditionAccountRoutes(app: FastifyInstance, deps: CommentRouteDeps, edition: Edition): void {
  const { readers, comments, site } = deps;
  const secure = deps.options.secureCookies;
  /** This edition's path for an account page: at('/account/signin') is '/es/account/signin' in Spanish. */
  const at = (path: string) => editionPath(edition, path);
  const home = at('/account');
  const context = (path: string) => site.context(at(path), edition);
  const nextOr = (value: unknown) => safeNext(value, home);
  const mails = accountMails(edition);

  async function message(reply: FastifyReply, path: string, title: MessageKey, text: MessageKey, values: MessageValues = {}, status = 200) {
    const ctx = await context(path);
    return sendPrivatePage(
      reply,
      <MessagePage ctx={ctx} title={ctx.t(title)} status={status >= 400 ? 'error' : 'ok'}>
        <p>{ctx.t(text, values)}</p>
      </MessagePage>,
      status,
    );
  }

  /** The signed-in reader with a valid form token, or a redirect / refusal. */
  async function signedInReader(req: FastifyRequest, reply: FastifyReply, checkToken: boolean): Promise<Commenter | undefined> {
    const c = await loadCommenter(req, deps);
    if (!c.reader) {
      await reply.redirect(`${at('/account/signin')}?next=${encodeURIComponent(home)}`, 303);
      return undefined;
    }
    if (checkToken && !safeEqual(field(req.body, '_csrf'), c.reader.csrfToken)) {
      await message(reply, '/account', 'account.expiredTitle', 'account.expiredText', {}, 403);
      return undefined;
    }
    return c;
  }

  app.get<{ Querystring: { next?: string } }>(at('/account/signup'), async (req, reply) =>
    sendPrivatePage(reply, <SignUpPage ctx={await context('/account/signup')} next={nextOr(req.query.next)} values={{ email: '', displayName: '' }} />),
  );

  app.post(at('/account/signup'), async (req, reply) => {
    const values = { email: field(req.body, 'email'), displayName: field(req.body, 'displayName') };
    const next = nextOr(field(req.body, 'next'));
    try {
      await readers.signUp({ ...values, password: field(req.body, 'password') }, mails);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const ctx = await context('/account/signup');
      return sendPrivatePage(reply, <SignUpPage ctx={ctx} next={next} values={values} errors={formErrors(ctx.t, err)} />, 400);
    }
    return message(reply, '/account/signup', 'account.checkEmailTitle', 'account.checkEmailSignUp', { email: values.email.trim() });
  });

  app.get<{ Querystring: { next?: string } }>(at('/account/signin'), async (req, reply) =>
    sendPrivatePage(reply, <SignInPage ctx={await context('/account/signin')} next={nextOr(req.query.next)} email="" />),
  );

  app.post(at('/account/signin'), async (req, reply) => {
    const email = field(req.body, 'email');
    const next = nextOr(field(req.body, 'next'));
    const page = async (error: MessageKey, status: number) => {
      const ctx = await context('/account/signin');
      return sendPrivatePage(reply, <SignInPage ctx={ctx} next={next} email={email} errors={[{ text: ctx.t(error) }]} />, status);
    };
    try {
      const signed = await readers.signIn({ email, password: field(req.body, 'password'), ip: req.ip });
      if (!signed) return await page('account.wrongPassword', 400);
      setReaderCookie(reply, signed.token, secure);
      return reply.redirect(next, 303);
    } catch (err) {
      if (err instanceof ThrottledError) return page('account.throttled', 429);
      throw err;
    }
  });

  app.post(at('/account/signin-link'), async (req, reply) => {
    const email = field(req.body, 'email');
    try {
      await readers.requestSignInLink(email, mails);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const ctx = await context('/account/signin');
      return sendPrivatePage(reply, <SignInPage ctx={ctx} next={home} email={email} errors={formErrors(ctx.t, err)} />, 400);
    }
    // The same answer whether or not the address has an account.
    return message(reply, '/account/signin', 'account.checkEmailTitle', 'account.checkEmailLink');
  });

  const tokenParams = { type: 'object', properties: { token: { type: 'string', pattern: '^[A-Za-z0-9_-]{20,100}$' } }, required: ['token'] } as const;

  app.get<{ Params: { token: string } }>(at('/account/link/:token'), { schema: { params: tokenParams } }, async (req, reply) =>
    sendPrivatePage(reply, <LinkConfirmPage ctx={await context('/account/link')} token={req.params.token} />),
  );

  app.post<{ Params: { token: string } }>(at('/account/link/:token'), { schema: { params: tokenParams } }, async (req, reply) => {
    try {
      const used = await readers.useLink(req.params.token);
      setReaderCookie(reply, used.token, secure);
      return reply.redirect(`${home}?notice=${used.kind === 'verify' ? 'verified' : used.kind === 'email' ? 'email-changed' : 'signedin'}`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return message(reply, '/account/link', 'account.linkDeadTitle', 'account.linkDeadText', {}, 400);
      throw err;
    }
  });

  app.post(at('/account/signout'), async (req, reply) => {
    const c = await loadCommenter(req, deps);
    if (c.reader && c.readerToken) {
      if (field(req.body, 'everywhere') === '1' && safeEqual(field(req.body, '_csrf'), c.reader.csrfToken)) await readers.signOutEverywhere(c.reader.reader.id);
      else await readers.signOut(c.readerToken);
    }
    clearReaderCookie(reply, secure);
    return reply.redirect(at('/'), 303);
  });

  app.get<{ Querystring: { notice?: string } }>(at('/account'), async (req, reply) => {
    const c = await signedInReader(req, reply, false);
    if (!c?.reader) return reply;
    const history = await comments.history(c.reader.reader.id);
    const ctx = await context('/account');
    const notice = ACCOUNT_NOTICES[req.query.notice ?? ''];
    return sendPrivatePage(reply, <AccountPage ctx={ctx} reader={c.reader.reader} csrf={c.reader.csrfToken} history={history} notice={notice ? ctx.t(notice) : undefined} />);
  });

  /** Runs an account form; a validation error re-renders the page with it. */
  async function accountForm(req: FastifyRequest, reply: FastifyReply, action: (c: Commenter & { reader: NonNullable<Commenter['reader']> }) => Promise<string>) {
    const c = await signedInReader(req, reply, true);
    if (!c?.reader) return reply;
    const reader = c.reader;
    try {
      const notice = await action({ ...c, reader });
      return reply.redirect(`${home}?notice=${notice}`, 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const history = await comments.history(reader.reader.id);
      const ctx = await context('/account');
      return sendPrivatePage(reply, <AccountPage ctx={ctx} reader={reader.reader} csrf={reader.csrfToken} history={history} errors={formErrors(ctx.t, err)} />, 400);
    }
  }

  app.post(at('/account/profile'), (req, reply) =>
    accountForm(req, reply, async (c) => {
      await readers.updateProfile(c.reader.reader.id, { displayName: field(req.body, 'displayName'), notifyReplies: field(req.body, 'notifyReplies') === '1' });
      return 'saved';
    }),
  );

  app.post(at('/account/password'), (req, reply) =>
    accountForm(req, reply, async (c) => {
      await readers.changePassword(c.reader.reader.id, c.readerToken ?? '', field(req.body, 'password'));
      return 'password';
    }),
  );

  app.post(at('/account/email'), (req, reply) =>
    accountForm(req, reply, async (c) => {
      await readers.requestEmailChange(c.reader.reader.id, field(req.body, 'email'), mails);
      return 'email';
    }),
  );

  app.get(at('/account/export'), async (req, reply) => {
    const c = await signedInReader(req, reply, false);
    if (!c?.reader) return reply;
    const data = await readers.exportData(c.reader.reader.id);
    return reply.header('cache-control', 'private, no-store').header('content-disposition', 'attachment; filename="newsdesk-my-data.json"').type('application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
  });

  app.post(at('/account/delete'), async (req, reply) => {
    const c = await signedInReader(req, reply, true);
    if (!c?.reader) return reply;
    if (field(req.body, 'confirm') !== DELETE_WORD) {
      const history = await comments.history(c.reader.reader.id);
      const ctx = await context('/account');
      return sendPrivatePage(reply, <AccountPage ctx={ctx} reader={c.reader.reader} csrf={c.reader.csrfToken} history={history} errors={[{ text: ctx.t('account.deleteConfirmError', { word: DELETE_WORD }), field: 'confirm' }]} />, 400);
    }
    await comments.deleteAccount(c.reader.reader.id);
    clearReaderCookie(reply, secure);
    return message(reply, '/account', 'account.deletedTitle', 'account.deletedText');
  });
}
