import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, isValidSlug, slugify } from './slugs.js';

describe('slugify', () => {
  it('transliterates Spanish and other Latin scripts', () => {
    expect(slugify('Bogotá: ¿Qué pasó con la reforma?')).toBe('bogota-que-paso-con-la-reforma');
    expect(slugify('Año nuevo en Ñuñoa')).toBe('ano-nuevo-en-nunoa');
    expect(slugify('Łódź and São Paulo')).toBe('lodz-and-sao-paulo');
  });

  it('keeps slugs within the limit, cut at a word', () => {
    const slug = slugify('A very long headline about a ceasefire that keeps going and going past any sensible length for a URL');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith('-')).toBe(false);
    expect(isValidSlug(slug)).toBe(true);
  });

  it('validates slugs', () => {
    expect(isValidSlug('libya-truce')).toBe(true);
    expect(isValidSlug('Libya')).toBe(false);
    expect(isValidSlug('a--b')).toBe(false);
    expect(isValidSlug('../etc')).toBe(false);
  });
});
