/**
 * A reader in Chromium: from the home page through the section tree to the seed article,
 * checking that every element of the seed page is visible, that the pages pass axe-core's
 * WCAG 2.2 A/AA rules and an HTML validator, and saving screenshots under test-results/.
 */
import { mkdirSync } from 'node:fs';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { startSeededServer } from './seeded-server.js';
import type { SeededServer } from './seeded-server.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugify } from '../../src/core/slugs.js';
import { demoArticles } from '../../src/seed/seed-demo.js';
import { createArticle } from '../../src/services/publishing.js';
import { chromiumAvailable, launchChromium } from './browser.js';

const RESULTS = 'test-results';
const seedStory = demoArticles.find((a) => a.key === 'n-libya-ceasefire-tripoli');
const SEED_PATH = `/news/middle-east-africa/libya/${slugify(seedStory?.headline ?? '')}`;
const describeBrowser = chromiumAvailable ? describe : describe.skip;

describeBrowser('a reader in Chromium', () => {
  let server: SeededServer;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    server = await startSeededServer();
    origin = server.origin;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reads the seed article from the home page, with every element visible', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin}/`);
    await expect(page.title()).resolves.toBe('Newsdesk Network');
    await page.screenshot({ path: `${RESULTS}/home.png`, fullPage: true });

    // Home > News > Middle East & Africa > Libya > the story, by clicking.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'News', exact: true }).click();
    await page.waitForURL(`${origin}/news`);
    await page.getByRole('navigation', { name: 'Inside News' }).getByRole('link', { name: 'Middle East & Africa' }).click();
    await page.waitForURL(`${origin}/news/middle-east-africa`);
    await page.getByRole('navigation', { name: 'Inside Middle East & Africa' }).getByRole('link', { name: 'Libya' }).click();
    await page.waitForURL(`${origin}/news/middle-east-africa/libya`);
    await page.getByRole('link', { name: /UN mission urges armed groups to respect ceasefire around Tripoli/ }).first().click();
    await page.waitForURL(`${origin}${SEED_PATH}`);

    const visible = async (locator: ReturnType<Page['locator']>) => expect(await locator.first().isVisible()).toBe(true);
    // 1. Live with an Audio only choice; 2. social profiles
    await visible(page.getByRole('link', { name: 'Live', exact: true }));
    await visible(page.getByRole('link', { name: 'Audio only' }));
    await visible(page.getByRole('list', { name: 'Follow us' }).getByRole('link').first());
    // 3. breadcrumb News > Middle East & Africa > Libya
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await visible(crumbs);
    expect(await crumbs.getByRole('link').allTextContents()).toEqual(['News', 'Middle East & Africa', 'Libya']);
    // 4. headline; 7. label; 8. standfirst
    await visible(page.getByRole('heading', { level: 1, name: /UN mission urges armed groups/ }));
    await visible(page.locator('.article-label .label'));
    await visible(page.locator('.standfirst'));
    // 5. lead photo, loaded, with caption and credit
    const lead = page.locator('.lead-media img');
    await visible(lead);
    await expect.poll(() => lead.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await lead.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\/media\/[a-f0-9]{32}\/\d+\.avif$/);
    await visible(page.locator('.lead-media figcaption .credit'));
    // 6. published date (and the byline)
    await visible(page.locator('.dates time').first());
    await visible(page.locator('.byline a[rel=author]'));
    // 9. body with a RELATED line; 10. a subheading; 11. an attributed quote
    const relatedLink = page.locator('.article-body .related a');
    await visible(relatedLink);
    await visible(page.locator('.article-body h2'));
    await visible(page.locator('.article-body blockquote'));
    // share links
    await visible(page.getByRole('region', { name: 'Share this story' }).getByRole('link', { name: /Facebook/ }));
    // 12. Comment, 0 Comments, Post with no comments.
    const comments = page.locator('#comments');
    await visible(comments.getByRole('heading', { name: 'Comment' }));
    await visible(comments.getByText('0 Comments'));
    await visible(comments.getByText('Post with no comments.'));
    await page.screenshot({ path: `${RESULTS}/article.png`, fullPage: true });

    // The RELATED line leads to a live story.
    const relatedHref = await relatedLink.getAttribute('href');
    const relatedResponse = await page.request.get(`${origin}${relatedHref ?? ''}`);
    expect(relatedResponse.status()).toBe(200);
    await page.close();
  });

  it('meets WCAG 2.2 AA (axe-core) on the article, home, section, search and lite pages', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const path of [SEED_PATH, '/', '/news/middle-east-africa/libya', '/tag/united-nations', '/author/omar-benali', '/no-such-page', '/live', '/search?q=ceasefire+tripoli', '/search?q=xylophone', `/lite${SEED_PATH}`, '/lite']) {
      const response = await page.goto(`${origin}${path}`);
      expect(response?.status(), path).toBeLessThan(path === '/no-such-page' ? 500 : 300);
      const violations = await axeViolations(page);
      expect(violations, `${path}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
      if (path.startsWith('/search?q=ceasefire')) await page.screenshot({ path: `${RESULTS}/search.png`, fullPage: true });
      if (path === `/lite${SEED_PATH}`) await page.screenshot({ path: `${RESULTS}/lite-article.png`, fullPage: true });
    }
    // Dark mode has its own colours: check contrast there too.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${origin}/news/middle-east-africa/libya/un-mission-urges-armed-groups-to-respect-ceasefire-around-tripoli-after`);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${RESULTS}/article-dark.png` });
    await page.close();
  });

  it('loads an embedded video only when the reader asks', async () => {
    const section = await server.tdb.db.kysely.selectFrom('sections').select('id').where('slug', '=', 'libya').executeTakeFirstOrThrow();
    await createArticle({ db: server.tdb.db, events: server.app.events }, {
      headline: 'Video report from the Tripoli waterfront',
      sectionId: section.id,
      status: 'published',
      publishedAt: new Date(Date.now() - 60_000).toISOString(),
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Our correspondent filed this report.' }] }, { type: 'embed', attrs: { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: 'The waterfront at dusk.' } }] },
    });
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(origin)) outside.push(r.url());
    });
    await page.goto(`${origin}/news/middle-east-africa/libya/video-report-from-the-tripoli-waterfront`);
    const load = page.getByRole('button', { name: 'Load the YouTube video' });
    await expect(load.isVisible()).resolves.toBe(true);
    expect(await page.locator('iframe').count()).toBe(0);
    expect(outside).toEqual([]);
    await load.click();
    await expect(page.locator('iframe').getAttribute('src')).resolves.toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    await page.close();
  });

  it('fits a 320 px phone without sideways scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
    for (const path of ['/', SEED_PATH]) {
      await page.goto(`${origin}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
    await page.screenshot({ path: `${RESULTS}/article-phone.png`, fullPage: true });
    await page.close();
  });

  it('serves valid HTML5 on every page type', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:document'] });
    for (const path of ['/', '/news', '/news/middle-east-africa/libya', SEED_PATH, '/tag/united-nations', '/author/omar-benali', '/live', '/no-such-page']) {
      const html = await (await fetch(`${origin}${path}`)).text();
      const report = await validator.validateString(html);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line}:${m.column})`));
      expect(messages, path).toEqual([]);
    }
  });
});
