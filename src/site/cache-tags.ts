/**
 * The page cache's tags (and the CDN's surrogate keys) for stories. Every page showing a
 * story carries `article:<id>`: its own page, and every list page with its card, so an edit
 * or a comment (the count on the card) clears them all. A story's own pages (its article page,
 * its live blog's older updates) also carry `story:<id>`, for a change only they show: a live
 * blog update, which must not clear the home page that lists the story.
 */
export const articleTag = (id: number): string => `article:${id}`;

export const cardTags = (ids: readonly number[]): string[] => ids.map(articleTag);

export const storyPageTag = (id: number): string => `story:${id}`;
