/**
 * Who may do what in the newsroom. The server asks these functions before every action; the
 * admin pages ask the same ones to hide what the server would refuse. One file, one table
 * of rules, one test per rule.
 *
 *   contributor  writes drafts, submits them for review, cannot publish
 *   author       publishes their own work
 *   editor       publishes and edits everything; manages sections and tags
 *   admin        everything an editor can, plus users, roles and settings
 *   moderator    moderates reader comments and readers; writes and publishes nothing
 */
import type { ArticleStatus } from './articles.js';
import type { StaffUser } from './staff.js';

/** What a policy needs to know about an article. */
export interface ArticleFacts {
  status: ArticleStatus;
  createdBy: number | null;
  authorIds: readonly number[];
}

type Actor = Pick<StaffUser, 'id' | 'role' | 'authorId' | 'disabled'>;

const isEditor = (u: Actor) => !u.disabled && (u.role === 'editor' || u.role === 'admin');
/** Moderators work on comments only: every article power below excludes them. */
const isWriter = (u: Actor) => !u.disabled && u.role !== 'moderator';

/** The actor wrote it: created it, or is on its byline. */
export function isOwnArticle(u: Actor, a: ArticleFacts): boolean {
  return a.createdBy === u.id || (u.authorId !== null && a.authorIds.includes(u.authorId));
}

export const policies = {
  createArticle: (u: Actor) => isWriter(u),

  viewArticle: (u: Actor, a: ArticleFacts) => !u.disabled && ((u.role !== 'contributor' && u.role !== 'moderator') || isOwnArticle(u, a) || a.status === 'published'),

  /** Contributors may edit their own work only while it is a draft; once submitted it is the desk's. */
  editArticle: (u: Actor, a: ArticleFacts) => {
    if (!isWriter(u)) return false;
    if (isEditor(u)) return true;
    if (!isOwnArticle(u, a)) return false;
    return u.role === 'author' || a.status === 'draft';
  },

  submitForReview: (u: Actor, a: ArticleFacts) => isWriter(u) && a.status === 'draft' && (isEditor(u) || isOwnArticle(u, a)),

  /** Publishing, scheduling and unpublishing are the same power. */
  publishArticle: (u: Actor, a: ArticleFacts) => {
    if (!isWriter(u) || u.role === 'contributor') return false;
    return isEditor(u) || isOwnArticle(u, a);
  },

  /** Live coverage (updates, pins, start and end): whoever may publish the story. */
  postLiveUpdate: (u: Actor, a: ArticleFacts) => isWriter(u) && u.role !== 'contributor' && (isEditor(u) || isOwnArticle(u, a)),

  deleteArticle: (u: Actor, a: ArticleFacts) => isEditor(u) || (!u.disabled && u.role === 'author' && isOwnArticle(u, a) && a.status === 'draft'),

  addInternalNote: (u: Actor) => isWriter(u),
  uploadMedia: (u: Actor) => isWriter(u),
  editMedia: (u: Actor) => isWriter(u),
  deleteMedia: (u: Actor) => isEditor(u),
  manageSections: (u: Actor) => isEditor(u),
  manageTags: (u: Actor) => isEditor(u),
  manageAuthors: (u: Actor) => isEditor(u),
  /** Live TV: channels, programmes and the schedule. */
  manageLive: (u: Actor) => isEditor(u),
  manageUsers: (u: Actor) => !u.disabled && u.role === 'admin',
  manageSettings: (u: Actor) => !u.disabled && u.role === 'admin',
  /** Queues, decisions on comments, warnings, suspensions and bans. */
  moderateComments: (u: Actor) => isEditor(u) || (!u.disabled && u.role === 'moderator'),
  /** The site's comment settings (pre-moderation, word lists, limits). */
  manageCommentSettings: (u: Actor) => isEditor(u),
} as const;

export type Policy = keyof typeof policies;

export class ForbiddenError extends Error {
  constructor(readonly action: Policy) {
    super(`not allowed: ${action}`);
    this.name = 'ForbiddenError';
  }
}

/** Abilities sent to a page so it can hide what the server would refuse. */
export function articleAbilities(u: Actor, a: ArticleFacts) {
  return {
    edit: policies.editArticle(u, a),
    submit: policies.submitForReview(u, a),
    publish: policies.publishArticle(u, a),
    delete: policies.deleteArticle(u, a),
  };
}
