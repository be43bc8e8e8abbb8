/** The section tree (News > Middle East & Africa > Libya): every level is a page of its own. */

export interface Section {
  id: number;
  parentId: number | null;
  slug: string;
  name: string;
  description: string;
  position: number;
  language: string;
}

export interface SectionTree {
  byId: ReadonlyMap<number, Section>;
  /** Sections from the root down to the given one (inclusive). */
  ancestry(id: number): Section[];
  /** The URL path of a section, e.g. `/news/middle-east-africa/libya` (`/es/noticias/...` in the Spanish edition). */
  path(id: number): string;
  children(id: number | null): Section[];
  /** Resolves `['news','middle-east-africa']` to its section, if the whole path exists. */
  findByPath(segments: readonly string[]): Section | undefined;
  /** The section and every section below it. */
  descendantIds(id: number): number[];
}

/** `prefix`: the edition's URL prefix ('' or '/es'), put before every section path. */
export function buildSectionTree(sections: readonly Section[], prefix = ''): SectionTree {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const childrenOf = new Map<number | null, Section[]>();
  for (const s of sections) {
    const list = childrenOf.get(s.parentId) ?? [];
    list.push(s);
    childrenOf.set(s.parentId, list);
  }
  for (const list of childrenOf.values()) list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));

  const ancestry = (id: number): Section[] => {
    const chain: Section[] = [];
    const seen = new Set<number>();
    let current = byId.get(id);
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      chain.unshift(current);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    return chain;
  };

  const paths = new Map<number, string>();
  const path = (id: number): string => {
    let p = paths.get(id);
    if (p === undefined) {
      p = `${prefix}/${ancestry(id).map((s) => s.slug).join('/')}`;
      paths.set(id, p);
    }
    return p;
  };

  const children = (id: number | null): Section[] => childrenOf.get(id) ?? [];

  const findByPath = (segments: readonly string[]): Section | undefined => {
    let parent: number | null = null;
    let found: Section | undefined;
    for (const segment of segments) {
      found = children(parent).find((s) => s.slug === segment);
      if (!found) return undefined;
      parent = found.id;
    }
    return found;
  };

  const descendantIds = (id: number): number[] => {
    const out = [id];
    for (let i = 0; i < out.length; i++) for (const c of children(out[i] ?? -1)) out.push(c.id);
    return out;
  };

  return { byId, ancestry, path, children, findByPath, descendantIds };
}

/** Top-level path segments that belong to the site itself and can never be section slugs. */
export const RESERVED_SLUGS = new Set(['admin', 'api', 'assets', 'author', 'authors', 'es', 'feeds', 'healthz', 'readyz', 'live', 'lite', 'media', 'metrics', 'search', 'tag', 'tags', 'schedule', 'sitemap.xml', 'sitemaps', 'robots.txt', 'favicon.ico', 'account', 'articles', 'comments', 'preview']);
