/**
 * The classifier's memory: per-token counts of approved (ham) and rejected (spam) comments,
 * and the document totals in a reserved row. Trained only by moderators' decisions.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ClassifierTotals, TokenCounts } from '../../core/comments/classifier.js';
import type { Database } from '../schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Tokens never start with "#", so this row cannot collide with one. */
const TOTALS = '#documents';

export class ClassifierStore {
  constructor(private readonly db: Kysely<Database>) {}

  async load(tokens: readonly string[]): Promise<{ totals: ClassifierTotals; counts: Map<string, TokenCounts> }> {
    const rows = await this.db.selectFrom('classifier_tokens').selectAll().where('token', 'in', [TOTALS, ...tokens]).execute();
    const counts = new Map<string, TokenCounts>();
    let totals: ClassifierTotals = { spamDocs: 0, hamDocs: 0 };
    for (const r of rows) {
      if (r.token === TOTALS) totals = { spamDocs: r.spam, hamDocs: r.ham };
      else counts.set(r.token, { spam: r.spam, ham: r.ham });
    }
    return { totals, counts };
  }

  /** Adds (+1) or takes back (-1) one document's tokens under a label. */
  async train(trx: Executor, tokens: readonly string[], label: 'spam' | 'ham', delta: 1 | -1): Promise<void> {
    const initial = Math.max(0, delta);
    const rows = [...new Set([TOTALS, ...tokens.map((t) => t.slice(0, 80))])].map((token) => ({ token, spam: label === 'spam' ? initial : 0, ham: label === 'ham' ? initial : 0 }));
    await trx
      .insertInto('classifier_tokens')
      .values(rows)
      .onConflict((oc) => oc.column('token').doUpdateSet((eb) => (label === 'spam' ? { spam: eb('classifier_tokens.spam', '+', delta) } : { ham: eb('classifier_tokens.ham', '+', delta) })))
      .execute();
  }
}
