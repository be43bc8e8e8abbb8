/**
 * Table shapes as Kysely sees them. Timestamps are ISO 8601 UTC strings on both databases
 * (TEXT on SQLite, timestamptz on PostgreSQL, read back as ISO strings by the pg type parser
 * set up in db.ts); flags are 0/1 integers because better-sqlite3 cannot bind booleans.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface SectionsTable {
  id: Generated<number>;
  parent_id: number | null;
  slug: string;
  name: string;
  description: string;
  position: number;
  language: string;
  created_at: string;
  updated_at: string;
}

export interface AuthorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  role: string;
  bio: string;
  x_handle: string | null;
  created_at: string;
  updated_at: string;
  /** A portrait from the media library. */
  photo_media_id: number | null;
  /** JSON array of {label, url} (https only); '[]' by default. */
  links: Generated<string>;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  created_at: string;
}

export interface MediaTable {
  id: Generated<number>;
  key: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  focal_x: number;
  focal_y: number;
  created_at: string;
  updated_at: string;
}

/** A story's lead video: HLS or MP4, with a poster from the media library (core/videos.ts). */
export interface VideosTable {
  id: Generated<number>;
  url: string;
  /** hls | mp4 */
  kind: string;
  poster_media_id: number;
  caption: Generated<string>;
  credit: Generated<string>;
  duration_seconds: number | null;
  width: number | null;
  height: number | null;
  created_at: string;
  updated_at: string;
}

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  language: string;
  section_id: number;
  label: string;
  headline: string;
  seo_headline: string | null;
  standfirst: string;
  seo_description: string | null;
  /** JSON of the rich-text document. */
  body: string;
  lead_media_id: number | null;
  status: string;
  published_at: string | null;
  display_updated_at: string | null;
  created_at: string;
  updated_at: string;
  comments_open: number;
  comment_count: number;
  version: number;
  scheduled_at: string | null;
  embargo_until: string | null;
  created_by: number | null;
  updated_by: number | null;
  social_media_id: number | null;
  /** The lead video, shown instead of the lead photo (migration 2026-11-30T1000-lead-video). */
  lead_video_id: number | null;
  comments_premoderated: Generated<number>;
  /** Live coverage (migration 2026-11-30T1100-live-blog): 1 while the story is a live blog. */
  live_coverage: Generated<number>;
  /** 1: the live blog embeds the edition's live TV player. */
  live_player: Generated<number>;
  live_started_at: string | null;
  live_ended_at: string | null;
}

export interface ArticleAuthorsTable {
  article_id: number;
  author_id: number;
  position: number;
  /** Copies of the story's visibility, kept by triggers (migration 2026-12-03T2000): never written by code. */
  language: Generated<string | null>;
  public_from: Generated<string | null>;
  lastmod: Generated<string | null>;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
  position: number;
  /** Copies of the story's visibility, kept by triggers (migration 2026-12-03T2000): never written by code. */
  language: Generated<string | null>;
  public_from: Generated<string | null>;
  lastmod: Generated<string | null>;
}

/** Slugs an article used to have: old links answer with a 301 to the current URL. */
export interface ArticleSlugHistoryTable {
  language: string;
  slug: string;
  article_id: number;
  created_at: string;
}

export interface CorrectionsTable {
  id: Generated<number>;
  article_id: number;
  kind: string;
  note: string;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  /** JSON. */
  value: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  author_id: number | null;
  disabled: number;
  created_at: string;
  updated_at: string;
}

/** Only a hash of the session token is stored: a leaked table opens no sessions. */
export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  ip: string;
  user_agent: string;
  created_at: string;
  expires_at: string;
}

/** One-time links: first-admin setup, password reset, invitation. */
export interface AuthTokensTable {
  token_hash: string;
  kind: string;
  email: string;
  role: string | null;
  user_id: number | null;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  email: string;
  ip: string;
  succeeded: number;
  created_at: string;
}

export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  version: number;
  /** JSON of the article's editable fields at that version. */
  snapshot: string;
  user_id: number | null;
  autosave: number;
  created_at: string;
}

export interface ArticleNotesTable {
  id: Generated<number>;
  article_id: number;
  user_id: number | null;
  body: string;
  created_at: string;
}

