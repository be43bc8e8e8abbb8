/**
 * Reply emails: when a reply becomes visible, the readers following the thread (everyone
 * who posted in it follows it, until they unsubscribe) get one message each, with a one-click unsubscribe
 * (RFC 8058 List-Unsubscribe-Post) that needs no sign-in. Sent after the comment is
 * committed; a failed send is logged and never undoes the comment.
 */
import type { Language } from '../core/articles.js';
import type { Db } from '../storage/db.js';
import type { Mailer } from './mail.js';
import type { SigningKey } from './signing.js';

export interface ReplyNotifierDeps {
  db: Db;
  mailer: Mailer;
  signing: SigningKey;
  origin: string;
  siteName: string;
  /** The words of a reply mail in a story's language (the site makes them: site/comments/reader-mails.ts). */
  words: ReplyMailWords;
  onError: (err: unknown) => void;
}

/** What one reply mail says, to be put in words. `direct`: a reply to the recipient's own comment. */
export interface ReplyMail {
  direct: boolean;
  name: string;
  author: string;
  headline: string;
  body: string;
  url: string;
  siteName: string;
  unsubscribe: string;
}

export type ReplyMailWords = (language: Language, mail: ReplyMail) => { subject: string; text: string };

/** What an unsubscribe link stops: one thread, or every reply email. */
export type UnsubscribeScope = { readerId: number; rootId: number | 'all' };

const excerpt = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1).trimEnd()}…` : text);

export class ReplyNotifier {
  constructor(private readonly deps: ReplyNotifierDeps) {}

  private get k() {
    return this.deps.db.kysely;
  }

  /** Fire and forget: the caller has already answered the reader. */
  notify(commentId: number): void {
    this.send(commentId).catch(this.deps.onError);
  }

  async send(commentId: number): Promise<number> {
    const c = await this.k
      .selectFrom('comments as c')
      .innerJoin('articles as a', 'a.id', 'c.article_id')
      .select(['c.id', 'c.parent_id', 'c.root_id', 'c.reader_id', 'c.author_name', 'c.body', 'c.status', 'c.depth', 'a.headline', 'a.language'])
      .where('c.id', '=', commentId)
      .executeTakeFirst();
    if (!c || c.status !== 'approved' || c.depth === 0 || c.root_id === null) return 0;
    const parent = c.parent_id !== null ? await this.k.selectFrom('comments').select(['reader_id']).where('id', '=', c.parent_id).executeTakeFirst() : undefined;
    const followers = await this.k.selectFrom('comment_follows').select('reader_id').where('root_id', '=', c.root_id).execute();
    // Everyone who posts in a thread follows it, so the parent's author is among the followers
    // unless they unsubscribed from it: one list, one way to stop.
    const ids = new Set(followers.map((f) => f.reader_id));
    if (c.reader_id !== null) ids.delete(c.reader_id);
    if (ids.size === 0) return 0;
    const recipients = await this.k
      .selectFrom('readers')
      .select(['id', 'email', 'display_name'])
      .where('id', 'in', [...ids])
      .where('notify_replies', '=', 1)
      .where('banned', '=', 0)
      .where('email_verified_at', 'is not', null)
      .execute();
    const { origin, siteName } = this.deps;
    for (const r of recipients) {
      const unsubscribe = await this.unsubscribeUrl({ readerId: r.id, rootId: c.root_id });
      const direct = r.id === (parent?.reader_id ?? null);
      const words = this.deps.words(c.language as Language, { direct, name: r.display_name, author: c.author_name, headline: excerpt(c.headline, 60), body: excerpt(c.body, 600), url: `${origin}/comments/${c.id}`, siteName, unsubscribe });
      await this.deps.mailer.send({
        to: r.email,
        ...words,
        headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      });
    }
    return recipients.length;
  }

  async unsubscribeUrl(scope: UnsubscribeScope): Promise<string> {
    const message = `${scope.readerId}.${scope.rootId}`;
    return `${this.deps.origin}/comments/unsubscribe?r=${scope.readerId}&t=${scope.rootId}&s=${await this.deps.signing.sign(message)}`;
  }

  /** Verifies a link's signature and stops the emails it names. False when the link was altered. */
  async unsubscribe(scope: UnsubscribeScope, signature: string): Promise<boolean> {
    if (!(await this.deps.signing.verify(`${scope.readerId}.${scope.rootId}`, signature))) return false;
    if (scope.rootId === 'all') await this.k.updateTable('readers').set({ notify_replies: 0 }).where('id', '=', scope.readerId).execute();
    else await this.k.deleteFrom('comment_follows').where('reader_id', '=', scope.readerId).where('root_id', '=', scope.rootId).execute();
    return true;
  }
}
