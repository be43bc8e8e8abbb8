/**
 * The newsroom's own pages are HTML5 an editor's assistive technology can rely on: the story
 * form (new and existing), checked whole with html-validate like the reader pages.
 */
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';
import { signedIn } from '../helpers/staff.js';

describe('newsroom markup', () => {
  let t: TestApp;
  let storyId = 0;
  const validator = new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:document'] });

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    const section = await t.make.section({ slug: 'news', name: 'News' });
    storyId = (await t.make.article({ sectionId: section.id, headline: 'Bridge repairs start on Monday' })).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('serves the story form as valid HTML5', async () => {
    const editor = await signedIn(t, 'editor');
    for (const url of ['/admin/articles/new', `/admin/articles/${storyId}`]) {
      const page = await editor.get(url);
      expect(page.statusCode, url).toBe(200);
      const report = await validator.validateString(page.body);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line})`)), url).toEqual([]);
    }
  });
});
