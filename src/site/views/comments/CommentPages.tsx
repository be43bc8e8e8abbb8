/**
 * Pages of the comment system that are per reader and never cached: the full thread of a
 * story (sort, pages, replying, the reader's own held comments), the report form, the rest
 * of a long thread, the unsubscribe confirmation, and a plain message page.
 */
import type { ComponentChildren } from 'preact';
import { REPORT_REASONS } from '../../../core/comments/settings.js';
import type { CommentThread, CommentView } from '../../../services/comments.js';
import type { PageContext } from '../context.js';
import { Layout } from '../Layout.js';
import type { CommentsViewer } from './CommentsSection.js';
import { CommentItem, CommentsSection } from './CommentsSection.js';

const privatePage = (title: string, path: string) => ({ title, description: title, canonical: path, type: 'website' as const, noindex: true });

export function CommentsPage(props: {
  ctx: PageContext;
  headline: string;
  articleUrl: string;
  thread: CommentThread;
  guests: boolean;
  viewer: CommentsViewer | undefined;
  replyTo: CommentView | undefined;
  body?: string;
  errors?: string[];
  notice?: string | undefined;
  signInInline?: boolean;
}) {
  const { ctx, thread } = props;
  return (
    <Layout ctx={ctx} seo={{ ...privatePage(`Comments: ${props.headline}`, props.articleUrl) }} scripts={ctx.assets.comments ? [ctx.assets.comments] : []}>
      <div class="comments-page">
        <p class="comments-back">
          <a href={props.articleUrl}>← Back to the story</a>
        </p>
        <h1 class="comments-page-title">
          Comments on <a href={props.articleUrl}>{props.headline}</a>
        </h1>
        {props.signInInline && (
          <p class="comments-signin-note">Your comment is kept below. Sign in with your email and password to post it, or create an account first.</p>
        )}
        <CommentsSection
          ctx={ctx}
          thread={thread}
          articleUrl={props.articleUrl}
          guests={props.guests}
          page={{ viewer: props.viewer, replyTo: props.replyTo, body: props.body ?? '', errors: props.errors ?? [], notice: props.notice, signInInline: props.signInInline ?? false }}
        />
      </div>
    </Layout>
  );
}

export function RepliesPage({ ctx, root, replies, articleUrl }: { ctx: PageContext; root: CommentView; replies: CommentView[]; articleUrl: string }) {
  return (
    <Layout ctx={ctx} seo={privatePage(`Replies to ${root.authorName}`, articleUrl)}>
      <div class="comments-page">
        <p class="comments-back">
          <a href={`/articles/${root.articleId}/comments`}>← All comments</a>
        </p>
        <h1>More replies to {root.authorName}</h1>
        <ol class="comment-list">
          {replies.map((c) => (
            <CommentItem key={c.id} c={c} ctx={ctx} />
          ))}
        </ol>
      </div>
    </Layout>
  );
}

export function ReportPage({ ctx, comment, error }: { ctx: PageContext; comment: CommentView; error?: string | undefined }) {
  return (
    <Layout ctx={ctx} seo={privatePage('Report a comment', `/comments/${comment.id}/report`)}>
      <div class="comments-page narrow">
        <h1>Report a comment</h1>
        <ol class="comment-list">
          <CommentItem c={{ ...comment, replies: [], moreReplies: 0 }} ctx={ctx} />
        </ol>
        {error && (
          <p class="form-errors" role="alert">
            {error}
          </p>
        )}
        <form method="post" action={`/comments/${comment.id}/report`} class="report-form">
          <fieldset>
            <legend>What is wrong with it?</legend>
            {Object.entries(REPORT_REASONS).map(([value, label], i) => (
              <p key={value}>
                <input type="radio" id={`reason-${value}`} name="reason" value={value} required checked={i === 0} /> <label for={`reason-${value}`}>{label}</label>
              </p>
            ))}
          </fieldset>
          <p>
            <label for="report-note">Anything our moderators should know (optional)</label>
            <textarea id="report-note" name="note" rows={3} maxLength={500} />
          </p>
          <p>
            <button type="submit" class="button">
              Send report
            </button>
          </p>
        </form>
      </div>
    </Layout>
  );
}

export function EditCommentPage({ ctx, comment, error }: { ctx: PageContext; comment: CommentView; error?: string | undefined }) {
  return (
    <Layout ctx={ctx} seo={privatePage('Edit your comment', `/comments/${comment.id}/edit`)}>
      <div class="comments-page narrow">
        <p class="comments-back">
          <a href={`/articles/${comment.articleId}/comments#comment-${comment.id}`}>← Back to the comments</a>
        </p>
        <h1>Edit your comment</h1>
        {error && (
          <p class="form-errors" role="alert">
            {error}
          </p>
        )}
        <form method="post" action={`/comments/${comment.id}/edit`} class="comment-form">
          <p>
            <label for="edit-body">Your comment</label>
            <textarea id="edit-body" name="body" rows={6} required minLength={2} maxLength={5000} aria-describedby="edit-help">
              {comment.body}
            </textarea>
          </p>
          <p id="edit-help" class="form-help">
            Edited comments are marked as edited. An edit that adds links may wait for a moderator again.
          </p>
          <p>
            <button type="submit" class="button">
              Save changes
            </button>
          </p>
        </form>
      </div>
    </Layout>
  );
}

export function MessagePage({ ctx, title, children, status }: { ctx: PageContext; title: string; children: ComponentChildren; status?: 'ok' | 'error' }) {
  return (
    <Layout ctx={ctx} seo={privatePage(title, ctx.path)}>
      <div class="comments-page narrow">
        <h1>{title}</h1>
        <div role={status === 'error' ? 'alert' : 'status'}>{children}</div>
      </div>
    </Layout>
  );
}

export function UnsubscribePage({ ctx, action, all }: { ctx: PageContext; action: string; all: boolean }) {
  return (
    <Layout ctx={ctx} seo={privatePage('Stop reply emails', '/comments/unsubscribe')}>
      <div class="comments-page narrow">
        <h1>Stop reply emails</h1>
        <p>{all ? 'You will get no more emails about replies to your comments.' : 'You will get no more emails about new replies in this thread.'}</p>
        <form method="post" action={action}>
          <button type="submit" class="button">
            {all ? 'Stop all reply emails' : 'Stop emails about this thread'}
          </button>
        </form>
      </div>
    </Layout>
  );
}