export interface ReadersTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  name_key: string;
  password_hash: string | null;
  email_verified_at: string | null;
  banned: Generated<number>;
  suspended_until: string | null;
  warnings: Generated<number>;
  notify_replies: Generated<number>;
  approved_count: Generated<number>;
  rejected_count: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ReaderSessionsTable {
  token_hash: string;
  reader_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

/** One-time links sent to readers: verify email, sign in by email, reset password, change email. */
export interface ReaderTokensTable {
  token_hash: string;
  kind: string;
  reader_id: number | null;
  email: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface CommentsTable {
  id: Generated<number>;
  article_id: number;
  parent_id: number | null;
  root_id: number | null;
  depth: Generated<number>;
  reader_id: number | null;
  staff_user_id: number | null;
  author_name: string;
  guest_email: string | null;
  body: string;
  /** approved | pending | rejected | deleted */
  status: string;
  featured: Generated<number>;
  /** JSON array: why the pipeline held it. */
  hold_reasons: Generated<string>;
  score: Generated<number>;
  /** JSON array: what the score is made of, for moderators. */
  score_reasons: Generated<string>;
  /** Approved replies anywhere below this comment's thread position (maintained). */
  reply_count: Generated<number>;
  like_count: Generated<number>;
  report_count: Generated<number>;
  text_hash: string;
  ip_hash: Generated<string>;
  created_at: string;
  edited_at: string | null;
  moderated_at: string | null;
  moderated_by: number | null;
}

export interface CommentReactionsTable {
  comment_id: number;
  reader_id: number;
  created_at: string;
}

export interface CommentReportsTable {
  id: Generated<number>;
  comment_id: number;
  reader_id: number | null;
  reason: string;
  note: Generated<string>;
  created_at: string;
  resolved_at: string | null;
}

export interface CommentFollowsTable {
  reader_id: number;
  root_id: number;
  created_at: string;
}

export interface ModerationLogTable {
  id: Generated<number>;
  user_id: number | null;
  user_name: string;
  action: string;
  comment_id: number | null;
  reader_id: number | null;
  detail: Generated<string>;
  created_at: string;
}

export interface ClassifierTokensTable {
  token: string;
  spam: Generated<number>;
  ham: Generated<number>;
}

/** A story's membership of a translation group (its versions in other editions). */
export interface ArticleTranslationsTable {
  article_id: number;
  group_id: number;
}

/** A live TV channel of a language edition (docs/live.md). */
export interface ChannelsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  language: string;
  master_url: string;
  audio_url: string | null;
  poster_media_id: number | null;
  /** IANA zone the schedule's wall-clock times are in. */
  time_zone: string;
  description: Generated<string>;
  position: Generated<number>;
  /** ok | flagged | unchecked: the last check of the stream URLs. */
  playlist_status: Generated<string>;
  /** JSON array of core/playlists PlaylistCheck. */
  playlist_report: Generated<string>;
  checked_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProgrammesTable {
  id: Generated<number>;
  channel_id: number;
  slug: string;
  title: string;
  description: Generated<string>;
  artwork_media_id: number | null;
  created_at: string;
  updated_at: string;
}

/** A weekly slot: local wall-clock time in the channel's zone. */
export interface ScheduleSlotsTable {
  id: Generated<number>;
  programme_id: number;
  /** Bit 0 Monday ... bit 6 Sunday. */
  weekdays: number;
  /** 'HH:MM' */
  start_time: string;
  duration_minutes: number;
  /** 'YYYY-MM-DD', local, inclusive. */
  valid_from: string | null;
  valid_until: string | null;
  created_at: string;
}

/** A one-off special at a UTC instant; overrides the weekly slots it overlaps. */
export interface ScheduleSpecialsTable {
  id: Generated<number>;
  programme_id: number;
  starts_at: string;
  duration_minutes: number;
  created_at: string;
}

export interface ProgrammeArticlesTable {
  programme_id: number;
  article_id: number;
  created_at: string;
}

/** A live blog's timestamped updates (docs/live-blog.md). */
export interface LiveUpdatesTable {
  id: Generated<number>;
  article_id: number;
  headline: string | null;
  /** JSON of the rich-text document. */
  body: string;
  pinned: Generated<number>;
  created_at: string;
  updated_at: string;
  created_by: number | null;
  deleted_at: string | null;
}

export interface Database {
  sections: SectionsTable;
  authors: AuthorsTable;
  tags: TagsTable;
  media: MediaTable;
  videos: VideosTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  article_slug_history: ArticleSlugHistoryTable;
  corrections: CorrectionsTable;
  settings: SettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  auth_tokens: AuthTokensTable;
  login_attempts: LoginAttemptsTable;
  article_revisions: ArticleRevisionsTable;
  article_notes: ArticleNotesTable;
  readers: ReadersTable;
  reader_sessions: ReaderSessionsTable;
  reader_tokens: ReaderTokensTable;
  comments: CommentsTable;
  comment_reactions: CommentReactionsTable;
  comment_reports: CommentReportsTable;
  comment_follows: CommentFollowsTable;
  moderation_log: ModerationLogTable;
  classifier_tokens: ClassifierTokensTable;
  article_translations: ArticleTranslationsTable;
  channels: ChannelsTable;
  programmes: ProgrammesTable;
  schedule_slots: ScheduleSlotsTable;
  schedule_specials: ScheduleSpecialsTable;
  programme_articles: ProgrammeArticlesTable;
  live_updates: LiveUpdatesTable;
}

export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticleRow = Insertable<ArticlesTable>;
export type ArticleRowUpdate = Updateable<ArticlesTable>;
export type SectionRow = Selectable<SectionsTable>;
export type AuthorRow = Selectable<AuthorsTable>;
export type TagRow = Selectable<TagsTable>;
export type MediaRow = Selectable<MediaTable>;
export type VideoRow = Selectable<VideosTable>;
export type CommentRow = Selectable<CommentsTable>;
export type ReaderRow = Selectable<ReadersTable>;
export type ChannelRow = Selectable<ChannelsTable>;
export type ProgrammeRow = Selectable<ProgrammesTable>;
export type ScheduleSlotRow = Selectable<ScheduleSlotsTable>;
export type ScheduleSpecialRow = Selectable<ScheduleSpecialsTable>;
