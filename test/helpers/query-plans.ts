/**
 * The SQL a repository really runs, caught on its way out, and the plan the database makes of
 * it: plan tests explain the queries the code sends, not a copy written by hand that could
 * pass while the code ran something else.
 */
import { CompiledQuery } from 'kysely';
import type { Kysely, KyselyPlugin, QueryId, RootOperationNode } from 'kysely';
import type { Db } from '../../src/storage/db.js';
import type { Database } from '../../src/storage/schema.js';

export interface QueryCatcher {
  /** Give a repository `db.kysely.withPlugin(plugin)`. */
  plugin: KyselyPlugin;
  /** The queries whose results came back, in that order. */
  ran: RootOperationNode[];
}

export function catchQueries(): QueryCatcher {
  // Subqueries pass through transformQuery too: a query counts once its result comes back.
  const built = new Map<QueryId, RootOperationNode>();
  const ran: RootOperationNode[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      built.set(queryId, node);
      return node;
    },
    transformResult: ({ result, queryId }) => {
      const node = built.get(queryId);
      if (node) ran.push(node);
      return Promise.resolve(result);
    },
  };
  return { plugin, ran };
}

/**
 * The plan of a caught query, one line per step: `explain query plan` on SQLite (joined with
 * " | "), `explain` on PostgreSQL (joined with newlines). `run` may be a transaction with
 * planner settings.
 */
export async function planOf(db: Db, node: RootOperationNode, run: Kysely<Database> = db.kysely): Promise<string> {
  const compiled = db.kysely.getExecutor().compileQuery(node, { queryId: 'plan' });
  const prefix = db.dialect === 'sqlite' ? 'explain query plan' : 'explain';
  const { rows } = await run.executeQuery<Record<string, string>>(CompiledQuery.raw(`${prefix} ${compiled.sql}`, [...compiled.parameters]));
  return rows.map((r) => r.detail ?? r['QUERY PLAN'] ?? '').join(db.dialect === 'sqlite' ? ' | ' : '\n');
}
