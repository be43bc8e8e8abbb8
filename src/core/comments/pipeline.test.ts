import { describe, expect, it } from 'vitest';
import type { CommentCandidate, PipelineContext } from './pipeline.js';
import { CommentRejectedError, DEFAULT_MODERATION, moderate } from './pipeline.js';

const now = new Date('2026-03-10T12:00:00Z');
const ctx = (overrides: Partial<PipelineContext> = {}): PipelineContext => ({
  settings: DEFAULT_MODERATION,
  now,
  hasBannedWords: (t) => /\bdamnable\b/i.test(t),
  suspectWords: (t) => (/\bcrypto\b/i.test(t) ? ['crypto'] : []),
  ...overrides,
});
const regular = { kind: 'reader' as const, approvedComments: 5, verified: true, banned: false, suspendedUntil: null };
const candidate = (over: Partial<CommentCandidate> = {}): CommentCandidate => ({
  body: 'The council should publish the full budget before the vote.',
  article: { commentsMode: 'open', publishedAt: '2026-03-09T12:00:00Z' },
  author: regular,
  ...over,
});
const rejection = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    if (err instanceof CommentRejectedError) return err.code;
    throw err;
  }
  return undefined;
};

describe('moderation pipeline', () => {
  it('publishes an ordinary comment from an established, verified reader', () => {
    expect(moderate(candidate(), ctx())).toEqual({ status: 'approved', reasons: [] });
  });

  it('refuses posts to closed or auto-closed threads', () => {
    expect(rejection(() => moderate(candidate({ article: { commentsMode: 'closed', publishedAt: '2026-03-09T12:00:00Z' } }), ctx()))).toBe('closed');
    expect(rejection(() => moderate(candidate({ article: { commentsMode: 'open', publishedAt: '2026-02-01T12:00:00Z' } }), ctx()))).toBe('closed');
  });

  it('refuses banned and suspended readers, lengths out of bounds and banned words', () => {
    expect(rejection(() => moderate(candidate({ author: { ...regular, banned: true } }), ctx()))).toBe('banned');
    expect(rejection(() => moderate(candidate({ author: { ...regular, suspendedUntil: '2026-03-11T00:00:00Z' } }), ctx()))).toBe('suspended');
    expect(moderate(candidate({ author: { ...regular, suspendedUntil: '2026-03-01T00:00:00Z' } }), ctx()).status).toBe('approved');
    expect(rejection(() => moderate(candidate({ body: 'k' }), ctx()))).toBe('too-short');
    expect(rejection(() => moderate(candidate({ body: 'x'.repeat(5001) }), ctx()))).toBe('too-long');
    expect(rejection(() => moderate(candidate({ body: 'What a damnable decision.' }), ctx()))).toBe('banned-words');
  });

  it('holds guests, unverified and new readers, links and suspect words, saying why', () => {
    expect(moderate(candidate({ author: { kind: 'guest' } }), ctx())).toEqual({ status: 'pending', reasons: ['guest comment'] });
    expect(moderate(candidate({ author: { ...regular, verified: false } }), ctx()).reasons).toEqual(['email not verified yet']);
    expect(moderate(candidate({ author: { ...regular, approvedComments: 0 } }), ctx()).reasons).toEqual(['new reader']);
    expect(moderate(candidate({ body: 'Read https://a.example/x and https://b.example/y about crypto' }), ctx()).reasons).toEqual(['2 links', 'suspect words: crypto']);
    expect(moderate(candidate({ article: { commentsMode: 'premoderated', publishedAt: '2026-03-09T12:00:00Z' } }), ctx()).reasons).toEqual(['story is pre-moderated']);
    expect(moderate(candidate(), ctx({ settings: { ...DEFAULT_MODERATION, premoderateAll: true } })).status).toBe('pending');
  });
});
