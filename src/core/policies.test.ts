/** One test per newsroom rule (see the table in policies.ts). */
import { describe, expect, it } from 'vitest';
import type { ArticleFacts } from './policies.js';
import { policies } from './policies.js';
import type { StaffRole } from './staff.js';

const user = (role: StaffRole, id = 1, authorId: number | null = 10) => ({ id, role, authorId, disabled: false });
const own: ArticleFacts = { status: 'draft', createdBy: 1, authorIds: [10] };
const bylineOnly: ArticleFacts = { status: 'draft', createdBy: 99, authorIds: [10] };
const others: ArticleFacts = { status: 'draft', createdBy: 2, authorIds: [20] };

describe('newsroom policies', () => {
  it('contributor: writes drafts and submits them, cannot publish', () => {
    const c = user('contributor');
    expect(policies.createArticle(c)).toBe(true);
    expect(policies.editArticle(c, own)).toBe(true);
    expect(policies.submitForReview(c, own)).toBe(true);
    expect(policies.publishArticle(c, own)).toBe(false);
  });

  it('contributor: cannot edit own story once in review, nor anyone else’s', () => {
    const c = user('contributor');
    expect(policies.editArticle(c, { ...own, status: 'review' })).toBe(false);
    expect(policies.editArticle(c, others)).toBe(false);
    expect(policies.viewArticle(c, others)).toBe(false);
  });

  it('author: publishes own work (created or on the byline), not others’', () => {
    const a = user('author');
    expect(policies.publishArticle(a, own)).toBe(true);
    expect(policies.publishArticle(a, bylineOnly)).toBe(true);
    expect(policies.publishArticle(a, others)).toBe(false);
    expect(policies.editArticle(a, { ...own, status: 'published' })).toBe(true);
    expect(policies.editArticle(a, others)).toBe(false);
  });

  it('editor: publishes and edits everything, manages sections and tags, not users', () => {
    const e = user('editor');
    expect(policies.publishArticle(e, others)).toBe(true);
    expect(policies.editArticle(e, { ...others, status: 'published' })).toBe(true);
    expect(policies.manageSections(e)).toBe(true);
    expect(policies.manageTags(e)).toBe(true);
    expect(policies.deleteMedia(e)).toBe(true);
    expect(policies.manageUsers(e)).toBe(false);
    expect(policies.manageSettings(e)).toBe(false);
  });

  it('live TV (channels, programmes, schedule): editors and admins only', () => {
    expect(policies.manageLive(user('editor'))).toBe(true);
    expect(policies.manageLive(user('admin'))).toBe(true);
    for (const role of ['author', 'contributor', 'moderator'] as const) expect(policies.manageLive(user(role)), role).toBe(false);
    expect(policies.manageLive({ ...user('admin'), disabled: true })).toBe(false);
  });

  it('live updates: whoever may publish the story (not contributors or moderators)', () => {
    for (const role of ['author', 'editor', 'admin'] as const) expect(policies.postLiveUpdate(user(role), own), role).toBe(policies.publishArticle(user(role), own));
    expect(policies.postLiveUpdate(user('author'), others)).toBe(false);
    expect(policies.postLiveUpdate(user('editor'), others)).toBe(true);
    for (const role of ['contributor', 'moderator'] as const) expect(policies.postLiveUpdate(user(role), own), role).toBe(false);
    expect(policies.postLiveUpdate({ ...user('editor'), disabled: true }, others)).toBe(false);
  });

  it('admin: users, roles and settings too', () => {
    const a = user('admin');
    expect(policies.manageUsers(a)).toBe(true);
    expect(policies.manageSettings(a)).toBe(true);
    expect(policies.publishArticle(a, others)).toBe(true);
  });

  it('a disabled account can do nothing', () => {
    const d = { ...user('admin'), disabled: true };
    for (const check of [policies.createArticle(d), policies.publishArticle(d, own), policies.editArticle(d, own), policies.manageUsers(d), policies.uploadMedia(d)]) expect(check).toBe(false);
  });

  it('only editors delete media and other people’s stories', () => {
    expect(policies.deleteMedia(user('author'))).toBe(false);
    expect(policies.deleteArticle(user('author'), own)).toBe(true);
    expect(policies.deleteArticle(user('author'), { ...own, status: 'published' })).toBe(false);
    expect(policies.deleteArticle(user('contributor'), own)).toBe(false);
    expect(policies.deleteArticle(user('editor'), others)).toBe(true);
  });

  it('moderator: moderates comments and readers, cannot write, publish or upload', () => {
    const m = user('moderator');
    expect(policies.moderateComments(m)).toBe(true);
    expect(policies.createArticle(m)).toBe(false);
    expect(policies.editArticle(m, own)).toBe(false);
    expect(policies.publishArticle(m, own)).toBe(false);
    expect(policies.uploadMedia(m)).toBe(false);
    expect(policies.viewArticle(m, others)).toBe(false);
    expect(policies.viewArticle(m, { ...others, status: 'published' })).toBe(true);
    expect(policies.manageCommentSettings(m)).toBe(false);
  });

  it('comment moderation: editors and admins too, not writers', () => {
    expect(policies.moderateComments(user('editor'))).toBe(true);
    expect(policies.moderateComments(user('admin'))).toBe(true);
    expect(policies.manageCommentSettings(user('editor'))).toBe(true);
    expect(policies.moderateComments(user('author'))).toBe(false);
    expect(policies.moderateComments(user('contributor'))).toBe(false);
    expect(policies.moderateComments({ ...user('moderator'), disabled: true })).toBe(false);
  });
});
