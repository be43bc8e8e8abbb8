/**
 * A story's lead video (issue 5): an HLS stream or an MP4 file, shown instead of the lead
 * photo, with a poster from the media library that also stands in wherever a video cannot
 * go (social cards, feeds, lite pages). Pure rules only: no I/O.
 */
import type { MediaAsset } from './media.js';

export const VIDEO_KINDS = ['hls', 'mp4'] as const;
export type VideoKind = (typeof VIDEO_KINDS)[number];

export const VIDEO_MIME: Record<VideoKind, string> = { hls: 'application/vnd.apple.mpegurl', mp4: 'video/mp4' };

export interface LeadVideo {
  id: number;
  /** https://..., http:// on a loopback host, or a same-origin path (/media/video/...). */
  url: string;
  kind: VideoKind;
  poster: MediaAsset;
  caption: string;
  credit: string;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  createdAt: string;
  updatedAt: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why a video URL is not acceptable, or undefined when it is: https anywhere, http only on a
 * loopback host (a development stream), or a path on this site.
 */
export function videoUrlProblem(url: string): string | undefined {
  if (url.startsWith('/')) return url.startsWith('//') ? 'a protocol-relative address is ambiguous: write https://' : undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a web address: write https://... or a path on this site starting with /';
  }
  if (parsed.username || parsed.password) return 'the address must not contain a user name or password';
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname)) return undefined;
  if (parsed.protocol === 'http:') return 'use https:// (plain http is allowed only for localhost)';
  return `"${parsed.protocol}" addresses are not allowed: use https://`;
}

/** The kind the address names by its extension (query and fragment ignored). */
export function videoKindOf(url: string): VideoKind | undefined {
  const path = (url.split(/[?#]/)[0] ?? '').toLowerCase();
  if (path.endsWith('.m3u8')) return 'hls';
  if (path.endsWith('.mp4') || path.endsWith('.m4v')) return 'mp4';
  return undefined;
}

/** The origin a page must admit for the video (CSP), or undefined for a same-origin path. */
export function videoOrigin(url: string): string | undefined {
  if (url.startsWith('/')) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** ISO 8601 duration for schema.org (PT1M5S). */
export function isoDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${rest || (!h && !m) ? `${rest}S` : ''}`;
}

/** Where the site serves a video original of its own media store (site/video-files.ts). */
export const VIDEO_FILE_PREFIX = '/media/video/';
export const videoFilePath = (key: string): string => `${VIDEO_FILE_PREFIX}${key}.mp4`;
