/**
 * Who is talking to the comment and account routes, and whether a form really came from
 * this site. Readers sign in with their own cookie (staff keep theirs): HttpOnly,
 * SameSite=Lax, Secure behind HTTPS, backed by a server-side session.
 *
 * CSRF: the comment form sits on cached pages shared by every reader, so it cannot carry a
 * per-session token. State-changing reader requests therefore check where they come from
 * (OWASP's "verify origin with standard headers"): the browser's Sec-Fetch-Site, else the
 * Origin header, else the Referer, must name this site; a request naming none is refused.
 * Requests from the comments island also send the session's token (x-csrf-token), which
 * must then match. Together with SameSite=Lax, a form on another site cannot post as a
 * signed-in reader.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import { SESSION_COOKIE, safeEqual } from '../../admin/security.js';
import type { Session } from '../../services/accounts.js';
import type { Accounts } from '../../services/accounts.js';
import type { ReaderSession, Readers } from '../../services/readers.js';
import { READER_SESSION_DAYS } from '../../services/readers.js';

export const READER_COOKIE = 'nd_reader';

export interface Commenter {
  reader?: ReaderSession | undefined;
  staff?: Session | undefined;
  readerToken?: string | undefined;
}

export async function loadCommenter(req: FastifyRequest, deps: { readers: Readers; accounts: Accounts }): Promise<Commenter> {
  const readerToken = req.cookies[READER_COOKIE];
  const staffToken = req.cookies[SESSION_COOKIE];
  const [reader, staff] = await Promise.all([readerToken ? deps.readers.session(readerToken) : undefined, staffToken ? deps.accounts.session(staffToken) : undefined]);
  return { reader, staff, readerToken: reader ? readerToken : undefined };
}

export function setReaderCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(READER_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: READER_SESSION_DAYS * 86_400 });
}

export function clearReaderCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(READER_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/** True when the request demonstrably comes from a page of this site (see the module note). */
export function fromThisSite(req: FastifyRequest, siteOrigin: string): boolean {
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite === 'same-origin') return true;
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return false;
  const host = req.headers.host;
  const allowed = new Set([siteOrigin, ...(host ? [`http://${host}`, `https://${host}`] : [])]);
  const origin = req.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') return allowed.has(origin);
  const referer = req.headers.referer;
  if (typeof referer === 'string') return allowed.has(originOf(referer) ?? '');
  return false;
}

/** When a token is sent (island requests), it must be one of this browser's sessions' tokens. */
export function csrfHeaderValid(req: FastifyRequest, commenter: Commenter): boolean {
  const header = req.headers['x-csrf-token'];
  if (typeof header !== 'string') return true;
  return [commenter.reader?.csrfToken, commenter.staff?.csrfToken].some((expected) => expected !== undefined && safeEqual(header, expected));
}
