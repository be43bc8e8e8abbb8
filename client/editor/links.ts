/**
 * Link rules for the editor. They mirror `isSafeHref` in src/core/richtext.ts, which the
 * server applies on write; the editor cannot import that module without bundling zod, so the
 * check is repeated here (the e2e test compares the two).
 */

const ALLOWED_PROTOCOLS = ['http:', 'https:', 'mailto:'];

/** True for http(s) and mailto URLs and for paths on this site ("/news/…", "#section"). */
export function isSafeHref(href: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const compact = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (compact.startsWith('/') && !compact.startsWith('//')) return true;
  if (compact.startsWith('#')) return true;
  let url: URL;
  try {
    url = new URL(compact);
  } catch {
    return false;
  }
  return ALLOWED_PROTOCOLS.includes(url.protocol);
}

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
