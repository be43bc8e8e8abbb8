/**
 * Two real `newsdesk serve` processes on one PostgreSQL, as behind a load balancer. Under a
 * steady stream of reads and writes, one is killed with SIGKILL: every write either of them
 * acknowledged (comments answered 201, stories answered 303) is in the database, the other
 * instance keeps answering every request, and the killed one, started again, rejoins: it
 * serves, and hears the other's changes (its cached page is refreshed by an edit made there).
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Accounts } from '../../src/services/accounts.js';
import { hashPassword } from '../../src/services/passwords.js';
import { DIALECTS } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';
import { prepareServeDatabase, startServeProcess } from '../helpers/serve-process.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


interface Instance {
  origin: string;
  child: ChildProcess;
}

describe.each(DIALECTS.filter((d) => d === 'postgres'))('an instance killed under load on %s', () => {
  let tdb: TestDatabase;
  let sectionId = 0;
  let articleId = 0;
  let storyPath = '';
  const running: ChildProcess[] = [];

  async function start(port?: number): Promise<Instance> {
    const { origin, child } = await startServeProcess({ DATA_DIR: tdb.dataDir, DATABASE_URL: tdb.url, PUBLIC_URL: 'https://news.example.test', TRUST_PROXY: 'false' }, port);
    running.push(child);
    return { origin, child };
  }

  /** A reader session over the wire (password sign-in), and a staff session. */
  async function readerCookie(origin: string): Promise<string> {
    const res = await fetch(`${origin}/account/signin`, { method: 'POST', redirect: 'manual', headers: { origin: 'https://news.example.test', 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=steady%40example.test&password=steady+password+1&next=%2F' });
    return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }
  async function staffSession(origin: string): Promise<{ cookie: string; csrf: string }> {
    const login = await fetch(`${origin}/admin/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'nd_form=prelogin-token-abcdefghijk' }, body: 'email=desk%40example.test&password=desk+password+long&_csrf=prelogin-token-abcdefghijk' });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const page = await (await fetch(`${origin}/admin`, { headers: { cookie } })).text();
    return { cookie, csrf: /<meta name="csrf-token" content="([^"]+)"/.exec(page)?.[1] ?? '' };
  }

  beforeAll(async () => {
    tdb = await prepareServeDatabase('postgres', async ({ app, make, tdb: prepared }) => {
      const section = await make.section({ slug: 'news', name: 'News' });
      sectionId = section.id;
      const story = await make.article({ sectionId, headline: 'Markets steady as the port reopens' });
      articleId = story.id;
      storyPath = `/news/${story.slug}`;
      const at = new Date(Date.now() - 90 * 86_400_000).toISOString();
      await prepared.db.kysely.insertInto('readers').values({ email: 'steady@example.test', display_name: 'Steady Reader', name_key: 'steadyreader', password_hash: await hashPassword('steady password 1'), email_verified_at: at, suspended_until: null, approved_count: 5, created_at: at, updated_at: at }).execute();
      const accounts = new Accounts({ db: prepared.db });
      await accounts.acceptToken(await accounts.invite({ email: 'desk@example.test', role: 'editor' }), { name: 'Desk Editor', password: 'desk password long' });
      // Comment limits are per reader; this test posts many on purpose.
      await app.comments.saveSettings({ ratePerMinute: 100, ratePerHour: 1000 });
    });
  }, 60_000);

  afterAll(async () => {
    for (const child of running) child.kill('SIGKILL');
    await tdb?.drop();
  });

  it('loses no acknowledged write, keeps the survivor serving, and lets the restarted one rejoin', async () => {
    const [a, b] = [await start(), await start()];
    const readers = { a: await readerCookie(a.origin), b: await readerCookie(b.origin) };
    const staff = { a: await staffSession(a.origin), b: await staffSession(b.origin) };
    expect(readers.a).toMatch(/^nd_reader=/);
    expect(staff.b.csrf.length).toBeGreaterThan(10);

    const acknowledged = { comments: [] as number[], stories: [] as string[] };
    const survivorStatuses: number[] = [];
    let n = 0;
    let stop = false;
    const comment = async (who: 'a' | 'b') => {
      const body = `Steady comment ${++n} via ${who}`;
      const res = await fetch(`${(who === 'a' ? a : b).origin}/articles/${articleId}/comments`, { method: 'POST', headers: { origin: 'https://news.example.test', cookie: readers[who], accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify({ body }) }).catch(() => undefined);
      if (res?.status === 201) acknowledged.comments.push(((await res.json()) as { id: number }).id);
      return res?.status;
    };
    const story = async (who: 'a' | 'b') => {
      const headline = `Desk story ${++n} via ${who}`;
      const form = new URLSearchParams({ headline, standfirst: 'A standfirst.', sectionId: String(sectionId), label: 'news', body: JSON.stringify({ type: 'doc', content: [] }), tags: '', _csrf: staff[who].csrf });
      const res = await fetch(`${(who === 'a' ? a : b).origin}/admin/articles`, { method: 'POST', redirect: 'manual', headers: { cookie: staff[who].cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: form }).catch(() => undefined);
      if (res?.status === 303) acknowledged.stories.push(headline);
      return res?.status;
    };
    // Load on both: reads and writes, until told to stop.
    const load = async (who: 'a' | 'b') => {
      while (!stop) {
        const statuses = await Promise.all([fetch(`${(who === 'a' ? a : b).origin}${storyPath}`).then((r) => r.status, () => 0), comment(who), story(who), fetch(`${(who === 'a' ? a : b).origin}/news`).then((r) => r.status, () => 0)]);
        if (who === 'b') survivorStatuses.push(...statuses.map((s) => s ?? 0));
        // About ten rounds a second per instance: inside the per-address comment limit.
        await sleep(100);
      }
    };
    const loops = [load('a'), load('b')];
    await sleep(1500);
    a.child.kill('SIGKILL');
    await once(a.child, 'exit');
    await sleep(1500);
    stop = true;
    await Promise.all(loops);

    // The survivor answered everything it was asked, before and after the kill.
    expect(survivorStatuses.length).toBeGreaterThan(8);
    expect(survivorStatuses.filter((s) => s !== 200 && s !== 201 && s !== 303)).toEqual([]);
    // Every acknowledged write is there.
    expect(acknowledged.comments.length).toBeGreaterThan(2);
    const comments = await tdb.db.kysely.selectFrom('comments').select('id').where('id', 'in', acknowledged.comments).execute();
    expect(comments).toHaveLength(acknowledged.comments.length);
    const stories = await tdb.db.kysely.selectFrom('articles').select('headline').where('headline', 'in', acknowledged.stories).execute();
    expect(stories).toHaveLength(acknowledged.stories.length);
    // The maintained count agrees with the rows.
    const counted = await tdb.db.kysely.selectFrom('articles').select('comment_count').where('id', '=', articleId).executeTakeFirstOrThrow();
    const rows = await tdb.db.kysely.selectFrom('comments').select('id').where('article_id', '=', articleId).where('status', '=', 'approved').execute();
    expect(counted.comment_count).toBe(rows.length);

    // The killed instance starts again on its port and rejoins: it serves, and an edit made
    // on the other instance refreshes the page it has cached.
    const again = await start(Number(new URL(a.origin).port));
    const before = await (await fetch(`${again.origin}${storyPath}`)).text();
    expect(before).toContain('Markets steady as the port reopens');
    await (await fetch(`${again.origin}${storyPath}`)).text();
    const posted = await comment('b');
    expect(posted).toBe(201);
    let seen = false;
    for (let i = 0; i < 30 && !seen; i++) {
      seen = (await (await fetch(`${again.origin}${storyPath}`)).text()).includes(`Steady comment ${n} via b`);
      if (!seen) await sleep(100);
    }
    expect(seen).toBe(true);
  });
});
