import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './sqlite-statements.js';

describe('the SQLite statement cache', () => {
  const native = new SqliteDatabase(':memory:');
  native.exec('create table t (id integer primary key, v text)');
  native.exec("insert into t (v) values ('a'), ('b'), ('c')");

  it('hands back the same prepared statement for the same SQL, with fresh results each time', () => {
    const db = withStatementCache(native);
    const first = db.prepare('select v from t where id = ?');
    expect(db.prepare('select v from t where id = ?')).toBe(first);
    expect(first.all([1])).toEqual([{ v: 'a' }]);
    expect(db.prepare('select v from t where id = ?').all([2])).toEqual([{ v: 'b' }]);
  });

  it('prepares a second statement while the kept one is still being iterated', () => {
    const db = withStatementCache(native);
    const sqlText = 'select id from t order by id';
    const outer = db.prepare(sqlText) as unknown as SqliteDatabase.Statement;
    const seen: number[][] = [];
    for (const row of outer.iterate() as IterableIterator<{ id: number }>) {
      // The same query from inside the loop: reusing `outer` would throw "busy".
      seen.push([row.id, (db.prepare(sqlText).all([]) as Array<{ id: number }>).length]);
    }
    expect(seen).toEqual([[1, 3], [2, 3], [3, 3]]);
  });

  it('keeps at most `limit` statements, dropping the least recently used', () => {
    const db = withStatementCache(native, undefined, 2);
    const one = db.prepare('select 1');
    const two = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(one); // used again: now the newest
    db.prepare('select 3'); // evicts "select 2"
    expect(db.prepare('select 1')).toBe(one);
    expect(db.prepare('select 2')).not.toBe(two);
  });

  it('runs the hook on the open connection before closing it', () => {
    const own = new SqliteDatabase(':memory:');
    let openAtHook = false;
    const db = withStatementCache(own, () => {
      openAtHook = own.open;
    });
    db.close();
    expect(openAtHook).toBe(true);
    expect(own.open).toBe(false);
  });
});
