/**
 * Readers the way a browser makes them: sign up on the site, open the link from the email,
 * keep the session cookie. Requests carry the site's Origin, as a browser's form posts do.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { MailMessage } from '../../src/services/mail.js';
import type { TestApp } from './app.js';
import { TEST_ORIGIN } from './app.js';
import { encodeForm } from './staff.js';

export interface ReaderClient {
  id: number;
  email: string;
  name: string;
  cookie: string;
  ip: string;
  csrf: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, form: Record<string, string>, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  postJson(url: string, body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

let n = 0;

/** The last link to /account/link/... mailed to an address. */
export function linkFrom(mail: readonly MailMessage[], to: string): string {
  const message = [...mail].reverse().find((m) => m.to === to);
  const link = message && /https?:\/\/[^\s]+\/account\/link\/([A-Za-z0-9_-]+)/.exec(message.text);
  if (!link?.[1]) throw new Error(`no link mailed to ${to}`);
  return link[1];
}

export function anonymous(t: TestApp, ip = '198.51.100.1') {
  return {
    get: (url: string, headers: Record<string, string> = {}) => t.app.server.inject({ method: 'GET', url, headers, remoteAddress: ip }),
    post: (url: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
      t.app.server.inject({ method: 'POST', url, remoteAddress: ip, headers: { origin: TEST_ORIGIN, 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: encodeForm(form) }),
  };
}

/** Signs a reader up through the site and opens the verification link (unless told not to). */
export async function signedUpReader(t: TestApp, mail: readonly MailMessage[], opts: { name?: string; verify?: boolean; password?: string } = {}): Promise<ReaderClient> {
  const i = ++n;
  const email = `reader${i}@example.test`;
  const name = opts.name ?? `Reader ${i}`;
  const ip = `203.0.113.${i % 250}`;
  const anon = anonymous(t, ip);
  const signup = await anon.post('/account/signup', { email, displayName: name, password: opts.password ?? 'a long reader password' });
  if (signup.statusCode !== 200) throw new Error(`signup failed: ${signup.statusCode} ${signup.body.slice(0, 500)}`);
  let cookie = '';
  if (opts.verify !== false) {
    const used = await anon.post(`/account/link/${linkFrom(mail, email)}`, {});
    const c = used.cookies.find((x) => x.name === 'nd_reader');
    if (used.statusCode !== 303 || !c) throw new Error(`verification failed: ${used.statusCode}`);
    cookie = `nd_reader=${c.value}`;
  } else {
    const signin = await anon.post('/account/signin', { email, password: opts.password ?? 'a long reader password', next: '/account' });
    const c = signin.cookies.find((x) => x.name === 'nd_reader');
    if (!c) throw new Error(`sign-in failed: ${signin.statusCode}`);
    cookie = `nd_reader=${c.value}`;
  }
  const row = await t.app.db.kysely.selectFrom('readers').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const account = await t.app.server.inject({ method: 'GET', url: '/account', headers: { cookie }, remoteAddress: ip });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(account.body)?.[1] ?? '';
  return {
    id: row.id,
    email,
    name,
    cookie,
    ip,
    csrf,
    get: (url, headers = {}) => t.app.server.inject({ method: 'GET', url, headers: { cookie, ...headers }, remoteAddress: ip }),
    post: (url, form, headers = {}) =>
      t.app.server.inject({ method: 'POST', url, remoteAddress: ip, headers: { cookie, origin: TEST_ORIGIN, 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: encodeForm(form) }),
    postJson: (url, body, headers = {}) =>
      t.app.server.inject({ method: 'POST', url, remoteAddress: ip, headers: { cookie, origin: TEST_ORIGIN, accept: 'application/json', 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) }),
  };
}
