/**
 * No comment the server acknowledged is lost if the process is killed right after: a real
 * `newsdesk serve` process takes a comment, answers 201, and is killed with SIGKILL at that
 * moment; the comment and its count are in the database afterwards. On both databases.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/db.js';
import type { TestDatabase } from '../helpers/databases.js';
import { DIALECTS } from '../helpers/databases.js';
import { prepareServeDatabase, startServeProcess } from '../helpers/serve-process.js';


describe.each(DIALECTS)('comment durability on %s', (dialect) => {
  let tdb: TestDatabase;
  let child: ChildProcess | undefined;
  let articleId = 0;
  let cookie = '';

  beforeAll(async () => {
    // The process under test is the real bundle `npm start` runs; a story and a trusted reader
    // are prepared with the application itself.
    tdb = await prepareServeDatabase(dialect, async ({ make, tdb: prepared }) => {
      const section = await make.section({ slug: 'news' });
      articleId = (await make.article({ sectionId: section.id })).id;
      const at = new Date(Date.now() - 90 * 86_400_000).toISOString();
      await prepared.db.kysely.insertInto('readers').values({ email: 'durable@example.test', display_name: 'Durable Reader', name_key: 'durablereader', password_hash: null, email_verified_at: at, suspended_until: null, approved_count: 3, created_at: at, updated_at: at }).execute();
    });
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await tdb?.drop();
  });

  it('keeps a comment acknowledged just before SIGKILL', async () => {
    const server = await startServeProcess({ DATA_DIR: tdb.dataDir, DATABASE_URL: tdb.url });
    const { origin } = server;
    child = server.child;
    // Sign in by password is simplest over the wire: give the reader one first.
    const { hashPassword } = await import('../../src/services/passwords.js');
    const db = openDatabase(tdb.url);
    await db.kysely.updateTable('readers').set({ password_hash: await hashPassword('durable password 1') }).where('email', '=', 'durable@example.test').execute();
    const signin = await fetch(`${origin}/account/signin`, { method: 'POST', redirect: 'manual', headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=durable%40example.test&password=durable+password+1&next=%2F' });
    cookie = (signin.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^nd_reader=/);

    const res = await fetch(`${origin}/articles/${articleId}/comments`, { method: 'POST', headers: { origin, cookie, accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify({ body: 'Acknowledged, then the power cord was pulled.' }) });
    expect(res.status).toBe(201);
    child.kill('SIGKILL');
    await once(child, 'exit');
    const { id } = (await res.json()) as { id: number };

    const row = await db.kysely.selectFrom('comments').select(['body', 'status']).where('id', '=', id).executeTakeFirst();
    expect(row).toEqual({ body: 'Acknowledged, then the power cord was pulled.', status: 'approved' });
    const article = await db.kysely.selectFrom('articles').select('comment_count').where('id', '=', articleId).executeTakeFirstOrThrow();
    expect(article.comment_count).toBe(1);
    await db.close();
  });
});
