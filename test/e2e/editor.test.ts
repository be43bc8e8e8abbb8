/**
 * The newsroom body editor (client/editor/) in Chromium, against a tiny stand-in server with
 * the admin API's JSON shapes and the site's Content-Security-Policy. A journalist writes a
 * story with every toolbar tool; the hidden #body-json must pass `parseDocument`, autosave
 * must post the form with the CSRF header and carry the version forward, and an unsafe link
 * must never become a link. Screenshots go to test-results/editor.png (and editor-dark.png).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Dialog, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isSafeHref as clientIsSafeHref, linkFromInput } from '../../client/editor/links.js';
import { normaliseDocument } from '../../client/editor/normalize.js';
import { buildClient } from '../../scripts/build-client.mjs';
import { isSafeHref, parseDocument } from '../../src/core/richtext.js';
import type { RichTextDocument } from '../../src/core/richtext.js';
import { axeViolations } from './axe.js';
import { chromiumAvailable, launchChromium } from './browser.js';

const RESULTS = 'test-results';
const ROOT = join(import.meta.dirname, '..', '..');
const CSRF = 'test-csrf-token-123';
// The site's policy (src/http/server.ts): no inline scripts or styles.
const CSP = ["default-src 'self'", "img-src 'self' data:", "style-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'"].join('; ');

const MEDIA = [
  { id: 7, key: '0f1e2d3c4b5a69788796a5b4c3d2e1f0', alt: 'Fishing boats moored in the harbour at dawn', caption: 'Boats in the harbour', credit: 'Ana Lopes/Newsdesk', width: 1600, height: 1067 },
  { id: 8, key: 'aaaabbbbccccddddeeeeffff00001111', alt: 'The council chamber', caption: null, credit: null, width: 1200, height: 800 },
];
const STORIES = [
  { id: 42, headline: 'Council approves the harbour budget', status: 'published', url: '/news/local/council-approves-the-harbour-budget' },
  { id: 43, headline: 'Harbour dredging delayed again', status: 'draft', url: null },
];
const INITIAL: RichTextDocument = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The council met on Tuesday.' }] }] };

const PAGE_CSS = `
body { margin: 0 auto; max-width: 64rem; padding: 1.5rem; font: 1rem/1.5 system-ui, sans-serif; background: #fff; color: #141414; }
label { display: block; margin-top: 1rem; font-weight: 600; }
#headline { width: 100%; box-sizing: border-box; font: inherit; padding: 0.375rem; }
@media (prefers-color-scheme: dark) { body { background: #121212; color: #ececec; } #headline { background: #121212; color: #ececec; } }
`;

interface AutosaveCall {
  csrf: string | undefined;
  contentType: string | undefined;
  fields: URLSearchParams;
}

type AutosaveMode = 'ok' | 'fail' | 'conflict';

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function editPage(body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${CSRF}">
<title>Edit story</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/page.css">
<link rel="stylesheet" href="/editor.css">
<script type="module" src="/editor.js"></script>
</head>
<body>
<main>
<h1>Edit story</h1>
<form method="post" action="/save" id="article-form" data-autosave-url="/autosave">
<input type="hidden" name="_csrf" value="${CSRF}">
<input type="hidden" name="version" value="1">
<label for="headline">Headline</label>
<input id="headline" name="headline" value="Harbour budget">
<label id="body-label" for="body-editor">Body</label>
<input type="hidden" name="body" id="body-json" value="${escapeAttr(body)}">
<div id="body-editor" aria-labelledby="body-label"><noscript>The body editor needs JavaScript.</noscript></div>
<p id="autosave-status" role="status"></p>
<button type="submit">Save</button>
</form>
</main>
</body>
</html>`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Answers window.prompt in order (undefined keeps the default, null cancels); accepts alerts. */
function answerDialogs(page: Page) {
  const answers: (string | null | undefined)[] = [];
  const seen: { type: string; message: string }[] = [];
  page.on('dialog', (dialog: Dialog) => {
    seen.push({ type: dialog.type(), message: dialog.message() });
    if (dialog.type() !== 'prompt') return void dialog.accept();
    const answer = answers.shift();
    if (answer === null) return void dialog.dismiss();
    return void dialog.accept(answer ?? dialog.defaultValue());
  });
  return { answers, seen };
}

