/**
 * Reader comments in Chromium, end to end, with the comments island: a reader signs up and
 * confirms their address from a real email (a local SMTP server), comments on a story, a
 * second reader replies and the first sees the reply arrive live (Server-Sent Events), an
 * editor rejects the reply in the newsroom and it disappears live. Markup in a comment or a
 * display name never becomes markup on the page. axe-core checks the pages; screenshots go to
 * test-results/.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/core/staff.js';
import { axeViolations } from './axe.js';
import { chromiumAvailable, launchChromium } from './browser.js';
import { startSeededServer } from './seeded-server.js';
import type { SeededServer } from './seeded-server.js';
import { accountMails } from '../../src/site/comments/reader-mails.js';

const RESULTS = 'test-results';
const describeBrowser = chromiumAvailable ? describe : describe.skip;
const PASSWORD = 'a long reader password';
const EDITOR = { email: 'moderating.editor@example.test', name: 'Moira Moderator', password: 'an editor password' };
/** Links in the mail use PUBLIC_URL; the test server's real port is only known after listen. */
const PUBLIC_URL = 'http://comments.newsdesk.test';

/** One message as the SMTP server received it. */
interface Received {
  to: string[];
  raw: string;
}

/** The body of a raw message with quoted-printable (or base64) transfer encoding undone. */
function decodedBody(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const headers = split >= 0 ? raw.slice(0, split) : '';
  const body = split >= 0 ? raw.slice(split + 4) : raw;
  if (/^content-transfer-encoding:\s*base64/im.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
}

describeBrowser('reader comments in Chromium', () => {
  let server: SeededServer;
  let browser: Browser;
  let origin: string;
  let smtp: SMTPServer;
  let editor: StaffUser;
  const mail: Received[] = [];
  const contexts: BrowserContext[] = [];

  /** The /account/link/... URL mailed to `to`, on the test server's real origin. */
  async function mailedLink(to: string): Promise<string> {
    let link: string | undefined;
    await expect
      .poll(() => {
        const message = [...mail].reverse().find((m) => m.to.includes(to));
        link = message && /https?:\/\/[^\s"<>]+\/account\/link\/[A-Za-z0-9_-]+/.exec(decodedBody(message.raw))?.[0];
        return link;
      })
      .toBeDefined();
    const url = new URL(link ?? '');
    expect(url.origin).toBe(PUBLIC_URL);
    return `${origin}${url.pathname}`;
  }

  async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    return context.newPage();
  }

  /** A story on the home page whose comments are open (seed stories older than the auto-close limit are closed). */
  async function openStory(page: Page, except: string[] = []): Promise<string> {
    await page.goto(`${origin}/`);
    const hrefs = await page.locator('.card-headline a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    for (const href of [...new Set(hrefs)].filter((h) => !except.includes(h))) {
      await page.goto(`${origin}${href}`);
      if ((await page.locator('form[data-comment-form]').count()) > 0) return href;
    }
    throw new Error('no story on the home page takes comments');
  }

  /** Waits until the island knows who is reading and listens for live updates. */
  async function enhanced(page: Page): Promise<void> {
    await page.locator('section[data-comments][data-enhanced="true"][data-live="connected"]').waitFor();
  }

  const itemOf = (page: Page, text: string) => page.locator('li.comment-item').filter({ has: page.locator(':scope > article .comment-body', { hasText: text }) });

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          mail.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    server = await startSeededServer({ MAIL_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'newsdesk@example.test', PUBLIC_URL }, async (app) => {
      // A reader's first comment is held by default ("new reader"): publish it, as the
      // scenario needs. Every browser here posts from 127.0.0.1, so the per-address rate
      // limit (3 a minute) is raised too; links still need approval.
      await app.comments.saveSettings({ ...(await app.comments.settings()), premoderateFirstComments: 0, ratePerMinute: 20 });
      editor = await app.accounts.acceptToken(await app.accounts.invite({ email: EDITOR.email, role: 'editor' }), { name: EDITOR.name, password: EDITOR.password });
    });
    origin = server.origin;
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  let story = '';
  let pageA: Page;
  let pageB: Page;
  const A = { email: 'amira.reader@example.test', name: 'Amira Haddad' };
  const B = { email: 'ben.reader@example.test', name: 'Ben Okafor' };
  const FIRST = 'The ceasefire line held overnight, according to people I know in the city.';
  const REPLY = 'Thanks for this. Do you know whether the airport has reopened?';

  it('signs a reader up from an emailed link and meets WCAG 2.2 AA on the sign-up page', async () => {
    pageA = await newPage();
    await pageA.goto(`${origin}/account/signup`);
    expect(await axeViolations(pageA)).toEqual([]);
    await pageA.screenshot({ path: `${RESULTS}/comments-signup.png`, fullPage: true });
    await pageA.getByLabel('Email').fill(A.email);
    await pageA.getByLabel('Display name').fill(A.name);
    await pageA.getByLabel('Password (optional)').fill(PASSWORD);
    await pageA.getByRole('button', { name: 'Create account' }).click();
    await pageA.getByRole('heading', { name: 'Check your email' }).waitFor();

    const link = await mailedLink(A.email);
    await pageA.goto(link);
    await pageA.getByRole('heading', { name: 'Confirm and sign in' }).waitFor();
    await pageA.getByRole('button', { name: 'Continue' }).click();
    await pageA.waitForURL(`${origin}/account?notice=verified`);
    await expect(pageA.getByRole('status').textContent()).resolves.toContain('Your email address is confirmed');
    await pageA.screenshot({ path: `${RESULTS}/comments-account.png`, fullPage: true });
  });

  it('refuses a display name with markup in it, showing it as text', async () => {
    const page = await newPage();
    await page.goto(`${origin}/account/signup`);
    await page.getByLabel('Email').fill('eve@example.test');
    await page.getByLabel('Display name').fill('<b onmouseover=alert(1)>Eve');
    await page.getByRole('button', { name: 'Create account' }).click();
    const errors = page.getByRole('alert');
    await expect(errors.textContent()).resolves.toMatch(/letters, digits/);
    expect(await page.locator('form b, .form-errors b').count()).toBe(0);
    await expect(page.getByLabel('Display name').inputValue()).resolves.toBe('<b onmouseover=alert(1)>Eve');
    expect(await server.app.db.kysely.selectFrom('readers').select('id').where('email', '=', 'eve@example.test').executeTakeFirst()).toBeUndefined();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${RESULTS}/comments-signup-error.png`, fullPage: true });
  });

  it('posts a comment in place: it appears and the count goes from 0 to 1', async () => {
    story = await openStory(pageA);
    const comments = pageA.locator('#comments');
    await expect(comments.locator('[data-comment-count]').textContent()).resolves.toBe('0 Comments');
    await enhanced(pageA);
    await expect(comments.locator('.comment-as').textContent()).resolves.toBe(`Commenting as ${A.name}`);

    await pageA.getByLabel('Your comment').fill(FIRST);
    await pageA.getByRole('button', { name: 'Post comment' }).click();
    await itemOf(pageA, FIRST).waitFor();
    expect(pageA.url()).toBe(`${origin}${story}`); // no page load: the island posted it
    for (const count of await pageA.locator('[data-comment-count]').all()) await expect.poll(() => count.textContent()).toBe('1 Comment');
    await expect(pageA.getByLabel('Your comment').inputValue()).resolves.toBe('');
    await expect.poll(() => pageA.locator('[data-comments-announcer]').textContent()).toBe('Your comment is published.');
    expect(await comments.locator('[data-comments-empty]').count()).toBe(0);
  });

  it('shows a second reader’s reply live, then its rejection by an editor', async () => {
    // Reader B: signed up through the service, confirmed in the database, signed in in the browser.
    await server.app.readers.signUp({ email: B.email, displayName: B.name, password: PASSWORD }, accountMails(server.app.editions.default));
    await server.app.db.kysely.updateTable('readers').set({ email_verified_at: new Date().toISOString() }).where('email', '=', B.email).execute();
    pageB = await newPage();
    await pageB.goto(`${origin}/account/signin?next=${encodeURIComponent(story)}`);
    await pageB.getByLabel('Email').first().fill(B.email);
    await pageB.getByLabel('Password').fill(PASSWORD);
    await pageB.getByRole('button', { name: 'Sign in', exact: true }).click();
    await pageB.waitForURL(`${origin}${story}`);
    await enhanced(pageB);
    await enhanced(pageA);

    // B likes A's comment, then replies to it.
    const first = itemOf(pageB, FIRST);
    const like = first.locator(':scope > article button[data-like]');
    await like.click();
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
    await expect(like.locator('.like-count').textContent()).resolves.toBe('1');

    await first.getByRole('link', { name: `Reply to ${A.name}` }).click();
    const form = pageB.locator('form[data-comment-form]');
    await expect(form.locator('.comment-form-title').textContent()).resolves.toBe(`Reply to ${A.name}`);
    expect(await first.locator('form[data-comment-form]').count()).toBe(1); // moved under the comment
    await expect(pageB.evaluate(() => document.activeElement?.id)).resolves.toBe('comment-body');
    // Cancel brings the form back; reply again.
    await pageB.getByRole('button', { name: 'Cancel reply' }).click();
    expect(await first.locator('form[data-comment-form]').count()).toBe(0);
    await expect(form.locator('.comment-form-title').textContent()).resolves.toBe('Join the conversation');
    await first.getByRole('link', { name: `Reply to ${A.name}` }).click();
    await pageB.getByLabel('Your reply').fill(REPLY);
    await first.screenshot({ path: `${RESULTS}/comments-reply-form.png` });
    await pageB.getByRole('button', { name: 'Post reply' }).click();
    await first.locator('ol.comment-replies').filter({ hasText: REPLY }).waitFor();

    // A's page, never reloaded: the reply arrives under A's comment and the count follows.
    const liveReply = itemOf(pageA, FIRST).locator('ol.comment-replies > li.comment-item').filter({ hasText: REPLY });
    await liveReply.waitFor();
    await expect.poll(() => pageA.locator('#comments [data-comment-count]').textContent()).toBe('2 Comments');
    await expect.poll(() => pageA.locator('.article-meta [data-comment-count]').textContent()).toBe('2 Comments');
    await expect.poll(() => pageA.locator('[data-comments-announcer]').textContent()).toBe(`New comment from ${B.name}.`);
    expect(await liveReply.getAttribute('class')).toContain('comment-new');
    await itemOf(pageA, FIRST).scrollIntoViewIfNeeded();
    await pageA.screenshot({ path: `${RESULTS}/comments-live-reply.png` });
    const replyId = Number(await liveReply.getAttribute('data-comment-id'));
    expect(replyId).toBeGreaterThan(0);

    // An editor rejects the reply from the newsroom's queue of published, unmoderated comments.
    const pageE = await newPage();
    await pageE.goto(`${origin}/admin/login`);
    await pageE.getByLabel('Email').fill(EDITOR.email);
    await pageE.getByLabel('Password').fill(EDITOR.password);
    await pageE.getByRole('button', { name: 'Sign in' }).click();
    await pageE.waitForURL(`${origin}/admin`);
    await pageE.goto(`${origin}/admin/comments?queue=unmoderated`);
    const reject = pageE.locator(`#comment-${replyId}`).getByRole('button', { name: `Reject comment by ${B.name}` });
    if ((await reject.count()) === 1) {
      await pageE.screenshot({ path: `${RESULTS}/comments-moderation-queue.png` });
      await reject.click();
      await pageE.waitForURL(/done=reject/);
    } else {
      await server.app.moderation.decide([replyId], 'reject', editor);
    }

    await liveReply.waitFor({ state: 'detached' });
    await expect.poll(() => pageA.locator('#comments [data-comment-count]').textContent()).toBe('1 Comment');
    await expect.poll(() => pageA.locator('.article-meta [data-comment-count]').textContent()).toBe('1 Comment');
    await pageA.reload();
    expect(await pageA.content()).not.toContain(REPLY);
    await expect(pageA.locator('#comments [data-comment-count]').textContent()).resolves.toBe('1 Comment');
  });

  it('never runs markup from a comment, live or after a reload', async () => {
    const XSS = ['<img src=x onerror="window.__xss=1">', '<script>window.__xss=1</script>', '[click](javascript:window.__xss=1)', '<svg onload="window.__xss=1">'].join('\n\n');
    await pageA.reload();
    await pageB.reload();
    await enhanced(pageA);
    await enhanced(pageB);
    await pageA.getByLabel('Your comment').fill(XSS);
    await pageA.getByRole('button', { name: 'Post comment' }).click();

    const check = async (page: Page) => {
      const item = itemOf(page, 'window.__xss=1</script>');
      await item.waitFor();
      // The text is shown as written...
      await expect(item.locator('.comment-body').innerText()).resolves.toContain('<img src=x onerror="window.__xss=1">');
      await expect(item.locator('.comment-body').innerText()).resolves.toContain('[click](javascript:window.__xss=1)');
      // ...and nothing in it became an element, a link or a script that ran.
      expect(await page.locator('.comment-body img, .comment-body script, .comment-body svg, .comment-body a[href^="javascript"]').count()).toBe(0);
      expect(await page.locator('script:not([src]):not([type="application/ld+json"])').count()).toBe(0);
      await page.waitForTimeout(300); // an onerror/onload would have fired by now
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    };
    await check(pageA); // from the post's answer
    await check(pageB); // live
    await pageA.reload();
    await pageB.reload();
    await check(pageA);
    await check(pageB);
  });

  it('keeps a signed-out reader’s text and offers sign-in (the plain form post)', async () => {
    const page = await newPage();
    await page.goto(`${origin}${story}`);
    await page.locator('section[data-comments][data-enhanced="true"]').waitFor();
    await page.getByLabel('Your comment').fill('Written before signing in.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.waitForURL(/\/articles\/\d+\/comments$/);
    await expect(page.getByLabel('Your comment').inputValue()).resolves.toBe('Written before signing in.');
    await page.getByRole('group', { name: 'Sign in to post' }).waitFor();
  });

  it('sorts in place and meets WCAG 2.2 AA on the story with comments, light, dark and on a phone', async () => {
    const page = pageA;
    await page.goto(`${origin}${story}`);
    await enhanced(page);
    const roots = page.locator('ol[data-thread] > li.comment-item');
    await expect.poll(() => roots.count()).toBe(2);
    await expect(roots.first().textContent()).resolves.toContain('window.__xss');
    await page.locator('a[data-sort-link="oldest"]').click();
    await expect.poll(() => page.locator('a[data-sort-link="oldest"]').getAttribute('aria-current')).toBe('true');
    await expect.poll(() => roots.first().textContent()).toContain(FIRST);
    expect(page.url()).toBe(`${origin}${story}`);

    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#comments').screenshot({ path: `${RESULTS}/comments-section.png` });
    await page.screenshot({ path: `${RESULTS}/comments-article.png`, fullPage: true });

    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#comments').screenshot({ path: `${RESULTS}/comments-section-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });

    const phone = await newPage({ width: 320, height: 700 });
    await phone.goto(`${origin}${story}`);
    await phone.locator('section[data-comments][data-enhanced="true"]').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await phone.locator('#comments').screenshot({ path: `${RESULTS}/comments-phone.png` });
  });

  it('shows a refusal in the form, keeps the text, and holds a comment with a link for its author only', async () => {
    await pageA.goto(`${origin}${story}`);
    await pageB.goto(`${origin}${story}`);
    await enhanced(pageA);
    await enhanced(pageB);
    const countA = pageA.locator('#comments [data-comment-count]');
    const before = await countA.textContent();

    // The same text twice on one story is refused: the message is in the form, the text stays.
    await pageA.getByLabel('Your comment').fill(FIRST);
    await pageA.getByRole('button', { name: 'Post comment' }).click();
    const alert = pageA.locator('form[data-comment-form] .form-errors[role="alert"]');
    await expect.poll(() => alert.textContent()).toContain('You already posted this comment');
    await expect(pageA.getByLabel('Your comment').inputValue()).resolves.toBe(FIRST);
    expect(await pageA.getByLabel('Your comment').getAttribute('aria-invalid')).toBe('true');

    // A link needs a moderator: the author sees it, marked, above the thread; nobody else does.
    const HELD = 'Airport updates are posted here: https://example.org/tripoli-airport';
    await pageA.getByLabel('Your comment').fill(HELD);
    await pageA.getByRole('button', { name: 'Post comment' }).click();
    const held = pageA.locator('section.comment-pending li.comment-item').filter({ hasText: 'tripoli-airport' });
    await held.waitFor();
    expect(await alert.count()).toBe(0);
    await expect(held.locator('.badge-pending').textContent()).resolves.toContain('Awaiting moderation');
    await expect.poll(() => pageA.locator('[data-comments-announcer]').textContent()).toContain('will appear once a moderator has read it');
    await expect(countA.textContent()).resolves.toBe(before);
    expect(await axeViolations(pageA)).toEqual([]);
    await pageA.locator('#comments').screenshot({ path: `${RESULTS}/comments-held.png` });
    // After a reload it is still there, once (from the island's /me), and still only for A.
    await pageA.reload();
    await enhanced(pageA);
    await expect.poll(() => pageA.locator('section.comment-pending li.comment-item').count()).toBe(1);
    expect(await pageB.locator('li.comment-item').filter({ hasText: 'tripoli-airport' }).count()).toBe(0);

    // A moderator approves it: it moves into the thread on both pages, live.
    const heldId = Number(await pageA.locator('section.comment-pending li.comment-item').getAttribute('data-comment-id'));
    await server.app.moderation.decide([heldId], 'approve', editor);
    await pageA.locator(`ol[data-thread] > li[data-comment-id="${heldId}"]`).waitFor();
    await pageA.locator('section.comment-pending').waitFor({ state: 'detached' });
    await expect.poll(() => pageA.locator('[data-comments-announcer]').textContent()).toBe('Your comment was published.');
    await pageB.locator(`ol[data-thread] > li[data-comment-id="${heldId}"]`).waitFor();
    await expect.poll(() => pageB.locator('[data-comments-announcer]').textContent()).toBe(`New comment from ${A.name}.`);
    await expect.poll(() => countA.textContent()).not.toBe(before);
    expect(await pageB.locator('#comments [data-comment-count]').textContent()).toBe(await countA.textContent());
  });

  it('loads more comments and more replies in place, and places live comments by the sort', async () => {
    const page = await newPage();
    const second = await openStory(page, [story]);
    const articleId = Number(await page.locator('section[data-comments]').getAttribute('data-article'));
    const staff = { kind: 'staff' as const, user: editor };
    const roots: number[] = [];
    for (let i = 1; i <= 22; i++) roots.push((await server.app.comments.post({ articleId, body: `Seeded comment ${i}.` }, staff, '192.0.2.10')).comment.id);
    const newestRoot = roots[roots.length - 1] ?? 0;
    for (let i = 1; i <= 52; i++) await server.app.comments.post({ articleId, body: `Seeded reply ${i}.`, parentId: newestRoot }, staff, '192.0.2.10');

    // The browser keeps the page for max-age: a reload asks the server again.
    await page.reload();
    await enhanced(page);
    const thread = page.locator('ol[data-thread] > li.comment-item');
    await expect(thread.count()).resolves.toBe(20);
    await expect(page.locator('#comments [data-comment-count]').textContent()).resolves.toBe('74 Comments');

    // "2 more replies": the rest of the thread, in place; focus moves to the first new reply.
    const root = page.locator(`li[data-comment-id="${newestRoot}"]`);
    const replies = root.locator(':scope > ol.comment-replies > li.comment-item');
    await expect(replies.count()).resolves.toBe(50);
    await root.getByRole('link', { name: '2 more replies' }).click();
    await expect.poll(() => replies.count()).toBe(52);
    expect(await root.locator('a[data-more-replies]').count()).toBe(0);
    await expect(page.evaluate(() => document.activeElement?.closest('li')?.textContent ?? '')).resolves.toContain('Seeded reply 51.');

    // "More comments": the next page appended; the link goes when there is no more.
    await page.getByRole('link', { name: 'More comments' }).click();
    await expect.poll(() => thread.count()).toBe(22);
    expect(await page.locator('p.comment-more').isHidden()).toBe(true);
    await expect(thread.last().textContent()).resolves.toContain('Seeded comment 1.');
    expect(page.url()).toBe(`${origin}${second}`);

    // Live, sorted by newest: a new comment goes on top.
    await server.app.comments.post({ articleId, body: 'Live comment on top.' }, staff, '192.0.2.10');
    await expect.poll(() => thread.first().textContent()).toContain('Live comment on top.');
    await expect.poll(() => page.locator('#comments [data-comment-count]').textContent()).toBe('75 Comments');

    // Sorted by oldest with more pages to come, a new comment belongs on a page not loaded yet.
    await page.locator('a[data-sort-link="oldest"]').click();
    await expect.poll(() => thread.first().textContent()).toContain('Seeded comment 1.');
    await expect(thread.count()).resolves.toBe(20);
    expect(await page.getByRole('link', { name: 'More comments' }).isVisible()).toBe(true);
    await server.app.comments.post({ articleId, body: 'Live comment for the last page.' }, staff, '192.0.2.10');
    await expect.poll(() => page.locator('#comments [data-comment-count]').textContent()).toBe('76 Comments');
    expect(await page.locator('li.comment-item').filter({ hasText: 'Live comment for the last page.' }).count()).toBe(0);
    await page.getByRole('link', { name: 'More comments' }).click();
    await expect.poll(() => thread.count()).toBe(24);
    await expect(thread.last().textContent()).resolves.toContain('Live comment for the last page.');
    // Staff comments carry the badge.
    await expect(thread.last().locator('.badge-staff').textContent()).resolves.toBe('Staff');
    expect(await axeViolations(page)).toEqual([]);
    await thread.nth(20).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${RESULTS}/comments-staff-thread.png` });
  });

  it('takes over a reply opened on the comments page, and cancels it back to the top', async () => {
    const first = itemOf(pageA, FIRST);
    await pageA.goto(`${origin}${story}`);
    const firstId = Number(await first.getAttribute('data-comment-id'));
    const articleId = Number(await pageA.locator('section[data-comments]').getAttribute('data-article'));
    await pageA.goto(`${origin}/articles/${articleId}/comments?reply=${firstId}#comment-form`);
    await enhanced(pageA);
    const form = pageA.locator('form[data-comment-form]');
    expect(await first.locator('form[data-comment-form]').count()).toBe(1);
    await expect(form.locator('.comment-form-title').textContent()).resolves.toBe(`Reply to ${A.name}`);
    await pageA.getByRole('button', { name: 'Cancel reply' }).click();
    expect(await first.locator('form[data-comment-form]').count()).toBe(0);
    await expect(form.locator('.comment-form-title').textContent()).resolves.toBe('Join the conversation');
    expect(await form.locator('input[name="parentId"]').count()).toBe(0);
    await expect(pageA.evaluate(() => document.activeElement?.id)).resolves.toBe('comment-body');
    expect(await axeViolations(pageA)).toEqual([]);
  });
});
