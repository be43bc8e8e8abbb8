/** URL slugs: transliterated (Spanish and other Latin scripts), lower-case, bounded. */
import slugifyLibrary from '@sindresorhus/slugify';

export const MAX_SLUG_LENGTH = 80;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugify(text: string): string {
  const slug = slugifyLibrary(text, { customReplacements: [['&', ' ']] });
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  // Cut at a word boundary so a long headline does not end in half a word.
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 20 ? cut.slice(0, lastDash) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}

export function isValidSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(slug);
}
