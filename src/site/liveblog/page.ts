/**
 * What an article page needs for its live blog (docs/live-blog.md): the model, the live
 * player's model when the story embeds it, the islands to load, the cache tags, and the
 * Content-Security-Policy that admits the edition's stream origins (as the /live page's
 * does, site/live/routes.tsx) for pages that carry the player.
 *
 * The policy travels with the cached page (RenderedPage.headers), so the fast lane replays it.
 */
import type { Article, Language } from '../../core/articles.js';
import type { AssetManifest } from '../../http/assets.js';
import type { RenderedPage } from '../../http/page-cache.js';
import { securityHeaders } from '../../http/server.js';
import type { LiveService } from '../../services/live.js';
import type { LiveBlogService } from '../../services/live-blog.js';
import type { ArticleLiveBlog } from '../views/components/LiveBlog.js';
import { PLAYER_MESSAGES } from '../views/components/LivePlayer.js';
import type { Asset } from '../views/context.js';

export interface LiveBlogPagesDeps {
  liveBlog: LiveBlogService;
  live: Pick<LiveService, 'livePage' | 'streamOrigins'>;
  assets: AssetManifest;
}

export class LiveBlogPages {
  private readonly island: Asset | undefined;
  private readonly player: Asset | undefined;
  private readonly basePolicy: string;

  constructor(private readonly deps: LiveBlogPagesDeps) {
    const asset = (file: string) => (deps.assets.has(file) ? { url: deps.assets.url(file), integrity: deps.assets.integrity(file) } : undefined);
    // Built by npm run build (dist/public); a checkout without a build still serves the page.
    this.island = asset('liveblog.js');
    this.player = asset('player.js');
    this.basePolicy = securityHeaders('text/html')['content-security-policy'] ?? "default-src 'self'";
  }

  /** The live blog of a story's page; undefined when the story never had live coverage. */
  async load(article: Article): Promise<ArticleLiveBlog | undefined> {
    // Most stories never had live coverage: their page costs no live-update query.
    if (!article.hasLiveBlog) return undefined;
    const model = await this.deps.liveBlog.forArticle(article.id);
    if (!model) return undefined;
    // The player only while the coverage is live, and only if the edition has a channel.
    const channel = model.coverage.live && model.coverage.player ? await this.deps.live.livePage(article.language) : undefined;
    const player = channel ? { m: channel, messages: PLAYER_MESSAGES[article.language] } : undefined;
    const scripts = [...(this.island ? [this.island] : []), ...(player && this.player ? [this.player] : [])];
    return { ...model, player, scripts };
  }

  /**
   * An article page with its live blog: the player's tags (`live`: a channel change
   * re-renders it), the newest update's time as Last-Modified when later than the story's,
   * and the page's Content-Security-Policy widened for the stream origins when the player is
   * shown (merged with whatever the page already widened, such as a lead video).
   */
  async decorate(live: ArticleLiveBlog | undefined, language: Language, page: RenderedPage): Promise<RenderedPage> {
    if (!live) return page;
    const change = live.lastChange;
    const lastModified = change && page.lastModified && change > page.lastModified ? change : page.lastModified;
    if (!live.player) return { ...page, lastModified };
    const streams = await this.deps.live.streamOrigins(language);
    const current = page.headers?.['content-security-policy'] ?? this.basePolicy;
    const policy = widenPolicy(widenPolicy(current, 'media-src', ["'self'", 'blob:', ...streams]), 'connect-src', ["'self'", ...streams]);
    return { ...page, lastModified, tags: [...page.tags, 'live'], headers: { ...page.headers, 'content-security-policy': policy } };
  }
}

/** `policy` with `sources` added to `directive` (created if missing), each source once. */
export function widenPolicy(policy: string, directive: string, sources: readonly string[]): string {
  const parts = policy.split(';').map((p) => p.trim()).filter(Boolean);
  const index = parts.findIndex((p) => p.split(/\s+/)[0] === directive);
  const existing = index >= 0 ? (parts[index] ?? '').split(/\s+/).slice(1) : [];
  const merged = [directive, ...new Set([...existing, ...sources])].join(' ');
  if (index >= 0) parts[index] = merged;
  else parts.push(merged);
  return parts.join('; ');
}
