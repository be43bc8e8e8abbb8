/**
 * Embeds by URL: which outside content an article may show, and how. Only known providers
 * are accepted; video players load from the provider only when the reader asks (click to
 * load), and posts on X are shown as a link, so no third-party script runs on our pages.
 */
export type EmbedProvider = 'youtube' | 'vimeo' | 'x';

export interface Embed {
  provider: EmbedProvider;
  id: string;
  /** The original page, linked for readers without JavaScript or who do not load it. */
  pageUrl: string;
  /** The player to load on request, for video providers. */
  playerUrl: string | null;
}

export const EMBED_PROVIDER_NAMES: Record<EmbedProvider, string> = { youtube: 'YouTube', vimeo: 'Vimeo', x: 'X' };

/** Origins the site's CSP lets frames load from: exactly the players below. */
export const EMBED_FRAME_ORIGINS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'];

export function parseEmbedUrl(raw: string): Embed | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase().replace(/^(www\.|m\.)/, '');
  const segments = url.pathname.split('/').filter(Boolean);
  if (host === 'youtube.com' || host === 'youtu.be' || host === 'youtube-nocookie.com') {
    const id = host === 'youtu.be' ? segments[0] : segments[0] === 'watch' ? url.searchParams.get('v') : segments[0] === 'shorts' || segments[0] === 'embed' || segments[0] === 'live' ? segments[1] : undefined;
    if (!id || !/^[A-Za-z0-9_-]{11}$/.test(id)) return undefined;
    return { provider: 'youtube', id, pageUrl: `https://www.youtube.com/watch?v=${id}`, playerUrl: `https://www.youtube-nocookie.com/embed/${id}` };
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = segments.find((s) => /^\d{5,12}$/.test(s));
    if (!id) return undefined;
    return { provider: 'vimeo', id, pageUrl: `https://vimeo.com/${id}`, playerUrl: `https://player.vimeo.com/video/${id}?dnt=1` };
  }
  if (host === 'x.com' || host === 'twitter.com') {
    const at = segments.indexOf('status');
    const user = segments[0];
    const id = at > 0 ? segments[at + 1] : undefined;
    if (!user || !/^[A-Za-z0-9_]{1,15}$/.test(user) || !id || !/^\d{5,25}$/.test(id)) return undefined;
    return { provider: 'x', id, pageUrl: `https://x.com/${user}/status/${id}`, playerUrl: null };
  }
  return undefined;
}
