/**
 * Reader accounts, separate from staff: sign up with a password or by an emailed link,
 * verify the address, sign in (throttled like staff sign-in), sessions with a CSRF token,
 * change email or password, download everything we hold, delete the account.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DISPLAY_NAME, NAME_LENGTH_PROBLEM, cleanDisplayName, displayNameProblem, nameKey } from '../core/comments/display-names.js';
import { problemsFromSchema } from '../core/problems.js';
import type { Problem } from '../core/problems.js';
import type { Db } from '../storage/db.js';
import type { ReaderRow } from '../storage/schema.js';
import { emailSchema, hashToken, passwordSchema } from './accounts.js';
import type { Mailer } from './mail.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { ValidationError } from './publishing.js';
import type { RateLimiter } from './rate-limits.js';
import { SignInThrottle } from './sign-in-throttle.js';

export const READER_SESSION_DAYS = 60;
const LINK_MINUTES = { verify: 60 * 24 * 3, login: 30, email: 60 * 24 } as const;
export type LinkKind = keyof typeof LINK_MINUTES;

/**
 * Where a mailed link leads and in which words: the account pages of the edition the reader
 * is using, and its language (the site makes it: src/site/comments/account-mails.ts).
 */
export interface LinkMailPlace {
  /** The account area the link opens: '/account', or an edition's such as '/es/account'. */
  accountPath: string;
  words(kind: LinkKind, values: { siteName: string; link: string }): { subject: string; text: string };
}

export interface Reader {
  id: number;
  email: string;
  displayName: string;
  verified: boolean;
  banned: boolean;
  suspendedUntil: string | null;
  warnings: number;
  notifyReplies: boolean;
  approvedComments: number;
  rejectedComments: number;
  createdAt: string;
}

export interface ReaderSession {
  reader: Reader;
  csrfToken: string;
}

export const toReader = (r: ReaderRow): Reader => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  verified: r.email_verified_at !== null,
  banned: r.banned === 1,
  suspendedUntil: r.suspended_until,
  warnings: r.warnings,
  notifyReplies: r.notify_replies === 1,
  approvedComments: r.approved_count,
  rejectedComments: r.rejected_count,
  createdAt: r.created_at,
});

const signUpSchema = z.object({
  email: emailSchema,
  displayName: z.string().max(DISPLAY_NAME.max * 2),
  /** Empty: the reader signs in by emailed links only. */
  password: z.union([z.literal(''), passwordSchema]).default(''),
});

export interface ReadersDeps {
  db: Db;
  /** Shared counters (Redis) checked before the database's sign-in attempts. */
  rateLimiter?: RateLimiter;
  mailer: Mailer;
  origin: string;
  siteName: string;
  now?: () => Date;
}

const INVALID_EMAIL: Problem = { field: 'email', code: 'email.invalid', text: 'Enter a valid email address.' };

const newToken = () => randomBytes(32).toString('base64url');

export class Readers {
  private readonly now: () => Date;

  private readonly throttle: SignInThrottle;

  constructor(private readonly deps: ReadersDeps) {
    this.now = deps.now ?? (() => new Date());
    this.throttle = new SignInThrottle(deps.db, this.now, deps.rateLimiter);
  }

  private get k() {
    return this.deps.db.kysely;
  }

  async byId(id: number): Promise<Reader | undefined> {
    const row = await this.k.selectFrom('readers').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toReader(row);
  }

  /** Staff and bylines: names a reader may not take. */
  private async staffNames(): Promise<string[]> {
    const [users, authors] = await Promise.all([this.k.selectFrom('users').select('name').execute(), this.k.selectFrom('authors').select('name').execute()]);
    return [...users, ...authors].map((r) => r.name);
  }

  private async checkDisplayName(raw: string, exceptReaderId?: number): Promise<string> {
    const problem = displayNameProblem(raw, await this.staffNames());
    if (problem) throw ValidationError.of({ field: 'displayName', ...problem });
    const name = cleanDisplayName(raw);
    let q = this.k.selectFrom('readers').select('id').where('name_key', '=', nameKey(name));
    if (exceptReaderId !== undefined) q = q.where('id', '!=', exceptReaderId);
    if (await q.executeTakeFirst()) throw ValidationError.of({ field: 'displayName', code: 'displayName.taken', text: 'That name is taken. Try another.' });
    return name;
  }

