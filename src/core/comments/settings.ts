/**
 * The site's comment settings, as editors set them in /admin and the services read them.
 * One schema: it validates the settings form and fills defaults for a fresh site.
 */
import { z } from 'zod';
import { COMMENT_LIMITS } from './body.js';
import { DEFAULT_MODERATION } from './pipeline.js';
import type { ModerationSettings } from './pipeline.js';

const wordList = z.array(z.string().trim().min(2).max(60)).max(500);

export const commentSettingsSchema = z.object({
  premoderateAll: z.boolean().default(DEFAULT_MODERATION.premoderateAll),
  premoderateFirstComments: z.number().int().min(0).max(50).default(DEFAULT_MODERATION.premoderateFirstComments),
  linksNeedApproval: z.boolean().default(DEFAULT_MODERATION.linksNeedApproval),
  autoCloseAfterDays: z.number().int().min(0).max(3650).default(DEFAULT_MODERATION.autoCloseAfterDays),
  minLength: z.number().int().min(1).max(200).default(DEFAULT_MODERATION.minLength),
  maxLength: z.number().int().min(50).max(COMMENT_LIMITS.maxLength).default(DEFAULT_MODERATION.maxLength),
  /** Guests (name and email, no account) may comment; always pre-moderated. */
  guestComments: z.boolean().default(false),
  /** What happens to a deleted account's comments. */
  deletedAccountComments: z.enum(['anonymise', 'remove']).default('anonymise'),
  /** Added to the maintained English list of the `obscenity` library. */
  bannedWords: wordList.default([]),
  /** Held for a moderator rather than refused. */
  suspectWords: wordList.default([]),
  /** Comments a reader (or an address) may post: per minute and per hour. */
  ratePerMinute: z.number().int().min(1).max(100).default(3),
  ratePerHour: z.number().int().min(1).max(1000).default(30),
  /** A reader may edit a comment this long after posting it (marked edited). */
  editWindowMinutes: z.number().int().min(0).max(1440).default(15),
});

export type CommentSettings = z.infer<typeof commentSettingsSchema>;

export const DEFAULT_COMMENT_SETTINGS: CommentSettings = commentSettingsSchema.parse({});

export function moderationSettings(s: CommentSettings): ModerationSettings {
  const { premoderateAll, premoderateFirstComments, linksNeedApproval, autoCloseAfterDays, minLength, maxLength } = s;
  return { premoderateAll, premoderateFirstComments, linksNeedApproval, autoCloseAfterDays, minLength, maxLength };
}

/** Threads nest this deep (0 = top level); replies below it attach to the deepest ancestor shown. */
export const MAX_DEPTH = 2;
/** Top-level comments per page, in the article and in "load more". */
export const COMMENTS_PAGE_SIZE = 20;
/** Replies loaded with each top-level comment; the rest behind "more replies". */
export const REPLIES_PER_THREAD = 50;

export const COMMENT_SORTS = ['newest', 'oldest', 'replies', 'liked'] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];

export const REPORT_REASONS = {
  spam: 'Spam or advertising',
  abuse: 'Abusive or harassing',
  hate: 'Hate speech',
  offtopic: 'Off topic',
  misinformation: 'False information',
  other: 'Something else',
} as const;
export type ReportReason = keyof typeof REPORT_REASONS;
