/**
 * Two language editions on every database: English at /, Spanish under /es, each with its
 * own home, sections, navigation, feeds, search, lite pages and sitemaps; stories linked to
 * their translations ("Leer en español" / "Read in English") with hreflang both ways; the
 * newsroom linking, unlinking and starting translations.
 */
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/seed/seed-demo.js';
import { createArticle } from '../../src/services/publishing.js';
import { ValidationError } from '../../src/services/publishing.js';
import type { TestApp } from '../helpers/app.js';
import { TEST_ORIGIN, startTestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import type { Browserish } from '../helpers/staff.js';
import { signedIn } from '../helpers/staff.js';

interface Story {
  id: number;
  language: string;
  path: string;
  headline: string;
}

const validator = new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:document'] });

/** The hreflang links of a page's head, as { hreflang: absolute URL }. */
function hreflangs(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)) out[m[1] ?? ''] = m[2] ?? '';
  return out;
}

describe.each(DIALECTS)('language editions on %s', (dialect) => {
  let t: TestApp;
  let stories: Story[];
  let groups: Map<number, number>;
  let editor: Browserish;
  const get = (url: string) => t.app.server.inject({ method: 'GET', url });
  const seedEn = () => stories.find((s) => s.language === 'en' && s.path.includes('un-mission-urges-armed-groups'));
  const translationOf = (s: Story | undefined) => stories.find((o) => o.id === groups.get(s?.id ?? -1));

  beforeAll(async () => {
    t = await startTestApp(dialect);
    await seedDemo({ db: t.app.db, media: t.app.media, events: t.app.events });
    const rows = await t.app.db.kysely.selectFrom('articles').select(['id', 'language', 'section_id', 'slug', 'headline']).execute();
    const trees = { en: await t.app.reading.sectionTree('en'), es: await t.app.reading.sectionTree('es') };
    stories = rows.map((r) => ({ id: r.id, language: r.language, headline: r.headline, path: t.app.reading.articleUrl(r.language === 'es' ? trees.es : trees.en, { sectionId: r.section_id, slug: r.slug }) }));
    // Pairs: each story -> its version in the other edition.
    const links = await t.app.db.kysely.selectFrom('article_translations').select(['article_id', 'group_id']).execute();
    groups = new Map();
    for (const a of links) for (const b of links) if (a.group_id === b.group_id && a.article_id !== b.article_id) groups.set(a.article_id, b.article_id);
    editor = await signedIn(t, 'editor');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('serves a Spanish home with its own navigation, words, tagline and hreflang to the English home', async () => {
    const res = await get('/es');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="es">');
    expect(res.body).toMatch(/<a href="\/es" aria-current="page">Portada<\/a>/);
    expect(res.body).toContain('<a href="/es/noticias">Noticias</a>');
    expect(res.body).not.toContain('<a href="/news">');
    expect(res.body).toContain('Noticias, análisis y televisión en vivo de todo el mundo');
    expect(res.body).toContain('<meta property="og:locale" content="es_LA"/>');
    expect(hreflangs(res.body)).toEqual({ es: `${TEST_ORIGIN}/es`, en: `${TEST_ORIGIN}/`, 'x-default': `${TEST_ORIGIN}/` });
    expect(hreflangs((await get('/')).body)).toEqual({ en: `${TEST_ORIGIN}/`, es: `${TEST_ORIGIN}/es`, 'x-default': `${TEST_ORIGIN}/` });
    // Every Spanish card on the home is a Spanish story; no English story shows.
    for (const s of stories.filter((x) => x.language === 'en')) expect(res.body).not.toContain(`href="${s.path}"`);
    expect((await get('/es/')).headers.location).toBe('/es');
  });

  it('links every translated story to its other version, both ways, with hreflang and a "read in" link in the other language', async () => {
    const pairs = stories.filter((s) => groups.has(s.id));
    expect(pairs.length).toBeGreaterThanOrEqual(14);
    for (const s of pairs) {
      const other = translationOf(s);
      if (!other) throw new Error(`no translation for ${s.path}`);
      const res = await get(s.path);
      expect(res.statusCode, s.path).toBe(200);
      expect(res.body).toContain(`<html lang="${s.language}">`);
      const english = s.language === 'en' ? s : other;
      expect(hreflangs(res.body), s.path).toEqual({ [s.language]: `${TEST_ORIGIN}${s.path}`, [other.language]: `${TEST_ORIGIN}${other.path}`, 'x-default': `${TEST_ORIGIN}${english.path}` });
      const text = other.language === 'es' ? 'Leer en español' : 'Read in English';
      expect(res.body, s.path).toMatch(new RegExp(`<a href="${other.path}" hreflang="${other.language}" lang="${other.language}"[^>]*>${text}</a>`));
    }
  });

  it('keeps stories without a translation free of hreflang, and points the edition switcher at the other home', async () => {
    const alone = stories.find((s) => s.language === 'es' && !groups.has(s.id));
    if (!alone) throw new Error('every Spanish story is a translation');
    const res = await get(alone.path);
    expect(hreflangs(res.body)).toEqual({});
    expect(res.body).toMatch(/<ul class="editions" aria-label="Ediciones"><li><a href="\/" hreflang="en" lang="en">English<\/a><\/li><\/ul>/);
    const translated = await get(seedEn()?.path ?? '');
    expect(translated.body).toContain(`<a href="${translationOf(seedEn())?.path ?? 'missing'}" hreflang="es" lang="es">Español</a>`);
  });

  it('writes dates and counts for the edition: Spanish months, "comentarios"', async () => {
    const es = translationOf(seedEn());
    const res = await get(es?.path ?? '');
    const month = new Intl.DateTimeFormat('es-419', { month: 'long', timeZone: 'UTC' }).format(new Date());
    expect(res.body).toContain(` de ${month} de `);
    expect(res.body).toContain('<span data-comment-count="true">Sin comentarios</span>');
    expect(res.body).not.toContain('Comments');
  });

  it('gives each edition its own sections: a Spanish section lists Spanish stories only, an English one English only', async () => {
    const libia = await get('/es/noticias/oriente-medio-africa/libia');
    expect(libia.statusCode).toBe(200);
    expect(libia.body).toContain(`href="${translationOf(seedEn())?.path ?? 'missing'}"`);
    const news = await get('/news');
    for (const s of stories.filter((x) => x.language === 'es')) expect(news.body).not.toContain(s.path);
    // An English path under /es, or a Spanish one at the root, is not a page.
    expect((await get('/es/news')).statusCode).toBe(404);
    expect((await get('/noticias')).statusCode).toBe(404);
  });

  it('offers feeds per edition: Spanish stories at /es/feeds, in Spanish, and none in the English feed', async () => {
    const es = await get('/es/feeds/rss.xml');
    expect(es.statusCode).toBe(200);
    expect(es.body).toContain('<language>es</language>');
    const esLinks = [...es.body.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1] ?? '');
    expect(esLinks.filter((l) => l !== `${TEST_ORIGIN}/es`).every((l) => l.startsWith(`${TEST_ORIGIN}/es/`))).toBe(true);
    expect(esLinks.length).toBeGreaterThan(5);
    const en = await get('/feeds/rss.xml');
    expect(en.body).not.toContain(`${TEST_ORIGIN}/es/`);
    // Section feeds follow the Spanish tree, and pages name them for autodiscovery.
    expect((await get('/es/feeds/section/noticias/atom.xml')).statusCode).toBe(200);
    expect((await get('/es/noticias')).body).toContain(`href="${TEST_ORIGIN}/es/feeds/section/noticias/rss.xml"`);
  });

  it('searches each edition in its own language: accents ignored, Spanish stems', async () => {
    const es = await get('/es/search?q=Bogota');
    expect(es.statusCode).toBe(200);
    expect(es.body).toContain('<html lang="es">');
    const hits = [...es.body.matchAll(/<a href="(\/es\/[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(hits.some((h) => stories.some((s) => s.language === 'es' && s.path === h))).toBe(true);
    const en = await get('/search?q=Bogota');
    for (const s of stories.filter((x) => x.language === 'es')) expect(en.body).not.toContain(s.path);
  });

  it('serves the lite edition of each: /lite/es and its stories, linked to their full pages', async () => {
    const home = await get('/lite/es');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<html lang="es">');
    const es = translationOf(seedEn());
    const story = await get(`/lite${es?.path ?? ''}`);
    expect(story.statusCode).toBe(200);
    expect(story.body).toContain(`<link rel="canonical" href="${TEST_ORIGIN}${es?.path ?? ''}"/>`);
  });

  it('serves valid HTML5 on the Spanish pages', async () => {
    const es = translationOf(seedEn())?.path ?? '';
    for (const path of ['/es', '/es/noticias', es, '/es/search?q=petroleo', '/lite/es', `/lite${es}`]) {
      const res = await get(path);
      expect(res.statusCode, path).toBe(200);
      const report = await validator.validateString(res.body);
      expect(report.valid, `${path}: ${report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)).join('\n')}`).toBe(true);
    }
  });

  it('lets the newsroom link, unlink and start translations, and the pages follow at once', async () => {
    const en = stories.find((s) => s.language === 'en' && !groups.has(s.id));
    const es = stories.find((s) => s.language === 'es' && !groups.has(s.id));
    if (!en || !es) throw new Error('need stories without translations');
    expect(hreflangs((await get(en.path)).body).es).toBeUndefined();

    // Link by the Spanish story's address, as an editor would paste it.
    const linked = await editor.post(`/admin/articles/${en.id}/translations`, { other: `${TEST_ORIGIN}${es.path}` });
    expect(linked.statusCode, linked.body.slice(0, 300)).toBe(200);
    expect(linked.body).toContain('Linked.');
    expect(hreflangs((await get(en.path)).body).es).toBe(`${TEST_ORIGIN}${es.path}`);
    expect((await get(es.path)).body).toContain('Read in English');

    // A second Spanish version is refused, with the reason.
    const other = stories.find((s) => s.language === 'es' && !groups.has(s.id) && s.id !== es.id);
    const clash = await editor.post(`/admin/articles/${en.id}/translations`, { other: String(other?.id) });
    expect(clash.statusCode).toBe(400);
    expect(clash.body).toContain('two es stories');
    const nonsense = await editor.post(`/admin/articles/${en.id}/translations`, { other: '/no/such/story' });
    expect(nonsense.statusCode).toBe(400);

    const unlinked = await editor.post(`/admin/articles/${en.id}/translations/unlink`, {});
    expect(unlinked.statusCode).toBe(200);
    expect(hreflangs((await get(en.path)).body).es).toBeUndefined();
    expect((await get(es.path)).body).not.toContain('Read in English');

    // Starting the Spanish version: a linked draft in the Spanish tree, invisible until published.
    const started = await editor.post(`/admin/articles/${en.id}/translations/start`, { language: 'es' });
    expect(started.statusCode).toBe(303);
    const draftId = Number(/\/admin\/articles\/(\d+)/.exec(String(started.headers.location))?.[1]);
    const draft = await t.app.newsroom.load(draftId);
    expect(draft?.article.language).toBe('es');
    expect(draft?.article.status).toBe('draft');
    expect((await t.app.reading.sectionTree('es')).byId.has(draft?.article.sectionId ?? -1)).toBe(true);
    expect(hreflangs((await get(en.path)).body).es).toBeUndefined();
    const edit = await editor.get(`/admin/articles/${draftId}`);
    expect(edit.body).toContain(`href="/admin/articles/${en.id}"`);
    const version = /<input type="hidden" name="version" value="(\d+)"/.exec(edit.body)?.[1] ?? '';
    const published = await editor.post(`/admin/articles/${draftId}`, {
      headline: 'Versión en español de una historia',
      standfirst: 'Un resumen en español.',
      sectionId: String(draft?.article.sectionId),
      label: 'news',
      body: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Texto.' }] }] }),
      tags: 'Prueba',
      version,
      action: 'publish',
    });
    expect(published.statusCode, published.body.slice(0, 400)).toBe(200);
    // The English page was cached without the link; the publish of its translation refreshed it.
    expect((await get(en.path)).body).toContain('Leer en español');
  });

  it('files a story in its own edition: the newsroom takes the language from the section, imports are checked', async () => {
    const [englishSection] = (await t.app.reading.sectionTree('en')).children(null);
    await expect(createArticle({ db: t.app.db, events: t.app.events }, { headline: 'Una historia mal archivada', language: 'es', sectionId: englishSection?.id ?? -1, label: 'news', standfirst: 'x', body: { type: 'doc', content: [] }, status: 'draft' })).rejects.toThrow(ValidationError);
    const [spanishSection] = (await t.app.reading.sectionTree('es')).children(null);
    const res = await editor.post('/admin/articles', { headline: 'Otra historia en español', standfirst: 'Un resumen.', sectionId: String(spanishSection?.id), label: 'news', body: JSON.stringify({ type: 'doc', content: [] }), tags: '' });
    expect(res.statusCode).toBe(303);
    const id = Number(/\/admin\/articles\/(\d+)/.exec(String(res.headers.location))?.[1]);
    const created = await t.app.newsroom.load(id);
    expect(created?.article.language).toBe('es');
    expect(created?.article.slug).toBe('otra-historia-en-espanol');
  });
});
