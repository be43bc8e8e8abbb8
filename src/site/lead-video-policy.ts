/**
 * The Content-Security-Policy of a story page with a lead video (issue 5). The site's policy
 * (http/server.ts) is `default-src 'self'`, which blocks a video on another origin and the
 * `blob:` Media Source URL hls.js plays through. Such a page is sent with the policy widened
 * for that page only, like the live pages (site/live/routes.tsx, docs/live-player.md):
 * `media-src 'self' blob: <video origin>` and, for HLS (hls.js fetches playlists and
 * segments), `connect-src 'self' <video origin>`. The header travels with the cached page
 * (RenderedPage.headers), so the fast lane replays it too.
 */
import type { LeadVideo } from '../core/videos.js';
import { videoOrigin } from '../core/videos.js';
import { securityHeaders } from '../http/server.js';

export function leadVideoHeaders(video: LeadVideo | undefined): Record<string, string> | undefined {
  if (!video) return undefined;
  const origin = videoOrigin(video.url);
  // A same-origin MP4 is already allowed by default-src 'self'.
  if (!origin && video.kind === 'mp4') return undefined;
  const base = securityHeaders('text/html')['content-security-policy'] ?? "default-src 'self'";
  const extra = origin ? ` ${origin}` : '';
  const media = `media-src 'self'${video.kind === 'hls' ? ' blob:' : ''}${extra}`;
  const connect = video.kind === 'hls' ? `; connect-src 'self'${extra}` : '';
  return { 'content-security-policy': `${base}; ${media}${connect}` };
}
