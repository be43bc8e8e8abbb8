/**
 * The moderation pipeline a new comment passes through: small phases, each one concern,
 * each either rejecting the comment with a message the reader sees, holding it for a
 * moderator with a reason the moderator sees, or letting it through. Pure: settings, the
 * clock and the word matchers are passed in (the banned-word matcher is a library the
 * service layer wires, so this core stays free of packages).
 */
import { COMMENT_LIMITS, commentLinks, commentPlainText } from './body.js';

export interface ModerationSettings {
  /** Hold every comment for a moderator. */
  premoderateAll: boolean;
  /** Hold a reader's first N comments until one is approved (0: off). */
  premoderateFirstComments: number;
  /** Hold comments that carry links. */
  linksNeedApproval: boolean;
  /** Close comments this many days after publication (0: never). */
  autoCloseAfterDays: number;
  minLength: number;
  maxLength: number;
}

export const DEFAULT_MODERATION: ModerationSettings = {
  premoderateAll: false,
  premoderateFirstComments: 1,
  linksNeedApproval: true,
  autoCloseAfterDays: 14,
  minLength: COMMENT_LIMITS.minLength,
  maxLength: COMMENT_LIMITS.maxLength,
};

export interface CommentCandidate {
  /** The normalised stored text (body.ts normaliseCommentText). */
  body: string;
  article: { commentsMode: 'open' | 'premoderated' | 'closed'; publishedAt: string | null };
  author: { kind: 'guest' } | { kind: 'reader'; approvedComments: number; verified: boolean; banned: boolean; suspendedUntil: string | null };
}

export interface PipelineContext {
  settings: ModerationSettings;
  now: Date;
  /** True when the text contains a banned word, variants and leetspeak included. */
  hasBannedWords(text: string): boolean;
  /** Suspect words found in the text (held for a moderator, not rejected). */
  suspectWords(text: string): string[];
}

export class CommentRejectedError extends Error {
  constructor(
    readonly code: 'closed' | 'too-short' | 'too-long' | 'too-many-links' | 'banned-words' | 'banned' | 'suspended' | 'duplicate',
    message: string,
  ) {
    super(message);
    this.name = 'CommentRejectedError';
  }
}

export type Verdict = { status: 'approved'; reasons: [] } | { status: 'pending'; reasons: string[] };

/** A phase throws CommentRejectedError, or returns a reason to hold the comment (or nothing). */
export type Phase = (c: CommentCandidate, ctx: PipelineContext) => string | undefined;

export const threadOpen: Phase = (c, ctx) => {
  if (c.article.commentsMode === 'closed') throw new CommentRejectedError('closed', 'Comments are closed on this story.');
  const days = ctx.settings.autoCloseAfterDays;
  if (days > 0 && c.article.publishedAt && ctx.now.getTime() - Date.parse(c.article.publishedAt) > days * 86_400_000) {
    throw new CommentRejectedError('closed', `Comments close ${days} days after a story is published.`);
  }
  return undefined;
};

export const authorInGoodStanding: Phase = (c, ctx) => {
  if (c.author.kind !== 'reader') return undefined;
  if (c.author.banned) throw new CommentRejectedError('banned', 'Your account can no longer post comments.');
  if (c.author.suspendedUntil && Date.parse(c.author.suspendedUntil) > ctx.now.getTime()) {
    throw new CommentRejectedError('suspended', `Your account is suspended until ${new Date(c.author.suspendedUntil).toUTCString()}.`);
  }
  return undefined;
};

export const length: Phase = (c, ctx) => {
  const n = commentPlainText(c.body).length;
  if (n < ctx.settings.minLength) throw new CommentRejectedError('too-short', `Write at least ${ctx.settings.minLength} characters.`);
  if (c.body.length > ctx.settings.maxLength) throw new CommentRejectedError('too-long', `Comments can be at most ${ctx.settings.maxLength} characters; this one has ${c.body.length}.`);
  return undefined;
};

export const bannedWords: Phase = (c, ctx) => {
  if (ctx.hasBannedWords(commentPlainText(c.body))) throw new CommentRejectedError('banned-words', 'This comment contains language our community rules do not allow. Please rephrase it.');
  return undefined;
};

export const links: Phase = (c, ctx) => {
  const found = commentLinks(c.body);
  if (found.length > COMMENT_LIMITS.maxLinks) throw new CommentRejectedError('too-many-links', `A comment can carry at most ${COMMENT_LIMITS.maxLinks} links.`);
  if (found.length > 0 && ctx.settings.linksNeedApproval) return `${found.length} ${found.length === 1 ? 'link' : 'links'}`;
  return undefined;
};

export const suspectWords: Phase = (c, ctx) => {
  const words = ctx.suspectWords(commentPlainText(c.body));
  return words.length ? `suspect words: ${words.slice(0, 5).join(', ')}` : undefined;
};

export const premoderation: Phase = (c, ctx) => {
  if (c.author.kind === 'guest') return 'guest comment';
  if (!c.author.verified) return 'email not verified yet';
  if (c.article.commentsMode === 'premoderated') return 'story is pre-moderated';
  if (ctx.settings.premoderateAll) return 'site pre-moderates every comment';
  if (c.author.approvedComments < ctx.settings.premoderateFirstComments) return 'new reader';
  return undefined;
};

/** The order matters: refusals a reader can fix come before holds they cannot see. */
export const PHASES: readonly Phase[] = [threadOpen, authorInGoodStanding, length, bannedWords, links, suspectWords, premoderation];

export function moderate(c: CommentCandidate, ctx: PipelineContext, phases: readonly Phase[] = PHASES): Verdict {
  const reasons = phases.map((phase) => phase(c, ctx)).filter((r): r is string => r !== undefined);
  return reasons.length ? { status: 'pending', reasons } : { status: 'approved', reasons: [] };
}
