/**
 * The ordered list of migrations. Listed in code (not read from a folder) so the bundled
 * server carries them. One change per file, named by timestamp; data backfills separate.
 */
import type { Migration } from 'kysely';
import * as content from './2026-11-28T0900-content.js';
import * as accounts from './2026-11-28T1400-newsroom-accounts.js';
import * as workflow from './2026-11-28T1401-editorial-workflow.js';
import * as socialImage from './2026-11-28T1402-social-image.js';
import * as authorProfiles from './2026-11-28T1500-author-profiles.js';
import * as readerComments from './2026-11-29T1000-reader-comments.js';
import * as search from './2026-11-29T1800-search.js';
import * as sectionListIndex from './2026-11-29T1900-section-list-index.js';
import * as articleTranslations from './2026-11-30T0800-article-translations.js';
import * as liveTv from './2026-11-30T0900-live-tv.js';
import * as leadVideo from './2026-11-30T1000-lead-video.js';
import * as liveBlog from './2026-11-30T1100-live-blog.js';
import * as featuredCommentsIndex from './2026-12-03T0900-featured-comments-index.js';
import * as visibleArticlesCoveringIndex from './2026-12-03T1000-visible-articles-covering-index.js';
import * as listingColumns from './2026-12-03T2000-listing-columns.js';
import * as newsroomListIndexes from './2026-12-03T2100-newsroom-list-indexes.js';
import * as reportedCommentsIndex from './2026-12-03T2200-reported-comments-index.js';
import * as headlineTrigrams from './2026-12-03T2300-headline-trigrams.js';
import * as articleFigureMedia from './2026-12-03T2310-article-figure-media.js';
import * as articleMediaIndexes from './2026-12-03T2320-article-media-indexes.js';

export const migrations: Record<string, Migration> = {
  '2026-11-28T0900-content': content,
  '2026-11-28T1400-newsroom-accounts': accounts,
  '2026-11-28T1401-editorial-workflow': workflow,
  '2026-11-28T1402-social-image': socialImage,
  '2026-11-28T1500-author-profiles': authorProfiles,
  '2026-11-29T1000-reader-comments': readerComments,
  '2026-11-29T1800-search': search,
  '2026-11-29T1900-section-list-index': sectionListIndex,
  '2026-11-30T0800-article-translations': articleTranslations,
  '2026-11-30T0900-live-tv': liveTv,
  '2026-11-30T1000-lead-video': leadVideo,
  '2026-11-30T1100-live-blog': liveBlog,
  '2026-12-03T0900-featured-comments-index': featuredCommentsIndex,
  '2026-12-03T1000-visible-articles-covering-index': visibleArticlesCoveringIndex,
  '2026-12-03T2000-listing-columns': listingColumns,
  '2026-12-03T2100-newsroom-list-indexes': newsroomListIndexes,
  '2026-12-03T2200-reported-comments-index': reportedCommentsIndex,
  '2026-12-03T2300-headline-trigrams': headlineTrigrams,
  '2026-12-03T2310-article-figure-media': articleFigureMedia,
  '2026-12-03T2320-article-media-indexes': articleMediaIndexes,
};
