import { describe, expect, it } from 'vitest';
import type { Language } from '../core/articles.js';
import { markWords, snippet } from './search.js';
import { stem, words } from './search-text.js';

/** The snippet as first written: every word of the text split and stemmed, then the window cut. */
function everyWordSnippet(text: string, want: ReadonlySet<string>, language: Language, size = 30) {
  const all = words(text);
  const first = all.findIndex((w) => want.has(stem(w.word, language)));
  const from = Math.max(0, (first < 0 ? 0 : first) - 8);
  const slice = all.slice(from, from + size);
  const parts = markWords(text.slice(slice[0]?.start ?? 0, slice[slice.length - 1]?.end ?? 0).replace(/\s+/g, ' '), want, 'en');
  if (from > 0) parts.unshift({ text: '… ', match: false });
  if (from + size < all.length) parts.push({ text: ' …', match: false });
  return parts;
}

const asText = (parts: { text: string; match: boolean }[]) => parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join('');
const numbered = (n: number, first = 1) => Array.from({ length: n }, (_, i) => `w${i + first}`).join(' ');

describe('search snippets', () => {
  it('shows 8 words before the first searched word and 30 in all, with ellipses where the text goes on', () => {
    const text = `${numbered(20)} budgets ${numbered(40, 21)}`;
    expect(asText(snippet(text, new Set([stem('budget', 'en')]), 'en'))).toBe(`… ${numbered(8, 13)} [budgets] ${numbered(21, 21)} …`);
  });

  it('starts at the opening when the searched word is near it, and adds no ellipsis at the end of the text', () => {
    expect(asText(snippet('The budget vote, delayed twice, passed.', new Set([stem('budget', 'en')]), 'en'))).toBe('The [budget] vote, delayed twice, passed');
  });

  it('shows the opening when the text does not contain the word (a headline match)', () => {
    const text = numbered(45);
    expect(asText(snippet(text, new Set(['absent']), 'en'))).toBe(`${numbered(30)} …`);
    expect(asText(snippet(numbered(30), new Set(['absent']), 'en'))).toBe(numbered(30));
  });

  it('cuts exactly as splitting every word did, whatever the text', () => {
    const vocabulary = ['budget', 'Budgets', 'water', 'vote', 'the', 'Bogotá', 'año', '2026', 'schools'];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let run = 0; run < 300; run++) {
      const length = Math.floor(random() * 80);
      const text = Array.from({ length }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(random() < 0.5 ? ' ' : ',\n ');
      const want = new Set([stem(vocabulary[Math.floor(random() * vocabulary.length)] ?? 'budget', 'en')]);
      expect(snippet(text, want, 'en'), text).toEqual(everyWordSnippet(text, want, 'en'));
    }
  });
});
