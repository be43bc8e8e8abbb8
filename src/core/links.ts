/**
 * Which link targets an article may carry. Kept free of dependencies so the editor island
 * (client/editor) applies exactly the rule the server enforces on write.
 */
export const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'] as const;

/**
 * A link target is safe when it is a relative path on this site or uses an allowed
 * protocol. `javascript:`, `data:` and friends never pass, whatever their spelling.
 */
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
  return (LINK_PROTOCOLS as readonly string[]).includes(url.protocol);
}
