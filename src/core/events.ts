/**
 * Content events, published explicitly by the services that change content (never by a
 * storage hook). The page cache, and later feeds, search and CDN purges, subscribe here.
 */
export type ContentEvent =
  | {
      type: 'article.changed';
      articleId: number;
      sectionId: number;
      previousSectionId?: number;
      previousPath?: string;
      /**
       * How far the change reaches readers, when the publisher knows (the newsroom's save):
       * `drafts`, not public before nor after (a draft's edits and autosaves: no reader page
       * shows it); `content`, public before and after in the same lists (same status,
       * publication time, section, tags and authors: only the pages showing it change).
       * Absent: anything may have changed (a publish, an unpublish, a move).
       */
      reach?: 'drafts' | 'content';
    }
  | { type: 'structure.changed' }
  /** A comment became visible (posted, approved) or changed while visible (edited, featured). */
  | { type: 'comment.visible'; articleId: number; commentId: number; count: number }
  /** A comment left the visible set (rejected, deleted). */
  | { type: 'comment.hidden'; articleId: number; commentId: number; count: number }
  /** A channel, programme, schedule slot or special changed (pages tagged 'live' and 'schedule'). */
  | { type: 'live.changed'; channelId: number }
  /** A live blog's update was posted, edited, pinned, unpinned or deleted (services/live-blog.ts). */
  | { type: 'liveblog.update'; articleId: number; updateId: number; action: LiveUpdateAction };

export type LiveUpdateAction = 'posted' | 'edited' | 'deleted' | 'pinned' | 'unpinned';

/** local: published by this instance; remote: relayed from another instance (storage/event-relay). */
export type EventOrigin = 'local' | 'remote';

export type ContentListener = (event: ContentEvent, origin: EventOrigin) => void;

export class ContentEvents {
  private readonly listeners = new Set<ContentListener>();

  subscribe(listener: ContentListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: ContentEvent, origin: EventOrigin = 'local'): void {
    for (const listener of this.listeners) listener(event, origin);
  }
}
