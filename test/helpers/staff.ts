/** Signing newsroom staff in, the way a browser does: cookie plus the page's CSRF token. */
import type { LightMyRequestResponse } from 'fastify';
import type { StaffRole, StaffUser } from '../../src/core/staff.js';
import type { TestApp } from './app.js';

export interface Browserish {
  user: StaffUser;
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, form: Record<string, string | string[]>, opts?: { csrf?: string | null }): Promise<LightMyRequestResponse>;
}

let n = 0;

export function encodeForm(form: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const value of Array.isArray(v) ? v : [v]) p.append(k, value);
  return p.toString();
}

/** Creates an account with the role (through an invitation) and signs it in. */
export async function signedIn(t: TestApp, role: StaffRole, opts: { authorId?: number; password?: string } = {}): Promise<Browserish> {
  const email = `staff${++n}-${role}@example.test`;
  const password = opts.password ?? 'correct horse battery';
  const token = await t.app.accounts.invite({ email, role });
  const user = await t.app.accounts.acceptToken(token, { name: `${role} ${n}`, password });
  if (opts.authorId !== undefined) await t.app.accounts.linkAuthor(user.id, opts.authorId);
  const login = await t.app.server.inject({ method: 'POST', url: '/admin/login', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'nd_form=prelogin-token-abcdefghijk' }, payload: encodeForm({ email, password, _csrf: 'prelogin-token-abcdefghijk' }) });
  if (login.statusCode !== 303) throw new Error(`login failed: ${login.statusCode} ${login.body.slice(0, 300)}`);
  const sessionCookie = login.cookies.find((c) => c.name === 'nd_session');
  if (!sessionCookie) throw new Error('no session cookie');
  const cookie = `nd_session=${sessionCookie.value}`;
  const page = await t.app.server.inject({ method: 'GET', url: '/admin', headers: { cookie } });
  const csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return {
    user: { ...user, authorId: opts.authorId ?? null },
    cookie,
    csrf,
    get: (url) => t.app.server.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, form, o = {}) => {
      const token = o.csrf === undefined ? csrf : o.csrf;
      return t.app.server.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: encodeForm(token === null ? form : { ...form, _csrf: token }) });
    },
  };
}
