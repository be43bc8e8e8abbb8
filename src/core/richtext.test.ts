import { describe, expect, it } from 'vitest';
import { InvalidDocumentError, documentToPlainText, isSafeHref, parseDocument, referencedArticleIds, wordCount } from './richtext.js';

describe('isSafeHref', () => {
  it.each(['https://example.org/a?b=1', 'http://example.org', 'mailto:desk@example.org', '/news/libya', '#comments'])('accepts %s', (href) => {
    expect(isSafeHref(href)).toBe(true);
  });
  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)', '\u0000javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', '//evil.example/x', 'file:///etc/passwd', 'not a url'])('refuses %s', (href) => {
    expect(isSafeHref(href)).toBe(false);
  });
});

describe('parseDocument', () => {
  const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

  it('accepts the structures an article body uses', () => {
    const doc = parseDocument({
      type: 'doc',
      content: [
        para('Intro.'),
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Sub' }] },
        { type: 'blockquote', attrs: { attribution: 'A spokesperson' }, content: [para('Quoted.')] },
        { type: 'orderedList', content: [{ type: 'listItem', content: [para('one')] }] },
        { type: 'relatedArticle', attrs: { articleId: 7 } },
        { type: 'pullQuote', attrs: { text: 'Big words' } },
        { type: 'figure', attrs: { mediaId: 3, caption: 'c' } },
        { type: 'paragraph', content: [{ type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'https://un.org/' } }, { type: 'bold' }] }] },
      ],
    });
    expect(doc.content).toHaveLength(8);
    expect(referencedArticleIds(doc)).toEqual([7]);
    expect(documentToPlainText(doc)).toContain('Quoted.');
    expect(wordCount(doc)).toBeGreaterThan(5);
  });

  it('rejects unknown nodes, raw HTML nodes and extra attributes', () => {
    expect(() => parseDocument({ type: 'doc', content: [{ type: 'html', html: '<script>alert(1)</script>' }] })).toThrow(InvalidDocumentError);
    expect(() => parseDocument({ type: 'doc', content: [{ type: 'paragraph', attrs: { onclick: 'x' }, content: [] }] })).toThrow(InvalidDocumentError);
    expect(() => parseDocument({ type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [] }] })).toThrow(InvalidDocumentError);
    expect(() => parseDocument('<p>hi</p>')).toThrow(InvalidDocumentError);
  });

  it('rejects unsafe link targets with a message naming the place', () => {
    try {
      parseDocument({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidDocumentError);
      expect((err as InvalidDocumentError).message).toContain('content.0.content.0.marks.0.attrs.href');
    }
  });
});
