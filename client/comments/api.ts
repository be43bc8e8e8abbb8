/**
 * The reader comment endpoints the island calls (src/site/comments/routes.tsx), with runtime
 * checks: an answer that is not what we expect is an error, never half-used.
 */

export type Me = { signedIn: false } | { signedIn: true; name: string; staff: boolean; csrf: string; liked: number[]; pendingHtml: string; own: Array<{ id: number; editableUntil: number }>; following: number[]; editWindowMinutes: number };

export interface Posted {
  id: number;
  status: string;
  message: string;
  html: string;
  count: number;
  countText: string;
}

export interface Fragment {
  html: string;
  hasMore: boolean;
  countText: string;
  page: number;
  sort: string;
}

export interface Liked {
  liked: boolean;
  likeCount: number;
}

export interface LiveComment {
  id: number;
  parentId: number | null;
  countText: string;
  html: string;
}

export interface LiveHidden {
  id: number;
  countText: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isText = (v: unknown): v is string => typeof v === 'string';

import { ApiError } from '../shared/errors.js';
import { t } from './messages.js';

export { ApiError };

const unexpected = () => new ApiError(0, t('comments.island.unexpected'));

async function call(url: string, options: { post?: boolean; json?: unknown; csrf?: string | undefined } = {}): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  if (options.csrf) headers['x-csrf-token'] = options.csrf;
  let response: Response;
  try {
    response = await fetch(url, { method: options.post ? 'POST' : 'GET', headers, credentials: 'same-origin', body: options.json === undefined ? null : JSON.stringify(options.json) });
  } catch {
    throw new ApiError(0, t('comments.island.offline'));
  }
  const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
  const data: unknown = isJson ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const error = isObject(data) && isText(data.error) && data.error.trim() ? data.error.trim() : t('comments.island.httpError', { status: response.status });
    throw new ApiError(response.status, error);
  }
  return data;
}

function must<T>(value: T | null): T {
  if (value === null) throw unexpected();
  return value;
}

const articleUrl = (articleId: number, rest = '') => `/articles/${articleId}/comments${rest}`;

export async function fetchMe(articleId: number): Promise<Me> {
  const v = await call(articleUrl(articleId, '/me'));
  if (!isObject(v)) throw unexpected();
  if (v.signedIn !== true) return { signedIn: false };
  if (!isText(v.csrf) || !v.csrf) throw unexpected();
  return {
    signedIn: true,
    name: isText(v.name) ? v.name : '',
    staff: v.staff === true,
    csrf: v.csrf,
    liked: Array.isArray(v.liked) ? v.liked.filter(isInt) : [],
    pendingHtml: isText(v.pendingHtml) ? v.pendingHtml : '',
    own: Array.isArray(v.own) ? v.own.flatMap((o: unknown) => (isObject(o) && isInt(o.id) && isText(o.editableUntil) ? [{ id: o.id, editableUntil: Date.parse(o.editableUntil) }] : [])) : [],
    following: Array.isArray(v.following) ? v.following.filter(isInt) : [],
    editWindowMinutes: isInt(v.editWindowMinutes) ? v.editWindowMinutes : 0,
  };
}

export async function postComment(articleId: number, input: { body: string; parentId?: number }, csrf: string): Promise<Posted> {
  const v = await call(articleUrl(articleId), { post: true, json: input, csrf });
  return must(isObject(v) && isInt(v.id) && isText(v.html) && isInt(v.count) && isText(v.countText) ? { id: v.id, status: isText(v.status) ? v.status : '', message: isText(v.message) ? v.message : '', html: v.html, count: v.count, countText: v.countText } : null);
}

export async function toggleLike(commentId: number, csrf: string): Promise<Liked> {
  const v = await call(`/comments/${commentId}/like`, { post: true, csrf });
  return must(isObject(v) && typeof v.liked === 'boolean' && isInt(v.likeCount) ? { liked: v.liked, likeCount: v.likeCount } : null);
}

export async function fetchFragment(articleId: number, sort: string, page: number): Promise<Fragment> {
  const v = await call(articleUrl(articleId, `/fragment?sort=${encodeURIComponent(sort)}&page=${page}`));
  return must(isObject(v) && isText(v.html) && typeof v.hasMore === 'boolean' && isText(v.countText) && isInt(v.page) && isText(v.sort) ? { html: v.html, hasMore: v.hasMore, countText: v.countText, page: v.page, sort: v.sort } : null);
}

export async function fetchReplies(articleId: number, rootId: number, skip: number): Promise<string> {
  const v = await call(articleUrl(articleId, `/replies/${rootId}?skip=${skip}`));
  return must(isObject(v) && isText(v.html) ? v.html : null);
}

/** The data of a live `comment` event, or null when it is not one. */
export function parseLiveComment(data: unknown): LiveComment | null {
  const v = parseEventData(data);
  if (!isObject(v) || !isInt(v.id) || !isText(v.html) || !isText(v.countText)) return null;
  return { id: v.id, parentId: isInt(v.parentId) && v.parentId > 0 ? v.parentId : null, countText: v.countText, html: v.html };
}

/** The data of a live `hidden` event (id 0: only the count changed), or null. */
export function parseLiveHidden(data: unknown): LiveHidden | null {
  const v = parseEventData(data);
  return isObject(v) && isInt(v.id) && isText(v.countText) ? { id: v.id, countText: v.countText } : null;
}

function parseEventData(data: unknown): unknown {
  if (!isText(data)) return null;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return null;
  }
}

/** The thread's count, sent when the live connection opens. */
export function parseLiveCount(data: unknown): { countText: string } | null {
  const v = parseEventData(data);
  return isObject(v) && isText(v.countText) ? { countText: v.countText } : null;
}