describe('editor link and body rules', () => {
  it('checks links exactly as the stored format does', () => {
    const hrefs = ['https://example.org/a', 'http://x.test', 'mailto:desk@example.org', '/news/local', '#notes', '//evil.test/x', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'ftp://x.test', 'example.org', ''];
    for (const href of hrefs) expect(clientIsSafeHref(href), href).toBe(isSafeHref(href));
    expect(linkFromInput('example.org/report')).toBe('https://example.org/report');
    expect(linkFromInput('desk@example.org')).toBe('mailto:desk@example.org');
    expect(linkFromInput('javascript:alert(1)')).toBeNull();
    expect(linkFromInput('  /news/local ')).toBe('/news/local');
  });

  it('turns TipTap JSON into a body parseDocument accepts', () => {
    const tiptap = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2, textAlign: null }, content: [{ type: 'text', text: 'Title' }] },
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Too big' }] },
        { type: 'paragraph', attrs: { textAlign: null }, content: [{ type: 'text', text: 'Go', marks: [{ type: 'link', attrs: { href: 'https://example.org', target: '_blank', rel: 'noopener', class: null } }, { type: 'bold' }, { type: 'underline' }] }, { type: 'hardBreak' }, { type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
        { type: 'blockquote', attrs: { attribution: null }, content: [{ type: 'paragraph', content: [] }] },
        { type: 'blockquote', attrs: { attribution: ' Jane ' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quote' }] }] },
        { type: 'orderedList', attrs: { start: 1, type: null }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }, { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nested' }] }] }] }] }] },
        { type: 'figure', attrs: { mediaId: 7, alt: null, caption: '', credit: 'AP' } },
        { type: 'figure', attrs: { mediaId: null } },
        { type: 'relatedArticle', attrs: { articleId: 42 } },
        { type: 'pullQuote', attrs: { text: 'Big words', attribution: null } },
        { type: 'pullQuote', attrs: { text: '' } },
        { type: 'codeBlock', attrs: { language: null }, content: [{ type: 'text', text: 'code' }] },
        { type: 'paragraph', content: [] },
        { type: 'paragraph' },
      ],
    };
    const doc = normaliseDocument(tiptap);
    expect(() => parseDocument(doc)).not.toThrow();
    expect(doc.content.map((b) => b.type)).toEqual(['heading', 'heading', 'paragraph', 'blockquote', 'blockquote', 'orderedList', 'figure', 'relatedArticle', 'pullQuote', 'paragraph']);
    expect(doc.content[1]).toEqual({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Too big' }] });
    expect(doc.content[2]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Go', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }, { type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text: 'x' }] });
    expect(doc.content[3]).toEqual({ type: 'blockquote', content: [{ type: 'paragraph' }] });
    expect(doc.content[4]).toEqual({ type: 'blockquote', attrs: { attribution: 'Jane' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quote' }] }] });
    expect(doc.content[6]).toEqual({ type: 'figure', attrs: { mediaId: 7, credit: 'AP' } });
    expect(normaliseDocument({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a'.repeat(45_000) }] }] }).content[0]).toMatchObject({ content: [{ text: 'a'.repeat(20_000) }, { text: 'a'.repeat(20_000) }, { text: 'a'.repeat(5_000) }] });
    expect(normaliseDocument('nonsense')).toEqual({ type: 'doc', content: [] });
  });
});

const describeBrowser = chromiumAvailable ? describe : describe.skip;

describeBrowser('the body editor in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let origin: string;
  let editorJs: Buffer;
  let editorCss: Buffer;
  let jpeg: Buffer;
  let autosaveMode: AutosaveMode = 'ok';
  const autosaves: AutosaveCall[] = [];
  let lastSavedBody: string | null = null;

  function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
    res.end(body);
  }
  const json = (res: ServerResponse, status: number, value: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const q = (url.searchParams.get('q') ?? '').trim().toLowerCase();
    const path = url.pathname;
    let match: RegExpMatchArray | null;
    if (req.method === 'GET' && path === '/') {
      const body = url.searchParams.has('restore') && lastSavedBody ? lastSavedBody : JSON.stringify(INITIAL);
      return send(res, 200, 'text/html; charset=utf-8', editPage(body), { 'content-security-policy': CSP });
    }
    if (path === '/editor.js') return send(res, 200, 'text/javascript; charset=utf-8', editorJs);
    if (path === '/editor.css') return send(res, 200, 'text/css; charset=utf-8', editorCss);
    if (path === '/page.css') return send(res, 200, 'text/css; charset=utf-8', PAGE_CSS);
    if (path === '/admin/api/media/search') return json(res, 200, MEDIA.filter((m) => !q || [m.alt, m.caption, m.credit].some((t) => t?.toLowerCase().includes(q))));
    if (path === '/admin/api/articles/search') return json(res, 200, STORIES.filter((s) => !q || s.headline.toLowerCase().includes(q)));
    if ((match = /^\/admin\/api\/media\/(\d+)$/.exec(path))) {
      const asset = MEDIA.find((m) => m.id === Number(match?.[1]));
      return asset ? json(res, 200, asset) : json(res, 404, { error: 'no such image' });
    }
    if ((match = /^\/admin\/api\/articles\/(\d+)\/summary$/.exec(path))) {
      const story = STORIES.find((s) => s.id === Number(match?.[1]));
      return story ? json(res, 200, { id: story.id, headline: story.headline, status: story.status }) : json(res, 404, { error: 'no such story' });
    }
    if ((match = /^\/media\/([0-9a-f]{32})\/480\.jpeg$/.exec(path)) && MEDIA.some((m) => m.key === match?.[1])) return send(res, 200, 'image/jpeg', jpeg);
    if (req.method === 'POST' && path === '/autosave') {
      const fields = new URLSearchParams(await readBody(req));
      autosaves.push({ csrf: req.headers['x-csrf-token'] as string | undefined, contentType: req.headers['content-type'], fields });
      if (autosaveMode === 'fail') return json(res, 500, { error: 'database unavailable' });
      if (autosaveMode === 'conflict') return json(res, 409, { error: 'Someone else saved this story meanwhile: reload to see their version.' });
      lastSavedBody = fields.get('body');
      return json(res, 200, { version: Number(fields.get('version')) + 1, savedAt: new Date().toISOString() });
    }
    return send(res, 404, 'text/plain', 'not found');
  }

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    await buildClient();
    editorJs = readFileSync(join(ROOT, 'dist', 'public', 'editor.js'));
    editorCss = readFileSync(join(ROOT, 'public', 'editor.css'));
    jpeg = await sharp({ create: { width: 480, height: 320, channels: 3, background: { r: 40, g: 96, b: 140 } } }).jpeg().toBuffer();
    server = createServer((req, res) => {
      handle(req, res).catch((err: unknown) => send(res, 500, 'text/plain', String(err)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  // A failed test must not leave a page behind that keeps autosaving into the next one.
  const pages: Page[] = [];
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  async function openEditor(path = '/'): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
    pages.push(page);
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${origin}${path}`);
    await page.waitForFunction(() => window.newsdeskEditor !== undefined);
    return { page, errors };
  }

  /** Puts the cursor at the end of the text. TipTap focuses on the next animation frame: wait for it. */
  const toEnd = (page: Page) =>
    page.evaluate(async () => {
      window.newsdeskEditor?.commands.focus('end');
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
  const bodyJson = async (page: Page): Promise<unknown> => JSON.parse(await page.locator('#body-json').inputValue()) as unknown;

  it('writes a story with every tool, keeps #body-json valid and autosaves it', async () => {
    autosaveMode = 'ok';
    autosaves.length = 0;
    const { page, errors } = await openEditor();
    const dialogs = answerDialogs(page);
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    const tool = (name: string) => toolbar.getByRole('button', { name, exact: true });
    const textbox = page.getByRole('textbox', { name: 'Body' });
    await expect.poll(() => textbox.textContent()).toBe('The council met on Tuesday.');

    // Keyboard: Alt+F10 reaches the toolbar (one tab stop, arrow keys inside), Escape goes back.
    const focusedName = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await toEnd(page);
    await page.keyboard.press('Alt+F10');
    await expect.poll(focusedName).toBe('Paragraph');
    await page.keyboard.press('ArrowRight');
    await expect.poll(focusedName).toBe('H2');
    await page.keyboard.press('End');
    await expect.poll(focusedName).toBe('Redo');
    await expect(toolbar.locator('[tabindex="0"]').count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true);

    // A heading, through the toolbar.
    await toEnd(page);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Harbour budget approved');
    await tool('H2').click();
    await expect(tool('H2').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect.poll(() => page.locator('.ProseMirror h2').textContent()).toBe('Harbour budget approved');

    // A quote with its attribution.
    await page.keyboard.press('Enter');
    await page.keyboard.type('We will keep the harbour open.');
    dialogs.answers.push('Jane Smith, mayor');
    await tool('Quote').click();
    await expect(page.locator('.ProseMirror blockquote').getAttribute('data-attribution')).resolves.toBe('Jane Smith, mayor');
    await expect(tool('Quote').getAttribute('aria-pressed')).resolves.toBe('true');

    // Bold through the toolbar, then a link on the selected words.
    await toEnd(page);
    await page.keyboard.type('Councillors voted ');
    await tool('Bold').click();
    await page.keyboard.type('decisively');
    await tool('Bold').click();
    await page.keyboard.type(' for it. Read the report');
    for (let i = 0; i < 'the report'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    dialogs.answers.push('https://example.org/report');
    await tool('Link').click();
    await expect.poll(() => page.locator('.ProseMirror a[href="https://example.org/report"]').textContent()).toBe('the report');

    // An unsafe address is refused with a message, and no link is made.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Do not click here');
    for (let i = 0; i < 'here'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    dialogs.answers.push('javascript:alert(1)');
    await tool('Link').click();
    await expect.poll(() => dialogs.seen.filter((d) => d.type === 'alert').length).toBe(1);
    await expect(page.locator('.ProseMirror a').count()).resolves.toBe(1);

    // A related story from the picker: search, arrow down to the result, Enter.
    await toEnd(page);
    await tool('Related story').click();
    const storyDialog = page.getByRole('dialog', { name: 'Insert related story' });
    await storyDialog.waitFor();
    await storyDialog.getByLabel('Search stories by headline').fill('budget');
    const story = storyDialog.getByRole('button', { name: /Council approves the harbour budget/ });
    await expect.poll(() => storyDialog.getByRole('button', { name: /dredging/ }).count()).toBe(0);
    await story.waitFor();
    await page.keyboard.press('ArrowDown');
    await expect(story.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await storyDialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('.ProseMirror .nd-related').textContent()).toContain('RELATED: Council approves the harbour budget');

    // The image picker closes with Escape…
    await toEnd(page);
    await tool('Image').click();
    const mediaDialog = page.getByRole('dialog', { name: 'Insert image' });
    await mediaDialog.waitFor();
    await page.keyboard.press('Escape');
    await mediaDialog.waitFor({ state: 'hidden' });
    await expect(page.locator('.ProseMirror figure').count()).resolves.toBe(0);
    // …and inserts the chosen image after asking for caption and credit.
    await toEnd(page);
    await tool('Image').click();
    await mediaDialog.waitFor();
    await mediaDialog.getByLabel(/Search images/).fill('boats');
    await expect.poll(() => mediaDialog.getByRole('button', { name: /council chamber/ }).count()).toBe(0);
    await page.screenshot({ path: `${RESULTS}/editor-picker.png` });
    dialogs.answers.push('Boats in the harbour at dawn', undefined);
    await mediaDialog.getByRole('button', { name: /Fishing boats/ }).click();
    await mediaDialog.waitFor({ state: 'hidden' });
    const thumbnail = page.locator('.ProseMirror figure img');
    await thumbnail.waitFor();
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);
    await expect.poll(() => page.locator('.ProseMirror figure figcaption').textContent()).toContain('Boats in the harbour at dawn');

    // A pull quote and a list.
    await toEnd(page);
    dialogs.answers.push('We will not let the harbour silt up', 'Jane Smith');
    await tool('Pull quote').click();
    await expect.poll(() => page.locator('.ProseMirror .nd-pullquote-text').textContent()).toBe('We will not let the harbour silt up');
    await toEnd(page);
    await tool('Bulleted list').click();
    await page.keyboard.type('Dredging starts in May');

    // The hidden input holds a valid stored body with everything in it.
    const doc = parseDocument(await bodyJson(page));
    const blocks = doc.content;
    const inline = blocks.flatMap((b) => (b.type === 'paragraph' ? (b.content ?? []) : [])).flatMap((n) => (n.type === 'text' ? [n] : []));
    expect(blocks).toContainEqual({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Harbour budget approved' }] });
    expect(blocks).toContainEqual({ type: 'blockquote', attrs: { attribution: 'Jane Smith, mayor' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'We will keep the harbour open.' }] }] });
    expect(blocks).toContainEqual({ type: 'relatedArticle', attrs: { articleId: 42 } });
    expect(blocks).toContainEqual({ type: 'figure', attrs: { mediaId: 7, alt: 'Fishing boats moored in the harbour at dawn', caption: 'Boats in the harbour at dawn', credit: 'Ana Lopes/Newsdesk' } });
    expect(blocks).toContainEqual({ type: 'pullQuote', attrs: { text: 'We will not let the harbour silt up', attribution: 'Jane Smith' } });
    expect(blocks).toContainEqual({ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Dredging starts in May' }] }] }] });
    expect(inline).toContainEqual({ type: 'text', text: 'decisively', marks: [{ type: 'bold' }] });
    expect(inline).toContainEqual({ type: 'text', text: 'the report', marks: [{ type: 'link', attrs: { href: 'https://example.org/report' } }] });
    expect(inline).toContainEqual({ type: 'text', text: 'Do not click here' });
    expect(JSON.stringify(doc)).not.toMatch(/javascript/i);

    // Autosave: after 3 s of quiet the form is posted; each answer's version is carried forward.
    const finalBody = await page.locator('#body-json').inputValue();
    await expect
      .poll(
        async () => ({
          body: autosaves.at(-1)?.fields.get('body'),
          status: await page.locator('#autosave-status').textContent(),
          versionCarried: (await page.locator('input[name="version"]').inputValue()) === String(1 + autosaves.length),
        }),
        { timeout: 15_000 },
      )
      .toEqual({ body: finalBody, status: expect.stringMatching(/^Draft saved at \d\d:\d\d$/) as unknown, versionCarried: true });
    expect(autosaves.length).toBeGreaterThanOrEqual(1);
    autosaves.forEach((call, i) => {
      expect(call.csrf).toBe(CSRF);
      expect(call.contentType).toMatch(/^application\/x-www-form-urlencoded/);
      expect(call.fields.get('version')).toBe(String(1 + i));
      expect(call.fields.get('headline')).toBe('Harbour budget');
      expect(() => parseDocument(JSON.parse(call.fields.get('body') ?? '') as unknown)).not.toThrow();
    });
    if (autosaves.length === 1) await expect(page.locator('input[name="version"]').inputValue()).resolves.toBe('2');

    await expect(axeViolations(page)).resolves.toEqual([]);
    // Tall enough that the sticky toolbar stays in place for a whole-form screenshot.
    await page.setViewportSize({ width: 1100, height: 1500 });
    await toEnd(page);
    await page.locator('#article-form').screenshot({ path: `${RESULTS}/editor.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('#article-form').screenshot({ path: `${RESULTS}/editor-dark.png` });
    expect(errors).toEqual([]);
    await page.close();

    // The saved body loads back: the blocks fetch their headline and thumbnail from the API.
    const reopened = await openEditor('/?restore');
    await expect.poll(() => reopened.page.locator('.ProseMirror .nd-related').textContent()).toContain('RELATED: Council approves the harbour budget');
    await expect.poll(() => reopened.page.locator('.ProseMirror figure img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);
    await expect(reopened.page.locator('#body-json').inputValue()).resolves.toBe(finalBody);
    expect(reopened.errors).toEqual([]);
    await reopened.page.close();
  });

  it('reports autosave failures, and stops autosaving after a conflict', async () => {
    autosaves.length = 0;
    autosaveMode = 'fail';
    const { page } = await openEditor();
    const status = page.locator('#autosave-status');
    await page.locator('.ProseMirror').click();
    await page.keyboard.type(' More.');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Autosave failed; your changes are still here');
    await expect(page.locator('input[name="version"]').inputValue()).resolves.toBe('1');

    // The next change tries again; this time someone else has saved the story.
    autosaveMode = 'conflict';
    await page.keyboard.type(' Even more.');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Someone else saved this story meanwhile: reload to see their version.');
    expect(autosaves).toHaveLength(2);

    // No more autosaves after a conflict, whatever is typed.
    await page.keyboard.type(' Still typing.');
    await page.waitForTimeout(3_800);
    expect(autosaves).toHaveLength(2);
    expect(JSON.stringify(await bodyJson(page))).toContain('Still typing.');
    await page.close();
  });
});