  /**
   * Creates an unverified account and mails the verification link. An address already in use
   * gets a sign-in link instead, and the answer is the same either way, so the form does not
   * reveal who reads here. `place`: the edition whose account pages the mailed link opens,
   * and whose language the mail is in.
   */
  async signUp(raw: unknown, place: LinkMailPlace): Promise<void> {
    const parsed = signUpSchema.safeParse(raw);
    // An overlong name is cut short by the schema: the reader is told the name's rule itself.
    if (!parsed.success) throw ValidationError.of(...problemsFromSchema(parsed.error, { displayName: NAME_LENGTH_PROBLEM }));
    const { email, password } = parsed.data;
    const existing = await this.k.selectFrom('readers').select('id').where('email', '=', email).executeTakeFirst();
    if (existing) return this.requestSignInLink(email, place);
    const displayName = await this.checkDisplayName(parsed.data.displayName);
    const at = this.now().toISOString();
    const passwordHash = password ? await hashPassword(password) : null;
    const row = await this.k
      .insertInto('readers')
      .values({ email, display_name: displayName, name_key: nameKey(displayName), password_hash: passwordHash, email_verified_at: null, suspended_until: null, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.sendLink('verify', email, row.id, place);
  }

  /** Mails a one-time sign-in link when the address has an account; silent otherwise. */
  async requestSignInLink(rawEmail: string, place: LinkMailPlace): Promise<void> {
    const email = emailSchema.safeParse(rawEmail);
    if (!email.success) throw ValidationError.of(INVALID_EMAIL);
    const row = await this.k.selectFrom('readers').select('id').where('email', '=', email.data).executeTakeFirst();
    if (row) await this.sendLink('login', email.data, row.id, place);
  }

  private async sendLink(kind: LinkKind, email: string, readerId: number, place: LinkMailPlace): Promise<void> {
    const t = newToken();
    const now = this.now();
    await this.k
      .insertInto('reader_tokens')
      .values({ token_hash: hashToken(t), kind, reader_id: readerId, email, created_at: now.toISOString(), expires_at: new Date(now.getTime() + LINK_MINUTES[kind] * 60_000).toISOString(), used_at: null })
      .execute();
    const link = `${this.deps.origin}${place.accountPath}/link/${t}`;
    await this.deps.mailer.send({ to: email, ...place.words(kind, { siteName: this.deps.siteName, link }) });
  }

  /**
   * Uses a mailed link: verifies the address (and, for a change of email, switches to it)
   * and opens a session. A link works once and only before it expires.
   */
  async useLink(t: string): Promise<{ token: string; session: ReaderSession; kind: LinkKind }> {
    const now = this.now().toISOString();
    return this.k.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('reader_tokens').selectAll().where('token_hash', '=', hashToken(t)).executeTakeFirst();
      if (!row || row.used_at !== null || row.expires_at <= now || row.reader_id === null) throw ValidationError.of({ field: 'link', code: 'link.dead', text: 'This link has expired or was already used. Ask for a new one.' });
      const used = await trx.updateTable('reader_tokens').set({ used_at: now }).where('token_hash', '=', row.token_hash).where('used_at', 'is', null).executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) throw ValidationError.of({ field: 'link', code: 'link.used', text: 'This link was already used.' });
      const kind = row.kind as LinkKind;
      const changes = kind === 'email' ? { email: row.email, email_verified_at: now, updated_at: now } : { email_verified_at: now, updated_at: now };
      let q = trx.updateTable('readers').set(changes).where('id', '=', row.reader_id);
      if (kind !== 'email') q = q.where('email_verified_at', 'is', null);
      await q.execute();
      const session = await this.openSession(row.reader_id, trx);
      return { ...session, kind };
    });
  }

  private async openSession(readerId: number, trx = this.k): Promise<{ token: string; session: ReaderSession }> {
    const t = newToken();
    const csrfToken = newToken();
    const now = this.now();
    await trx
      .insertInto('reader_sessions')
      .values({ token_hash: hashToken(t), reader_id: readerId, csrf_token: csrfToken, created_at: now.toISOString(), expires_at: new Date(now.getTime() + READER_SESSION_DAYS * 86_400_000).toISOString() })
      .execute();
    const row = await trx.selectFrom('readers').selectAll().where('id', '=', readerId).executeTakeFirstOrThrow();
    return { token: t, session: { reader: toReader(row), csrfToken } };
  }

  /** Password sign-in, throttled per address and per IP with the staff limits. */
  async signIn(input: { email: string; password: string; ip: string }): Promise<{ token: string; session: ReaderSession } | undefined> {
    const email = input.email.trim().toLowerCase().slice(0, 254);
    // Reader attempts share the staff table under a prefix: one throttle, one cleanup.
    const key = `reader:${email}`;
    await this.throttle.check(key, input.ip);
    const row = await this.k.selectFrom('readers').selectAll().where('email', '=', email).executeTakeFirst();
    const ok = row?.password_hash ? await verifyPassword(input.password, row.password_hash) : await verifyPassword(input.password, await dummyPasswordHash()).then(() => false);
    await this.throttle.record(key, input.ip, ok);
    if (!ok || !row) return undefined;
    return this.openSession(row.id);
  }

  async session(t: string): Promise<ReaderSession | undefined> {
    const row = await this.k
      .selectFrom('reader_sessions as s')
      .innerJoin('readers as r', 'r.id', 's.reader_id')
      .selectAll('r')
      .select(['s.csrf_token', 's.expires_at'])
      .where('s.token_hash', '=', hashToken(t))
      .executeTakeFirst();
    if (!row || row.expires_at <= this.now().toISOString()) return undefined;
    return { reader: toReader(row), csrfToken: row.csrf_token };
  }

  async signOut(t: string): Promise<void> {
    await this.k.deleteFrom('reader_sessions').where('token_hash', '=', hashToken(t)).execute();
  }

  async signOutEverywhere(readerId: number): Promise<void> {
    await this.k.deleteFrom('reader_sessions').where('reader_id', '=', readerId).execute();
  }

  async updateProfile(readerId: number, input: { displayName: string; notifyReplies: boolean }): Promise<void> {
    const name = await this.checkDisplayName(input.displayName, readerId);
    await this.k.updateTable('readers').set({ display_name: name, name_key: nameKey(name), notify_replies: input.notifyReplies ? 1 : 0, updated_at: this.now().toISOString() }).where('id', '=', readerId).execute();
  }

  /** Sets a new password and closes every other session. */
  async changePassword(readerId: number, keepSessionToken: string, password: string): Promise<void> {
    const p = passwordSchema.safeParse(password);
    if (!p.success) throw ValidationError.of(...problemsFromSchema(p.error).slice(0, 1).map((problem) => ({ ...problem, field: 'password' })));
    const hash = await hashPassword(p.data);
    await this.k.transaction().execute(async (trx) => {
      await trx.updateTable('readers').set({ password_hash: hash, updated_at: this.now().toISOString() }).where('id', '=', readerId).execute();
      await trx.deleteFrom('reader_sessions').where('reader_id', '=', readerId).where('token_hash', '!=', hashToken(keepSessionToken)).execute();
    });
  }

  /** Mails a confirmation link to the new address; the account switches when it is used. */
  async requestEmailChange(readerId: number, rawEmail: string, place: LinkMailPlace): Promise<void> {
    const email = emailSchema.safeParse(rawEmail);
    if (!email.success) throw ValidationError.of(INVALID_EMAIL);
    if (await this.k.selectFrom('readers').select('id').where('email', '=', email.data).executeTakeFirst()) throw ValidationError.of({ field: 'email', code: 'email.taken', text: 'Another account uses that address.' });
    await this.sendLink('email', email.data, readerId, place);
  }

  /** Everything we hold about a reader, as they would download it. */
  async exportData(readerId: number): Promise<Record<string, unknown>> {
    const k = this.k;
    const [reader, comments, reactions, reports, follows] = await Promise.all([
      k.selectFrom('readers').select(['email', 'display_name', 'email_verified_at', 'notify_replies', 'warnings', 'banned', 'suspended_until', 'created_at', 'updated_at']).where('id', '=', readerId).executeTakeFirstOrThrow(),
      k.selectFrom('comments as c').innerJoin('articles as a', 'a.id', 'c.article_id').select(['c.id', 'c.article_id', 'a.headline', 'c.parent_id', 'c.body', 'c.status', 'c.created_at', 'c.edited_at']).where('c.reader_id', '=', readerId).orderBy('c.id').execute(),
      k.selectFrom('comment_reactions').select(['comment_id', 'created_at']).where('reader_id', '=', readerId).execute(),
      k.selectFrom('comment_reports').select(['comment_id', 'reason', 'note', 'created_at']).where('reader_id', '=', readerId).execute(),
      k.selectFrom('comment_follows').select(['root_id', 'created_at']).where('reader_id', '=', readerId).execute(),
    ]);
    return { exportedAt: this.now().toISOString(), account: reader, comments, likes: reactions, reports, followedThreads: follows };
  }
}
