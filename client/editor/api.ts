/** The newsroom's JSON endpoints the editor reads (src/admin/routes/api.ts), with runtime checks. */

export interface MediaAsset {
  id: number;
  key: string;
  alt: string | null;
  caption: string | null;
  credit: string | null;
  width: number | null;
  height: number | null;
}

export interface ArticleHit {
  id: number;
  headline: string;
  status: string;
  url: string | null;
}

export interface ArticleSummary {
  id: number;
  headline: string;
  status: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalString = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const optionalNumber = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/** Media keys are 32 hex characters; anything else never becomes part of a URL. */
const MEDIA_KEY = /^[0-9a-f]{32}$/;

function toMedia(v: unknown): MediaAsset | null {
  if (!isObject(v) || !isId(v.id) || typeof v.key !== 'string' || !MEDIA_KEY.test(v.key)) return null;
  return { id: v.id, key: v.key, alt: optionalString(v.alt), caption: optionalString(v.caption), credit: optionalString(v.credit), width: optionalNumber(v.width), height: optionalNumber(v.height) };
}

function toSummary(v: unknown): ArticleSummary | null {
  if (!isObject(v) || !isId(v.id) || typeof v.headline !== 'string') return null;
  return { id: v.id, headline: v.headline, status: optionalString(v.status) ?? '' };
}

function toHit(v: unknown): ArticleHit | null {
  const summary = toSummary(v);
  if (!summary || !isObject(v)) return null;
  return { ...summary, url: optionalString(v.url) };
}

import { ApiError } from '../shared/errors.js';

export { ApiError };

async function getJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin', signal: signal ?? null });
  if (!response.ok) throw new ApiError(response.status, `${url} answered ${response.status}`);
  return (await response.json()) as unknown;
}

function must<T>(value: T | null, what: string): T {
  if (value === null) throw new ApiError(0, `unexpected ${what} response`);
  return value;
}

/** The 480px rendition every upload has (src/media). */
export const thumbnailUrl = (asset: Pick<MediaAsset, 'key'>): string => `/media/${asset.key}/480.jpeg`;

export async function searchMedia(q: string, signal?: AbortSignal): Promise<MediaAsset[]> {
  const rows = await getJson(`/admin/api/media/search?q=${encodeURIComponent(q)}`, signal);
  return Array.isArray(rows) ? rows.map(toMedia).filter((m): m is MediaAsset => m !== null) : [];
}

export async function searchArticles(q: string, signal?: AbortSignal): Promise<ArticleHit[]> {
  const rows = await getJson(`/admin/api/articles/search?q=${encodeURIComponent(q)}`, signal);
  return Array.isArray(rows) ? rows.map(toHit).filter((a): a is ArticleHit => a !== null) : [];
}

/** Per-page caches: node views re-render often, the answers rarely change. */
const mediaCache = new Map<number, Promise<MediaAsset>>();
const summaryCache = new Map<number, Promise<ArticleSummary>>();

export function getMedia(id: number): Promise<MediaAsset> {
  let pending = mediaCache.get(id);
  if (!pending) {
    pending = getJson(`/admin/api/media/${id}`).then((v) => must(toMedia(v), 'media'));
    pending.catch(() => mediaCache.delete(id));
    mediaCache.set(id, pending);
  }
  return pending;
}

export function getArticleSummary(id: number): Promise<ArticleSummary> {
  let pending = summaryCache.get(id);
  if (!pending) {
    pending = getJson(`/admin/api/articles/${id}/summary`).then((v) => must(toSummary(v), 'story'));
    pending.catch(() => summaryCache.delete(id));
    summaryCache.set(id, pending);
  }
  return pending;
}

/** Seeds the caches with what a picker already fetched, saving a request per insert. */
export function rememberMedia(asset: MediaAsset): void {
  mediaCache.set(asset.id, Promise.resolve(asset));
}

export function rememberArticle(summary: ArticleSummary): void {
  summaryCache.set(summary.id, Promise.resolve({ id: summary.id, headline: summary.headline, status: summary.status }));
}
