/** Sign-in, sign-out, first-admin setup, invitations and password reset. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InvalidTokenError, ThrottledError } from '../../services/accounts.js';
import { ValidationError } from '../../services/publishing.js';
import type { AdminDeps } from '../context.js';
import { adminContext, field, sendAdminPage } from '../context.js';
import { clearSessionCookie, setSessionCookie } from '../security.js';
import { AccountSetupPage, ForgotPage, InvalidLinkPage, LoginPage, ResetPage } from '../views/AuthPages.js';

/** Only same-site paths under /admin are allowed as a post-login destination. */
function safeNext(next: string): string {
  return /^\/admin(\/[^/\\]|$|\?)/.test(next) && !next.includes('//') ? next : '/admin';
}

export function registerAuthRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { accounts, options } = deps;
  const cookieOpts = { secure: options.secureCookies };
  const page = (req: FastifyRequest, reply: FastifyReply) => adminContext(deps, req, reply);

  app.get<{ Querystring: { next?: string } }>('/admin/login', (req, reply) => {
    if (req.staff) return reply.redirect('/admin', 303);
    return sendAdminPage(reply, <LoginPage ctx={page(req, reply)} next={safeNext(req.query.next ?? '/admin')} />);
  });

  app.post('/admin/login', async (req, reply) => {
    const email = field(req.body, 'email');
    const next = safeNext(field(req.body, 'next'));
    try {
      const result = await accounts.signIn({ email, password: field(req.body, 'password'), ip: req.ip, userAgent: req.headers['user-agent'] ?? '' });
      if (!result) return sendAdminPage(reply, <LoginPage ctx={page(req, reply)} email={email} next={next} errors={['That email and password do not match an account.']} />, 401);
      setSessionCookie(reply, result.token, result.session.expiresAt, cookieOpts);
      return reply.redirect(next, 303);
    } catch (err) {
      if (!(err instanceof ThrottledError)) throw err;
      reply.header('retry-after', String(err.retryAfterSeconds));
      return sendAdminPage(reply, <LoginPage ctx={page(req, reply)} email={email} next={next} errors={[`Too many failed attempts. Try again in ${Math.ceil(err.retryAfterSeconds / 60)} minutes, or reset your password.`]} />, 429);
    }
  });

  app.post('/admin/logout', async (req, reply) => {
    const token = req.cookies.nd_session;
    if (token) await accounts.signOut(token);
    clearSessionCookie(reply, cookieOpts);
    return reply.redirect('/admin/login', 303);
  });

  app.post('/admin/logout-everywhere', async (req, reply) => {
    if (req.staff) await accounts.signOutEverywhere(req.staff.user.id);
    clearSessionCookie(reply, cookieOpts);
    return reply.redirect('/admin/login', 303);
  });

  const tokenPage = (kind: 'setup' | 'invite') => async (req: FastifyRequest<{ Querystring: { token?: string } }>, reply: FastifyReply) => {
    const token = req.query.token ?? '';
    const info = token ? await accounts.peekToken(token) : undefined;
    if (!info || info.kind !== kind) return sendAdminPage(reply, <InvalidLinkPage ctx={page(req, reply)} />, 404);
    return sendAdminPage(reply, <AccountSetupPage ctx={page(req, reply)} token={token} kind={kind} email={info.email} />);
  };
  const tokenSubmit = (kind: 'setup' | 'invite') => async (req: FastifyRequest, reply: FastifyReply) => {
    const token = field(req.body, 'token');
    const name = field(req.body, 'name');
    const email = field(req.body, 'email');
    try {
      const info = await accounts.peekToken(token);
      if (!info || info.kind !== kind) throw new InvalidTokenError('invalid');
      const user = await accounts.acceptToken(token, { name, password: field(req.body, 'password'), ...(kind === 'setup' ? { email } : {}) });
      const signedIn = await accounts.signIn({ email: user.email, password: field(req.body, 'password'), ip: req.ip, userAgent: req.headers['user-agent'] ?? '' });
      if (signedIn) setSessionCookie(reply, signedIn.token, signedIn.session.expiresAt, cookieOpts);
      return reply.redirect('/admin', 303);
    } catch (err) {
      if (err instanceof InvalidTokenError) return sendAdminPage(reply, <InvalidLinkPage ctx={page(req, reply)} />, 410);
      if (err instanceof ValidationError) return sendAdminPage(reply, <AccountSetupPage ctx={page(req, reply)} token={token} kind={kind} email={email} name={name} errors={err.issues} />, 400);
      throw err;
    }
  };
  app.get('/admin/setup', tokenPage('setup'));
  app.post('/admin/setup', tokenSubmit('setup'));
  app.get('/admin/accept', tokenPage('invite'));
  app.post('/admin/accept', tokenSubmit('invite'));

  app.get('/admin/forgot', (req, reply) => sendAdminPage(reply, <ForgotPage ctx={page(req, reply)} />));
  app.post('/admin/forgot', async (req, reply) => {
    const reset = await accounts.requestPasswordReset(field(req.body, 'email'));
    if (reset) {
      await deps.mailer.send({
        to: reset.user.email,
        subject: `Reset your ${options.siteName} newsroom password`,
        text: `Someone asked to reset the password of your newsroom account.\n\nTo choose a new password, open this link within two hours:\n${options.origin}/admin/reset?token=${reset.token}\n\nIf it was not you, ignore this message: your password stays as it is.`,
      });
    }
    // The same answer either way, so the form does not reveal who has an account.
    return sendAdminPage(reply, <ForgotPage ctx={page(req, reply)} notice="If that address has an account, a reset link is on its way." />);
  });

  app.get<{ Querystring: { token?: string } }>('/admin/reset', async (req, reply) => {
    const token = req.query.token ?? '';
    const info = token ? await accounts.peekToken(token) : undefined;
    if (!info || info.kind !== 'reset') return sendAdminPage(reply, <InvalidLinkPage ctx={page(req, reply)} />, 404);
    return sendAdminPage(reply, <ResetPage ctx={page(req, reply)} token={token} />);
  });
  app.post('/admin/reset', async (req, reply) => {
    const token = field(req.body, 'token');
    try {
      await accounts.resetPassword(token, field(req.body, 'password'));
      clearSessionCookie(reply, cookieOpts);
      return sendAdminPage(reply, <LoginPage ctx={page(req, reply)} notice="Your password has been changed. Sign in with the new one." />);
    } catch (err) {
      if (err instanceof InvalidTokenError) return sendAdminPage(reply, <InvalidLinkPage ctx={page(req, reply)} />, 410);
      if (err instanceof ValidationError) return sendAdminPage(reply, <ResetPage ctx={page(req, reply)} token={token} errors={err.issues} />, 400);
      throw err;
    }
  });
}
