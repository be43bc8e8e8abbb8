import { describe, expect, it } from 'vitest';
import { buildSectionTree } from './sections.js';
import type { Section } from './sections.js';

const s = (id: number, parentId: number | null, slug: string, position = 0): Section => ({ id, parentId, slug, name: slug.toUpperCase(), description: '', position, language: 'en' });

describe('section tree', () => {
  const tree = buildSectionTree([s(1, null, 'news', 1), s(2, 1, 'middle-east-africa', 2), s(3, 2, 'libya'), s(4, null, 'opinion', 2), s(5, 1, 'europe', 1)]);

  it('builds paths and breadcrumbs from the root', () => {
    expect(tree.path(3)).toBe('/news/middle-east-africa/libya');
    expect(tree.ancestry(3).map((x) => x.slug)).toEqual(['news', 'middle-east-africa', 'libya']);
  });

  it('finds a section only by its whole path', () => {
    expect(tree.findByPath(['news', 'middle-east-africa', 'libya'])?.id).toBe(3);
    expect(tree.findByPath(['libya'])).toBeUndefined();
    expect(tree.findByPath(['news', 'libya'])).toBeUndefined();
  });

  it('orders children by position and collects descendants', () => {
    expect(tree.children(1).map((x) => x.slug)).toEqual(['europe', 'middle-east-africa']);
    expect(tree.children(null).map((x) => x.slug)).toEqual(['news', 'opinion']);
    expect(tree.descendantIds(1).sort()).toEqual([1, 2, 3, 5]);
  });

  it('survives a cycle in bad data without looping', () => {
    const broken = buildSectionTree([s(1, 2, 'a'), s(2, 1, 'b')]);
    expect(broken.ancestry(1).length).toBeLessThanOrEqual(2);
  });
});
