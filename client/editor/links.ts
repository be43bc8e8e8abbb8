/** Link rules for the editor: the same function the server applies (src/core/links.ts). */
import { isSafeHref } from '../../src/core/links.js';

export { isSafeHref };

/**
 * Turns what an editor typed into a link target: trims it and adds https:// to a bare
 * domain ("example.com/report"). Returns null when the result is not a safe link.
 */
export function linkFromInput(raw: string): string | null {
  let href = raw.trim();
  if (!href) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(href);
  const isLocal = href.startsWith('/') || href.startsWith('#');
  if (!hasScheme && !isLocal) {
    if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(href)) href = `mailto:${href}`;
    else if (/^[^\s/]+\.[^\s/]+/.test(href)) href = `https://${href}`;
  }
  if (href.length > 2048 || !isSafeHref(href)) return null;
  return href;
}
