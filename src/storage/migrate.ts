import { Migrator } from 'kysely';
import type { Kysely } from 'kysely';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

/** Applies pending migrations; returns the names applied. Safe to run on every start. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  // Migrations are written against the schema as it was then, so they see an untyped db.
  const migrator = new Migrator({ db: db as unknown as Kysely<unknown>, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
