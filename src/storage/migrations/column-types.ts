/**
 * The few column types that differ between SQLite and PostgreSQL, so one migration set
 * serves both. Everything else in a migration is plain Kysely.
 */
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import { sql } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** Kysely does not expose which dialect it runs on; the adapter class tells us. */
export function dialectOf(db: Kysely<unknown>): DialectName {
  const adapter = db.getExecutor().adapter.constructor.name;
  return adapter.toLowerCase().includes('postgres') ? 'postgres' : 'sqlite';
}

export function timestampType(dialect: DialectName) {
  return dialect === 'postgres' ? sql`timestamptz` : sql`text`;
}

/** An auto-incrementing integer primary key. */
export function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: DialectName): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
}
