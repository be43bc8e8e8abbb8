/**
 * Pages of the comment system that are per reader and never cached: the full thread of a
 * story (sort, pages, replying, the reader's own held comments), the report form, the rest
 * of a long thread, the unsubscribe confirmation, and a plain message page.
 */
import type { ComponentChildren } from 'preact';
import { REPORT_REASONS } from '../../../core/comments/settings.js';
import type { ReportReason } from '../../../core/comments/settings.js';
import type { MessageKey, Translate } from '../../i18n/translate.js';
import type { CommentThread, CommentView } from '../../../services/comments.js';
import type { PageContext } from '../context.js';
import { Layout } from '../Layout.js';
import type { FormError } from '../../i18n/problems.js';
import type { CommentsViewer, GuestValues } from './CommentsSection.js';
import { CommentItem, CommentsSection } from './CommentsSection.js';

const privatePage = (title: string, path: string) => ({ title, description: title, canonical: path, type: 'website' as const, noindex: true });

/** A report reason as readers read it ("Spam or advertising", "Spam o publicidad"). */
export const reasonName = (t: Translate, reason: ReportReason): string => t(`comments.reason.${reason}` satisfies MessageKey);

export function CommentsPage(props: {
  ctx: PageContext;
  headline: string;
  articleUrl: string;
  thread: CommentThread;
  guests: boolean;
  viewer: CommentsViewer | undefined;
  replyTo: CommentView | undefined;
  body?: string;
  guest?: GuestValues | undefined;
  errors?: FormError[];
  notice?: string | undefined;
  signInInline?: boolean;
}) {
  const { ctx, thread } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} seo={{ ...privatePage(t('comments.pageTitle', { headline: props.headline }), props.articleUrl) }} scripts={ctx.assets.comments ? [ctx.assets.comments] : []}>
      <div class="comments-page">
        <p class="comments-back">
          <a href={props.articleUrl}>{t('comments.backToStory')}</a>
        </p>
        <h1 class="comments-page-title">{t.rich('comments.pageHeading', { headline: props.headline, link: (chunks) => <a href={props.articleUrl}>{chunks}</a> })}</h1>
        {props.signInInline && <p class="comments-signin-note">{t('comments.signInNote')}</p>}
        <CommentsSection
          ctx={ctx}
          thread={thread}
          articleUrl={props.articleUrl}
          guests={props.guests}
          page={{ viewer: props.viewer, replyTo: props.replyTo, body: props.body ?? '', guest: props.guest, errors: props.errors ?? [], notice: props.notice, signInInline: props.signInInline ?? false }}
        />
      </div>
    </Layout>
  );
}

export function RepliesPage({ ctx, root, replies, articleUrl }: { ctx: PageContext; root: CommentView; replies: CommentView[]; articleUrl: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} seo={privatePage(t('comments.repliesTo', { author: root.authorName }), articleUrl)}>
      <div class="comments-page">
        <p class="comments-back">
          <a href={`/articles/${root.articleId}/comments`}>{t('comments.allComments')}</a>
        </p>
        <h1>{t('comments.moreRepliesTo', { author: root.authorName })}</h1>
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
  const { t } = ctx;
  return (
    <Layout ctx={ctx} seo={privatePage(t('comments.reportTitle'), `/comments/${comment.id}/report`)}>
      <div class="comments-page narrow">
        <h1>{t('comments.reportTitle')}</h1>
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
            <legend>{t('comments.reportQuestion')}</legend>
            {(Object.keys(REPORT_REASONS) as ReportReason[]).map((value, i) => (
              <p key={value}>
                <input type="radio" id={`reason-${value}`} name="reason" value={value} required checked={i === 0} /> <label for={`reason-${value}`}>{reasonName(t, value)}</label>
              </p>
            ))}
          </fieldset>
          <p>
            <label for="report-note">{t('comments.reportNote')}</label>
            <textarea id="report-note" name="note" rows={3} maxLength={500} />
          </p>
          <p>
            <button type="submit" class="button">
              {t('comments.reportSend')}
            </button>
          </p>
        </form>
      </div>
    </Layout>
  );
}

export function EditCommentPage({ ctx, comment, error }: { ctx: PageContext; comment: CommentView; error?: string | undefined }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} seo={privatePage(t('comments.editTitle'), `/comments/${comment.id}/edit`)}>
      <div class="comments-page narrow">
        <p class="comments-back">
          <a href={`/articles/${comment.articleId}/comments#comment-${comment.id}`}>{t('comments.backToComments')}</a>
        </p>
        <h1>{t('comments.editTitle')}</h1>
        {error && (
          <p class="form-errors" role="alert">
            {error}
          </p>
        )}
        <form method="post" action={`/comments/${comment.id}/edit`} class="comment-form">
          <p>
            <label for="edit-body">{t('comments.yourComment')}</label>
            <textarea id="edit-body" name="body" rows={6} required minLength={2} maxLength={5000} aria-describedby="edit-help">
              {comment.body}
            </textarea>
          </p>
          <p id="edit-help" class="form-help">
            {t('comments.editHelp')}
          </p>
          <p>
            <button type="submit" class="button">
              {t('comments.save')}
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
  const { t } = ctx;
  return (
    <Layout ctx={ctx} seo={privatePage(t('comments.unsubscribeTitle'), '/comments/unsubscribe')}>
      <div class="comments-page narrow">
        <h1>{t('comments.unsubscribeTitle')}</h1>
        <p>{all ? t('comments.unsubscribeAll') : t('comments.unsubscribeThread')}</p>
        <form method="post" action={action}>
          <button type="submit" class="button">
            {all ? t('comments.unsubscribeAllButton') : t('comments.unsubscribeThreadButton')}
          </button>
        </form>
      </div>
    </Layout>
  );
}
