/**
 * The newsroom in Chromium, end to end: an editor signs in, uploads a lead photo with caption
 * and credit, writes a story with a subheading, a quote and a RELATED block in the editor,
 * schedules it a few seconds ahead, and the scheduler publishes it: it appears on its
 * section page and the home page with every seed element. A contributor cannot publish.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser, Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { axeViolations } from './axe.js';
import { chromiumAvailable, launchChromium } from './browser.js';
import { startSeededServer } from './seeded-server.js';
import type { SeededServer } from './seeded-server.js';

const RESULTS = 'test-results';
const describeBrowser = chromiumAvailable ? describe : describe.skip;
const PASSWORD = 'a newsroom password';

describeBrowser('the newsroom in Chromium', () => {
  let server: SeededServer;
  let app: App;
  let browser: Browser;
  let origin: string;
  let photoPath: string;

  async function account(role: 'editor' | 'contributor', email: string, name: string) {
    const token = await app.accounts.invite({ email, role });
    await app.accounts.acceptToken(token, { name, password: PASSWORD });
  }

  async function signIn(page: Page, email: string) {
    await page.goto(`${origin}/admin`);
    await page.waitForURL(/\/admin\/login/);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${origin}/admin`);
  }

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    server = await startSeededServer({ SCHEDULER_INTERVAL_MS: '250', SITE_TIME_ZONE: 'UTC' }, async (started) => {
      app = started;
      await account('editor', 'editor@example.test', 'Elena Editor');
      await account('contributor', 'contrib@example.test', 'Carlos Contributor');
    });
    app.startScheduler();
    origin = server.origin;
    photoPath = join(mkdtempSync(join(tmpdir(), 'newsdesk-photo-')), 'harbour.jpg');
    writeFileSync(photoPath, await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#2a6f97' } }).jpeg().toBuffer());
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an editor writes, illustrates and schedules a story that then publishes itself', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const prompts: string[] = [];
    page.on('dialog', (d: Dialog) => void (d.type() === 'prompt' ? d.accept(prompts.shift() ?? d.defaultValue()) : d.accept()));
    await signIn(page, 'editor@example.test');
    await page.screenshot({ path: `${RESULTS}/newsroom-dashboard.png` });
    // The newsroom is used all day by staff: it meets WCAG 2.2 AA too.
    for (const path of ['/admin', '/admin/articles', '/admin/articles/new', '/admin/media', '/admin/articles/1']) {
      await page.goto(`${origin}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
    }

    // Upload the lead photo, then give it alt text, caption and credit.
    await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Media' }).click();
    await page.getByLabel(/Upload images/).setInputFiles(photoPath);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Upload', exact: true }).click()]);
    await page.locator('.media-grid a').first().click();
    await page.getByLabel(/Alt text/).fill('Fishing boats moored in Tripoli harbour at dawn');
    await page.getByLabel('Caption', { exact: true }).fill('Boats in Tripoli harbour on the morning the truce took hold.');
    await page.getByLabel(/Credit/).fill('Photo: Reuters');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved.');

    // A new story in News > Middle East & Africa > Libya.
    await page.goto(`${origin}/admin/articles/new`);
    await page.getByLabel('Headline', { exact: true }).fill('Truce holds in Tripoli as rival forces pull back');
    await page.getByLabel('Standfirst', { exact: true }).fill('Monitors reported no shelling overnight for the first time in a week.');
    await page.getByLabel('Section', { exact: true }).selectOption({ label: 'News › Middle East & Africa › Libya' });
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/admin\/articles\/\d+\?saved=1/);

    // The body, in the editor: a paragraph, a subheading, an attributed quote, a RELATED block.
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    const tool = (name: string) => toolbar.getByRole('button', { name, exact: true });
    const body = page.getByRole('textbox', { name: 'Body' });
    await body.click();
    await page.keyboard.type('Residents of the southern suburbs slept through the night without gunfire.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Monitors on the ground');
    await tool('H2').click();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Both sides have withdrawn heavy weapons from the front line.');
    prompts.push('Statement from the UN mission');
    await tool('Quote').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await tool('Related story').click();
    const picker = page.getByRole('dialog', { name: 'Insert related story' });
    await picker.getByLabel('Search stories by headline').fill('salaries');
    await picker.getByRole('button', { name: /delayed salaries/ }).click();
    await expect.poll(() => page.locator('.ProseMirror').textContent()).toContain('delayed salaries');

    const leadOption = await page.locator('#leadMediaId option', { hasText: 'Fishing boats moored in Tripoli harbour at dawn (Photo: Reuters)' }).getAttribute('value');
    await page.getByLabel('Lead image', { exact: true }).selectOption(leadOption ?? '');
    await page.getByLabel('Byline 1', { exact: true }).selectOption({ label: 'Omar Benali' });
    await page.getByLabel(/Tags/).fill('Ceasefire, Libya');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Saved.');
    await page.screenshot({ path: `${RESULTS}/newsroom-editor.png`, fullPage: true });

    // Schedule it a few seconds ahead (the form takes the site's zone, UTC here).
    const at = new Date(Date.now() + 4000).toISOString().slice(0, 19);
    await page.getByLabel(/Publish at/).fill(at);
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect.poll(() => page.locator('.admin-notice[role=status]').textContent()).toContain('Scheduled.');

    // Not yet public; then the scheduler publishes it on its own.
    const path = '/news/middle-east-africa/libya/truce-holds-in-tripoli-as-rival-forces-pull-back';
    expect((await page.request.get(`${origin}${path}`)).status()).toBe(404);
    await expect.poll(async () => (await page.request.get(`${origin}/news/middle-east-africa/libya`)).text(), { timeout: 15_000, interval: 500 }).toContain('Truce holds in Tripoli as rival forces pull back');
    await expect.poll(async () => (await page.request.get(`${origin}/`)).text(), { timeout: 5000 }).toContain('Truce holds in Tripoli as rival forces pull back');

    // The published story, as a reader sees it.
    await page.goto(`${origin}/news/middle-east-africa/libya`);
    await page.getByRole('link', { name: 'Truce holds in Tripoli as rival forces pull back' }).first().click();
    await page.waitForURL(`${origin}${path}`);
    expect(await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').allTextContents()).toEqual(['News', 'Middle East & Africa', 'Libya']);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Truce holds in Tripoli as rival forces pull back');
    await expect.poll(() => page.locator('.standfirst').textContent()).toContain('no shelling overnight');
    await expect.poll(() => page.locator('.byline').textContent()).toContain('Omar Benali');
    await expect(page.locator('.dates time').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('.lead-media img').getAttribute('alt')).resolves.toBe('Fishing boats moored in Tripoli harbour at dawn');
    await expect.poll(() => page.locator('.lead-media figcaption').textContent()).toContain('Photo: Reuters');
    await expect.poll(() => page.locator('.article-body h2').textContent()).toBe('Monitors on the ground');
    await expect.poll(() => page.locator('.article-body blockquote').textContent()).toContain('withdrawn heavy weapons');
    await expect.poll(() => page.locator('.article-body .quote figcaption').textContent()).toBe('Statement from the UN mission');
    await expect.poll(() => page.locator('.article-body .related a').textContent()).toContain('delayed salaries');
    await expect.poll(() => page.locator('#comments').textContent()).toContain('Post with no comments.');
    await page.screenshot({ path: `${RESULTS}/newsroom-published.png`, fullPage: true });
    await page.close();
  }, 90_000);

  it('a contributor can write and submit but cannot publish', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'contrib@example.test');
    await page.goto(`${origin}/admin/articles/new`);
    await page.getByLabel('Headline', { exact: true }).fill('Contributor story awaiting the desk');
    await page.getByLabel('Section', { exact: true }).selectOption({ label: 'News › Middle East & Africa › Libya' });
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/admin\/articles\/\d+/);
    expect(await page.getByRole('button', { name: 'Publish now' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Schedule', exact: true }).count()).toBe(0);
    // Forging the request the button would send is refused by the server too.
    const id = /\/admin\/articles\/(\d+)/.exec(page.url())?.[1];
    const csrf = await page.locator('meta[name="csrf-token"]').getAttribute('content');
    const forged = await page.request.post(`${origin}/admin/articles/${id}`, { form: { _csrf: csrf ?? '', headline: 'Contributor story awaiting the desk', sectionId: '5', body: '{"type":"doc","content":[]}', action: 'publish' } });
    expect(forged.status()).toBe(403);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => page.locator('.admin-notice[role=status]').textContent()).toContain('Submitted for review.');
    await context.close();
  });
});
