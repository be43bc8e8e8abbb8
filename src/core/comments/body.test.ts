import { describe, expect, it } from 'vitest';
import { commentLinks, commentPlainText, normaliseCommentText, parseCommentText } from './body.js';

describe('comment text', () => {
  it('keeps paragraphs, quotes, bold, italic and links', () => {
    const blocks = parseCommentText('> The minister said it.\n> Twice.\n\nI **disagree**, see *this* [report](https://www.un.org/report) and https://example.org/a.');
    expect(blocks[0]).toEqual({ type: 'quote', content: [{ type: 'text', text: 'The minister said it.' }, { type: 'break' }, { type: 'text', text: 'Twice.' }] });
    expect(blocks[1]?.content).toEqual([
      { type: 'text', text: 'I ' },
      { type: 'text', text: 'disagree', bold: true },
      { type: 'text', text: ', see ' },
      { type: 'text', text: 'this', italic: true },
      { type: 'text', text: ' ' },
      { type: 'link', href: 'https://www.un.org/report', text: 'report' },
      { type: 'text', text: ' and ' },
      { type: 'link', href: 'https://example.org/a', text: 'https://example.org/a' },
      { type: 'text', text: '.' },
    ]);
  });

  it('treats markup and script URLs as text, never as elements or links', () => {
    const blocks = parseCommentText('<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) data:text/html,<b>x</b>');
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.content.every((n) => n.type === 'text')).toBe(true);
    expect(commentPlainText('<b>hi</b>')).toBe('<b>hi</b>');
  });

  it('strips invisible and direction-changing characters that disguise text', () => {
    expect(normaliseCommentText('pay\u200Bpal \u202Eevil\u202C\u0007 ok\r\n\n\n\nnext')).toBe('paypal evil ok\n\nnext');
    expect(normaliseCommentText('Cafe\u0301')).toBe('Café');
  });

  it('lists the links a comment carries', () => {
    expect(commentLinks('see [a](https://a.example/x) and https://b.example/y, and https://a.example/x')).toEqual(['https://a.example/x', 'https://b.example/y']);
    expect(commentLinks('no links here')).toEqual([]);
  });
});
