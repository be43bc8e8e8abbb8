/**
 * A live blog in Chromium, end to end (docs/live-blog.md): a reader has the demo's live story
 * open; an editor posts an update from the newsroom and it appears on the reader's page
 * without a reload (the liveblog island, Server-Sent Events); a reader who has scrolled into
 * the updates is not moved and gets a "new update" button that takes them to it; a deleted
 * update disappears. axe-core finds no WCAG 2.2 A/AA violation, light and dark. Screenshots
 * go to test-results/.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';
import { chromiumAvailable, launchChromium } from './browser.js';
import { startSeededServer } from './seeded-server.js';
import type { SeededServer } from './seeded-server.js';

const RESULTS = 'test-results';
const describeBrowser = chromiumAvailable ? describe : describe.skip;
const EDITOR = { email: 'live.editor@example.test', name: 'Lena Live', password: 'a live editor password' };

describeBrowser('live blog in Chromium', () => {
  let server: SeededServer;
  let browser: Browser;
  let origin: string;
  let articleId = 0;
  let storyPath = '';
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  async function newPage(options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    return page;
  }

  /** The reader's page with the island connected to the live stream. */
  async function openLive(page: Page): Promise<void> {
    await page.goto(`${origin}${storyPath}`);
    await page.locator('section[data-liveblog][data-enhanced="true"][data-stream="connected"]').waitFor();
    // A marker that a reload would lose.
    await page.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
  }

  const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

  async function editorPage(): Promise<Page> {
    const page = await newPage();
    await page.goto(`${origin}/admin/login`);
    await page.getByLabel('Email').fill(EDITOR.email);
    await page.getByLabel('Password').fill(EDITOR.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${origin}/admin`);
    await page.goto(`${origin}/admin/articles/${articleId}`);
    return page;
  }

  async function postFromNewsroom(page: Page, headline: string, text: string): Promise<number> {
    await page.goto(`${origin}/admin/articles/${articleId}#live-updates`);
    await page.getByLabel('Headline (optional)').fill(headline);
    await page.getByLabel('Update', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Post update' }).click();
    await page.waitForURL(/#live-update-\d+$/);
    return Number(/#live-update-(\d+)$/.exec(page.url())?.[1]);
  }

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    server = await startSeededServer({}, async (app) => {
      await app.accounts.acceptToken(await app.accounts.invite({ email: EDITOR.email, role: 'editor' }), { name: EDITOR.name, password: EDITOR.password });
    });
    origin = server.origin;
    const row = await server.app.db.kysely.selectFrom('articles').select(['id', 'slug', 'section_id']).where('headline', 'like', 'First aid convoy in weeks%').where('language', '=', 'en').executeTakeFirstOrThrow();
    articleId = row.id;
    storyPath = server.app.reading.articleUrl(await server.app.reading.sectionTree('en'), { sectionId: row.section_id, slug: row.slug });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  it('shows the demo live blog: LIVE, the key update first, then the updates newest first; axe passes in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await newPage({ colorScheme });
      await openLive(page);
      await expect.poll(() => page.locator('.liveblog-badge').textContent()).toContain('Live');
      expect(await page.locator('[data-liveblog-pinned] li.liveblog-update').count()).toBe(1);
      expect(await page.locator('[data-liveblog-pinned] .liveblog-headline').textContent()).toBe('What is on the trucks');
      const times = await page.locator('[data-liveblog-updates] li.liveblog-update time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime') ?? ''));
      expect(times.length).toBe(6);
      expect([...times].sort().reverse()).toEqual(times);
      expect(await axeViolations(page), colorScheme).toEqual([]);
      await page.screenshot({ path: `${RESULTS}/liveblog-${colorScheme}.png`, fullPage: true });
    }
  });

  it('shows an update posted in the newsroom on the reader’s open page, without a reload, and announces it', async () => {
    const reader = await newPage();
    await openLive(reader);
    const editor = await editorPage();
    expect(await axeViolations(editor)).toEqual([]);
    const id = await postFromNewsroom(editor, 'Second convoy announced', 'The agencies say a **second convoy** of 25 trucks will leave the border on Friday.');

    const item = reader.locator(`#update-${id}`);
    await item.waitFor({ timeout: 10_000 });
    expect(await sameDocument(reader)).toBe(true);
    // At the top of the updates, newest first.
    expect(await reader.locator('[data-liveblog-updates] li.liveblog-update').first().getAttribute('id')).toBe(`update-${id}`);
    expect(await item.locator('.liveblog-headline').textContent()).toBe('Second convoy announced');
    expect(await item.locator('strong').textContent()).toBe('second convoy');
    await expect.poll(() => reader.locator('[data-liveblog-announcer]').textContent()).toBe('1 new update');
    expect(await reader.locator('.liveblog-count').textContent()).toBe('8 updates');
    expect(await axeViolations(reader)).toEqual([]);
    await reader.screenshot({ path: `${RESULTS}/liveblog-new-update.png` });

    // Deleted in the newsroom: gone from the reader's page.
    await editor.goto(`${origin}/admin/articles/${articleId}#live-update-${id}`);
    await editor.locator(`#live-update-${id}`).getByRole('button', { name: 'Delete' }).click();
    await editor.waitForURL(/#live-updates$/);
    await reader.locator(`#update-${id}`).waitFor({ state: 'detached', timeout: 10_000 });
    expect(await sameDocument(reader)).toBe(true);
  });

  it('keeps the place of a reader who has scrolled into the updates, and offers a button to the new one', async () => {
    const reader = await newPage({ viewport: { width: 800, height: 600 } });
    await openLive(reader);
    // Read down into the updates.
    const last = reader.locator('[data-liveblog-updates] li.liveblog-update').last();
    await last.scrollIntoViewIfNeeded();
    await reader.evaluate(() => window.scrollBy(0, 40));
    const before = await last.evaluate((n) => n.getBoundingClientRect().top);

    const editor = await editorPage();
    const id = await postFromNewsroom(editor, '', 'Fuel shortages are slowing the return journey of the empty trucks.');
    const button = reader.getByRole('button', { name: 'Show 1 new update' });
    await button.waitFor({ timeout: 10_000 });
    // What the reader was reading has not moved.
    const after = await last.evaluate((n) => n.getBoundingClientRect().top);
    expect(Math.abs(after - before)).toBeLessThan(2);
    expect(await axeViolations(reader)).toEqual([]);
    await reader.screenshot({ path: `${RESULTS}/liveblog-new-button.png` });

    await button.click();
    await expect.poll(() => reader.evaluate(() => document.activeElement?.id)).toBe(`update-${id}`);
    expect(await reader.getByRole('button', { name: /new update/ }).count()).toBe(0);
    expect(await sameDocument(reader)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
