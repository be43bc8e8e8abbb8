/**
 * Sessions and CSRF for the newsroom. The session cookie is HttpOnly, SameSite=Lax and Secure
 * behind HTTPS; the session row (server side) holds the CSRF token every state-changing
 * request must echo, as a form field `_csrf` or an `x-csrf-token` header. Forms used before
 * sign-in (login, setup, reset) use a double-submit cookie instead.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { Accounts, Session } from '../services/accounts.js';

export const SESSION_COOKIE = 'nd_session';
export const PRE_SESSION_COOKIE = 'nd_form';

declare module 'fastify' {
  interface FastifyRequest {
    staff: Session | undefined;
  }
}

export interface CookieOptions {
  secure: boolean;
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: string, opts: CookieOptions): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secure, expires: new Date(expiresAt) });
}

export function clearSessionCookie(reply: FastifyReply, opts: CookieOptions): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secure });
}

/** The token an anonymous form carries; set as a cookie the first time a form is shown. */
export function preSessionToken(req: FastifyRequest, reply: FastifyReply, opts: CookieOptions): string {
  const existing = req.cookies[PRE_SESSION_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{20,}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  reply.setCookie(PRE_SESSION_COOKIE, token, { path: '/admin', httpOnly: true, sameSite: 'strict', secure: opts.secure });
  return token;
}

function submittedToken(req: FastifyRequest): string {
  const header = req.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = req.body as Record<string, unknown> | undefined;
  const field = body && typeof body === 'object' ? body._csrf : undefined;
  if (typeof field === 'string') return field;
  // Multipart forms (uploads) carry fields as { value } objects.
  const value = typeof field === 'object' && field !== null ? (field as { value?: unknown }).value : undefined;
  return typeof value === 'string' ? value : '';
}

/** True when the request carries the CSRF token of its session (or of its anonymous form). */
export function csrfValid(req: FastifyRequest): boolean {
  const submitted = submittedToken(req);
  if (!submitted) return false;
  if (req.staff) return safeEqual(submitted, req.staff.csrfToken);
  const cookie = req.cookies[PRE_SESSION_COOKIE];
  return cookie !== undefined && safeEqual(submitted, cookie);
}

/** Loads the staff session from its cookie (an expired or unknown one is simply ignored). */
export async function loadSession(req: FastifyRequest, accounts: Accounts): Promise<void> {
  const token = req.cookies[SESSION_COOKIE];
  req.staff = token ? await accounts.session(token) : undefined;
}
