/**
 * Staff accounts: first-admin setup, sign-in with throttling, server-side sessions with a
 * CSRF token each, sign-out (here or everywhere), password reset and invitations.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { StaffRole, StaffUser } from '../core/staff.js';
import { STAFF_ROLES } from '../core/staff.js';
import type { Db } from '../storage/db.js';
import { MIN_PASSWORD_LENGTH, dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { ValidationError } from './publishing.js';
import type { RateLimiter } from './rate-limits.js';
import { SignInThrottle } from './sign-in-throttle.js';

export { THROTTLE, ThrottledError } from './sign-in-throttle.js';

export const SESSION_DAYS = 14;
const SETUP_TOKEN_HOURS = 24;
const RESET_TOKEN_HOURS = 2;
const INVITE_TOKEN_DAYS = 7;

export interface AccountsDeps {
  db: Db;
  now?: () => Date;
  /** Shared counters (Redis) checked before the database's sign-in attempts. */
  rateLimiter?: RateLimiter;
}

export interface Session {
  user: StaffUser;
  csrfToken: string;
  expiresAt: string;
}

export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

const token = () => randomBytes(32).toString('base64url');
export const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');
const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const emailSchema = z.email().max(254).transform(normaliseEmail);
export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`).max(200);
export const nameSchema = z.string().trim().min(1).max(120);

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new ValidationError(r.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`));
  return r.data;
}

interface UserRow {
  id: number;
  email: string;
  name: string;
  role: string;
  author_id: number | null;
  disabled: number;
}

const rowToUser = (r: UserRow): StaffUser => ({ id: r.id, email: r.email, name: r.name, role: r.role as StaffRole, authorId: r.author_id, disabled: r.disabled === 1 });

export class Accounts {
  private readonly now: () => Date;

  private readonly throttle: SignInThrottle;

  constructor(private readonly deps: AccountsDeps) {
    this.now = deps.now ?? (() => new Date());
    this.throttle = new SignInThrottle(deps.db, this.now, deps.rateLimiter);
  }

  private get k() {
    return this.deps.db.kysely;
  }

