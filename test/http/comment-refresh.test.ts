/**
 * A busy story's comments and the page cache: the first new comment refreshes the story's
 * cached pages at once (its page, and the home page with its card); more within
 * COMMENT_PURGE_INTERVAL_MS fold into one refresh at the end of it, so a story with ten
 * comments a second does not clear the home page ten times a second (here and at the CDN).
 * A removal is shown at once. The mechanism is the app's, not the database's: SQLite only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/articles.js';
import type { StaffUser } from '../../src/core/staff.js';
import type { MailMessage } from '../../src/services/mail.js';
import type { TestApp } from '../helpers/app.js';
import { startTestApp } from '../helpers/app.js';
import type { ReaderClient } from '../helpers/readers.js';
import { signedUpReader } from '../helpers/readers.js';

const INTERVAL_MS = 2000;

describe('new comments and the cached pages of their story', () => {
  let t: TestApp;
  let story: Article;
  let reader: ReaderClient;
  let editor: StaffUser;
  const mail: MailMessage[] = [];

  beforeAll(async () => {
    t = await startTestApp('sqlite', { COMMENT_PURGE_INTERVAL_MS: String(INTERVAL_MS) }, { mailer: { send: (m) => Promise.resolve(void mail.push(m)) } });
    const section = await t.make.section({ slug: 'news', name: 'News' });
    story = await t.make.article({ sectionId: section.id, headline: 'Storm closes the port' });
    await t.app.comments.saveSettings({ ...(await t.app.comments.settings()), premoderateFirstComments: 0, ratePerMinute: 100, ratePerHour: 1000 });
    reader = await signedUpReader(t, mail, { name: 'Harbour Watcher' });
    // A reader in good standing: comments go up without review.
    await t.app.db.kysely.updateTable('readers').set({ approved_count: 5, created_at: new Date(Date.now() - 90 * 86_400_000).toISOString() }).where('id', '=', reader.id).execute();
    editor = await t.app.accounts.acceptToken(await t.app.accounts.invite({ email: 'refresh-editor@example.test', role: 'editor' }), { name: 'Refresh Editor', password: 'a long editor password' });
  });

  afterAll(async () => {
    await t?.close();
  });

  const home = () => t.app.server.inject({ method: 'GET', url: '/' });
  const count = (body: string) => /<span class="comment-count">(\d+) comments?<\/span>/.exec(body)?.[1];
  async function comment(body: string): Promise<number> {
    const res = await reader.postJson(`/articles/${story.id}/comments`, { body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: number }>().id;
  }

  it('refreshes at once for the first comment, once at the end of the interval for a burst, and at once for a removal', async () => {
    await home();
    expect((await home()).headers['x-cache']).toBe('HIT');

    await comment('The harbour master says the gates stay shut until morning.');
    const afterFirst = await home();
    expect(afterFirst.headers['x-cache']).toBe('MISS');
    expect(count(afterFirst.body)).toBe('1');

    // A burst inside the interval: the home page stays cached...
    const burstAt = Date.now();
    const second = await comment('Ferries are waiting outside the breakwater.');
    await comment('The fish market moved to the old warehouse for the day.');
    const during = await home();
    expect(during.headers['x-cache']).toBe('HIT');
    expect(count(during.body)).toBe('1');
    // ...and shows all of it when the interval ends, with one refresh.
    await expect.poll(async () => count((await home()).body), { timeout: INTERVAL_MS * 2, interval: 50 }).toBe('3');
    expect(Date.now() - burstAt).toBeLessThan(INTERVAL_MS * 2);
    expect((await home()).headers['x-cache']).toBe('HIT');

    // A removal is never held back.
    expect(await t.app.moderation.decide([second], 'reject', editor)).toBe(1);
    const afterRemoval = await home();
    expect(afterRemoval.headers['x-cache']).toBe('MISS');
    expect(count(afterRemoval.body)).toBe('2');
  });
});
