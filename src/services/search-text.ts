/**
 * The text search sees: lower case, accents folded ("Bogotá" is "bogota"), split into words,
 * stemmed with Snowball for the story's language ("elecciones" and "elección" meet at
 * "eleccion"). Stories and queries go through the same function, so they always agree, and
 * both databases index the result.
 */
import snowball from 'snowball-stemmers';
import type { Language } from '../core/articles.js';

const stemmers = { en: snowball.newStemmer('english'), es: snowball.newStemmer('spanish') } as const;

/** Words too common to mean anything in a query (a short list: Snowball's stemming keeps the rest apart). */
const STOP_WORDS: Record<Language, ReadonlySet<string>> = {
  en: new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'is', 'it', 'of', 'on', 'or', 'that', 'the', 'to', 'was', 'with']),
  es: new Set(['a', 'al', 'de', 'del', 'el', 'en', 'es', 'la', 'las', 'lo', 'los', 'o', 'para', 'por', 'que', 'se', 'su', 'un', 'una', 'y']),
};

export const foldWord = (word: string): string => word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** A word of a text, as written, and where it is. */
export interface Word {
  word: string;
  start: number;
  end: number;
}

/** A run of letters and digits, in any script. New each time: a global regex keeps its place. */
const wordPattern = () => /[\p{L}\p{N}]+/gu;

/** The words of a text, as written (for snippets) and as searched (their stems). */
export function words(text: string): Word[] {
  return [...text.matchAll(wordPattern())].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

/** The words of a text one at a time, for a reader that stops early: undefined after the last. */
export function wordReader(text: string): () => Word | undefined {
  const pattern = wordPattern();
  let done = false;
  return () => {
    // Past the end, exec would start again from the top: the reader stays at its end.
    const m = done ? null : pattern.exec(text);
    if (!m) {
      done = true;
      return undefined;
    }
    return { word: m[0], start: m.index, end: m.index + m[0].length };
  };
}

/**
 * Stems already worked out, per language. A language has a few tens of thousands of words in
 * use, and the snippets of one results page stem every word of ten stories: without this,
 * Snowball was half the CPU of a search (--cpu-prof, docs/performance.md). Bounded: emptied
 * when full, which a long tail of rare words and names can reach.
 */
const STEM_CACHE_LIMIT = 50_000;
const stemCache: Record<Language, Map<string, string>> = { en: new Map(), es: new Map() };

export function stem(word: string, language: Language): string {
  const cache = stemCache[language];
  const known = cache.get(word);
  if (known !== undefined) return known;
  const folded = foldWord(word);
  const stemmed = /^\p{N}+$/u.test(folded) ? folded : stemmers[language].stem(folded);
  if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
  cache.set(word, stemmed);
  return stemmed;
}

/** The indexed form of a text: its stems, space-separated, in order. */
export function searchTerms(text: string, language: Language): string {
  return words(text)
    .map((w) => stem(w.word, language))
    .join(' ');
}

/** The stems a query asks for: stop words dropped, each once, at most ten. */
export function queryStems(query: string, language: Language): string[] {
  const stems = words(query)
    .filter((w) => !STOP_WORDS[language].has(foldWord(w.word)))
    .map((w) => stem(w.word, language))
    .filter((s) => s.length > 0);
  return [...new Set(stems)].slice(0, 10);
}