  async userCount(): Promise<number> {
    const r = await this.k.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async userById(id: number): Promise<StaffUser | undefined> {
    const r = await this.k.selectFrom('users').select(['id', 'email', 'name', 'role', 'author_id', 'disabled']).where('id', '=', id).executeTakeFirst();
    return r ? rowToUser(r) : undefined;
  }

  async listUsers(): Promise<StaffUser[]> {
    const rows = await this.k.selectFrom('users').select(['id', 'email', 'name', 'role', 'author_id', 'disabled']).orderBy('name').execute();
    return rows.map(rowToUser);
  }

  private async issueToken(kind: 'setup' | 'reset' | 'invite', fields: { email?: string; role?: StaffRole; userId?: number; createdBy?: number }, hours: number): Promise<string> {
    const t = token();
    const now = this.now();
    await this.k
      .insertInto('auth_tokens')
      .values({ token_hash: hashToken(t), kind, email: fields.email ?? '', role: fields.role ?? null, user_id: fields.userId ?? null, created_by: fields.createdBy ?? null, created_at: now.toISOString(), expires_at: new Date(now.getTime() + hours * 3_600_000).toISOString(), used_at: null })
      .execute();
    return t;
  }

  /** A one-time link token to create the first administrator, only while there are no users. */
  async setupToken(): Promise<string | undefined> {
    if ((await this.userCount()) > 0) return undefined;
    return this.issueToken('setup', {}, SETUP_TOKEN_HOURS);
  }

  /** An invitation (or, for the CLI's `user create`, a first-password link) for an email and role. */
  async invite(input: { email: string; role: StaffRole; createdBy?: number }): Promise<string> {
    const email = parse(emailSchema, input.email);
    const role = parse(z.enum(STAFF_ROLES), input.role);
    const existing = await this.k.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (existing) throw new ValidationError([`email: ${email} already has an account`]);
    return this.issueToken('invite', { email, role, ...(input.createdBy !== undefined ? { createdBy: input.createdBy } : {}) }, INVITE_TOKEN_DAYS * 24);
  }

  /** What a token is for, without using it (to show the right form). */
  async peekToken(t: string): Promise<{ kind: string; email: string; role: string | null } | undefined> {
    const row = await this.k.selectFrom('auth_tokens').select(['kind', 'email', 'role', 'expires_at', 'used_at']).where('token_hash', '=', hashToken(t)).executeTakeFirst();
    if (!row || row.used_at !== null || Date.parse(row.expires_at) <= this.now().getTime()) return undefined;
    return { kind: row.kind, email: row.email, role: row.role };
  }

  /**
   * Redeems a setup or invitation token: creates the account in the same transaction that
   * marks the token used, so a token creates at most one account.
   */
  async acceptToken(t: string, input: { name: string; email?: string; password: string }): Promise<StaffUser> {
    const name = parse(nameSchema, input.name);
    const password = parse(passwordSchema, input.password);
    const passwordHash = await hashPassword(password);
    const now = this.now().toISOString();
    return this.k.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('auth_tokens').selectAll().where('token_hash', '=', hashToken(t)).executeTakeFirst();
      if (!row || row.used_at !== null || Date.parse(row.expires_at) <= Date.parse(now) || (row.kind !== 'setup' && row.kind !== 'invite')) throw new InvalidTokenError('this link is invalid or has expired');
      let email: string;
      let role: StaffRole;
      if (row.kind === 'setup') {
        const users = await tx.selectFrom('users').select('id').limit(1).execute();
        if (users.length > 0) throw new InvalidTokenError('the first administrator already exists');
        email = parse(emailSchema, input.email ?? '');
        role = 'admin';
      } else {
        email = row.email;
        role = (row.role as StaffRole | null) ?? 'contributor';
      }
      const used = await tx.updateTable('auth_tokens').set({ used_at: now }).where('token_hash', '=', row.token_hash).where('used_at', 'is', null).executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) throw new InvalidTokenError('this link has already been used');
      const taken = await tx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      if (taken) throw new ValidationError([`email: ${email} already has an account`]);
      const user = await tx
        .insertInto('users')
        .values({ email, name, role, password_hash: passwordHash, author_id: null, disabled: 0, created_at: now, updated_at: now })
        .returning(['id', 'email', 'name', 'role', 'author_id', 'disabled'])
        .executeTakeFirstOrThrow();
      return rowToUser(user);
    });
  }

  /** Signs in; throws ThrottledError when an account or address has failed too often. */
  async signIn(input: { email: string; password: string; ip: string; userAgent: string }): Promise<{ token: string; session: Session } | undefined> {
    const email = normaliseEmail(input.email).slice(0, 254);
    await this.throttle.check(email, input.ip);
    const row = await this.k.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    const ok = row?.password_hash ? await verifyPassword(input.password, row.password_hash) : await verifyPassword(input.password, await dummyPasswordHash()).then(() => false);
    const now = this.now();
    await this.throttle.record(email, input.ip, ok && row?.disabled === 0);
    if (!ok || !row || row.disabled === 1) return undefined;
    const t = token();
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
    const csrfToken = token();
    await this.k
      .insertInto('sessions')
      .values({ token_hash: hashToken(t), user_id: row.id, csrf_token: csrfToken, ip: input.ip.slice(0, 64), user_agent: input.userAgent.slice(0, 300), created_at: now.toISOString(), expires_at: expiresAt })
      .execute();
    return { token: t, session: { user: rowToUser(row), csrfToken, expiresAt } };
  }

  async session(t: string): Promise<Session | undefined> {
    const row = await this.k
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.author_id', 'u.disabled', 's.csrf_token', 's.expires_at'])
      .where('s.token_hash', '=', hashToken(t))
      .executeTakeFirst();
    if (!row || row.disabled === 1 || Date.parse(row.expires_at) <= this.now().getTime()) return undefined;
    return { user: rowToUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
  }

  async signOut(t: string): Promise<void> {
    await this.k.deleteFrom('sessions').where('token_hash', '=', hashToken(t)).execute();
  }

  /** Ends every session of a user, on every device (and every app instance: sessions live in the database). */
  async signOutEverywhere(userId: number): Promise<void> {
    await this.k.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  /** A reset token for an existing, enabled account; undefined (and no hint) otherwise. */
  async requestPasswordReset(emailInput: string): Promise<{ token: string; user: StaffUser } | undefined> {
    const email = normaliseEmail(emailInput);
    const row = await this.k.selectFrom('users').select(['id', 'email', 'name', 'role', 'author_id', 'disabled']).where('email', '=', email).executeTakeFirst();
    if (!row || row.disabled === 1) return undefined;
    return { token: await this.issueToken('reset', { userId: row.id, email }, RESET_TOKEN_HOURS), user: rowToUser(row) };
  }

  /** Sets a new password from a reset link and ends all existing sessions of that account. */
  async resetPassword(t: string, passwordInput: string): Promise<StaffUser> {
    const password = parse(passwordSchema, passwordInput);
    const passwordHash = await hashPassword(password);
    const now = this.now().toISOString();
    return this.k.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('auth_tokens').selectAll().where('token_hash', '=', hashToken(t)).where('kind', '=', 'reset').executeTakeFirst();
      if (!row || row.used_at !== null || Date.parse(row.expires_at) <= Date.parse(now) || row.user_id === null) throw new InvalidTokenError('this link is invalid or has expired');
      await tx.updateTable('auth_tokens').set({ used_at: now }).where('token_hash', '=', row.token_hash).execute();
      await tx.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', row.user_id).execute();
      await tx.deleteFrom('sessions').where('user_id', '=', row.user_id).execute();
      const user = await tx.selectFrom('users').select(['id', 'email', 'name', 'role', 'author_id', 'disabled']).where('id', '=', row.user_id).executeTakeFirstOrThrow();
      return rowToUser(user);
    });
  }

  async setRole(userId: number, role: StaffRole): Promise<void> {
    await this.k.updateTable('users').set({ role: parse(z.enum(STAFF_ROLES), role), updated_at: this.now().toISOString() }).where('id', '=', userId).execute();
  }

  async linkAuthor(userId: number, authorId: number | null): Promise<void> {
    await this.k.updateTable('users').set({ author_id: authorId, updated_at: this.now().toISOString() }).where('id', '=', userId).execute();
  }
}
