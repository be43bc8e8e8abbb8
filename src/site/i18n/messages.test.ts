/**
 * The message files: every language has exactly English's keys, every message parses as
 * ICU MessageFormat with the same arguments and tags as the English one, counts read
 * naturally in both languages, and the comments island's own small formatter agrees with
 * intl-messageformat on every message.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { formatParts, formatText } from '../../../client/comments/icu.js';
import { ISLAND_KEYS } from '../../../client/comments/messages.js';
import type { Language } from '../../core/articles.js';
import { LANGUAGES } from '../../core/articles.js';
import { Editions } from '../../core/editions.js';
import { islandMessages } from '../views/comments/CommentsSection.js';
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import type { MessageKey } from './translate.js';
import { translator } from './translate.js';

const FILES: Record<Language, Record<string, string>> = { en, es };
const editions = new Editions(LANGUAGES);
const localeOf = (language: Language) => editions.of(language).locale;
const keys = Object.keys(en).sort();

/** The parts of intl-messageformat's AST this test reads. */
interface Element {
  type: number;
  value?: unknown;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
}
// intl-messageformat's element types (TYPE in @formatjs/icu-messageformat-parser).
const ARGUMENT = 1;
const NUMBER = 2;
const DATE = 3;
const TIME = 4;
const SELECT = 5;
const PLURAL = 6;
const TAG = 8;

interface Shape {
  /** Argument names, with what kind of value each takes. */
  args: Map<string, 'text' | 'number' | 'select'>;
  tags: Set<string>;
}

function shapeOf(source: string, locale: string): Shape {
  const shape: Shape = { args: new Map(), tags: new Set() };
  const walk = (elements: readonly Element[]) => {
    for (const el of elements) {
      const name = String(el.value);
      if (el.type === ARGUMENT || el.type === DATE || el.type === TIME) {
        if (!shape.args.has(name)) shape.args.set(name, 'text');
      } else if (el.type === NUMBER || el.type === PLURAL) shape.args.set(name, 'number');
      else if (el.type === SELECT) shape.args.set(name, 'select');
      else if (el.type === TAG) shape.tags.add(name);
      for (const option of Object.values(el.options ?? {})) walk(option.value);
      walk(el.children ?? []);
    }
  };
  walk(new IntlMessageFormat(source, locale).getAst());
  return shape;
}

/** Tags as visible brackets, so tag placement shows in a string comparison. */
const bracketTags = (shape: Shape): Record<string, (chunks: string[]) => string> => Object.fromEntries([...shape.tags].map((tag) => [tag, (chunks: string[]) => `[${tag}:${chunks.join('')}]`]));

describe('message files', () => {
  it('every language has exactly the English keys', () => {
    for (const language of LANGUAGES) expect(Object.keys(FILES[language]).sort(), language).toEqual(keys);
  });

  it('every message parses, with the arguments and tags of the English one', () => {
    for (const key of keys) {
      const reference = shapeOf(en[key as MessageKey], 'en-GB');
      for (const language of LANGUAGES) {
        const source = FILES[language][key] ?? '';
        expect(source.trim(), `${language} ${key} is empty`).not.toBe('');
        const shape = shapeOf(source, localeOf(language));
        expect([...shape.args.keys()].sort(), `${language} ${key} arguments`).toEqual([...reference.args.keys()].sort());
        expect([...shape.tags].sort(), `${language} ${key} tags`).toEqual([...reference.tags].sort());
      }
    }
  });

  it('counts comments and stories in both languages', () => {
    const english = translator('en', 'en-GB');
    const spanish = translator('es', 'es-419');
    expect([0, 1, 2, 1234].map((count) => english('comments.count', { count }))).toEqual(['0 Comments', '1 Comment', '2 Comments', '1,234 Comments']);
    expect([0, 1, 2, 1234].map((count) => spanish('comments.count', { count }))).toEqual(['Sin comentarios', '1 comentario', '2 comentarios', '1,234 comentarios']);
    expect([0, 1, 5].map((count) => english('card.comments', { count }))).toEqual(['0 comments', '1 comment', '5 comments']);
    expect([0, 1, 5].map((count) => spanish('card.comments', { count }))).toEqual(['0 comentarios', '1 comentario', '5 comentarios']);
    expect(english('search.results', { count: 1, query: 'saffron' })).toBe('1 story for “saffron”');
    expect(english('search.results', { count: 12, query: 'apricot' })).toBe('12 stories for “apricot”');
    expect(spanish('search.results', { count: 12, query: 'elecciones' })).toBe('12 noticias para “elecciones”');
    expect(english('pagination.position', { page: 1, total: 2 })).toBe('Page 1 of 2');
    expect(spanish('pagination.position', { page: 1, total: 2 })).toBe('Página 1 de 2');
    expect(english('comments.moreReplies', { count: 1 })).toBe('1 more reply');
    expect(spanish('comments.moreReplies', { count: 3 })).toBe('3 respuestas más');
    expect(english('comments.error.tooFast', { unit: 'seconds', amount: 60 })).toBe('You are commenting too fast. Try again in 60 seconds.');
    expect(spanish('comments.error.tooFast', { unit: 'minutes', amount: 1 })).toBe('Estás comentando demasiado rápido. Inténtalo de nuevo en 1 minuto.');
    expect(english('list.titlePage', { title: 'Libya', page: 2 })).toBe('Libya (page 2)');
  });

  it('labels and the invitation to read a translation', () => {
    expect(translator('en', 'en-GB')('label.feature')).toBe('Feature');
    expect(translator('es', 'es-419')('label.feature')).toBe('Reportaje');
    expect(translator('en', 'en-GB')('edition.readIn')).toBe('Read in English');
    expect(translator('es', 'es-419')('edition.readIn')).toBe('Leer en español');
  });
});

describe('the comments island formatter (client/comments/icu.ts)', () => {
  it('formats every message as intl-messageformat does', () => {
    for (const language of LANGUAGES) {
      const locale = localeOf(language);
      for (const key of keys) {
        const source = FILES[language][key] ?? '';
        const shape = shapeOf(source, locale);
        for (const n of [0, 1, 2, 21, 1234]) {
          const values: Record<string, string | number> = {};
          for (const [name, kind] of shape.args) values[name] = kind === 'number' ? n : kind === 'select' ? (n % 2 ? 'minutes' : 'seconds') : `‹${name}›`;
          const tags = bracketTags(shape);
          const expected = String(new IntlMessageFormat(source, locale).format<string>({ ...values, ...tags }));
          expect(formatParts<string>(source, locale, values, tags).join(''), `${language} ${key} (${n})`).toBe(expected);
          if (shape.tags.size === 0) expect(formatText(source, locale, values)).toBe(expected);
        }
      }
    }
  });

  it('gets exactly its messages, in the page language, from the comments section', () => {
    for (const language of LANGUAGES) {
      const data = JSON.parse(islandMessages(translator(language, localeOf(language)))) as { locale: string; messages: Record<string, string> };
      expect(data.locale).toBe(localeOf(language));
      expect(Object.keys(data.messages).sort()).toEqual([...ISLAND_KEYS].sort());
      for (const key of ISLAND_KEYS) expect(data.messages[key]).toBe(FILES[language][key]);
    }
  });
});
