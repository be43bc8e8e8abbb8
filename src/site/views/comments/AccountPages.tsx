/**
 * Reader account pages: sign up, sign in (password or emailed link), confirm a link, and
 * the account page (profile, own comments, email, password, data download, deletion).
 */
import { DISPLAY_NAME } from '../../../core/comments/display-names.js';
import type { CommentStatus } from '../../../services/comments.js';
import type { Reader } from '../../../services/readers.js';
import { formatDateTime } from '../../format.js';
import type { FormError } from '../../i18n/problems.js';
import type { MessageKey } from '../../i18n/translate.js';
import { CommentBody } from '../components/CommentBody.js';
import { FormErrors, invalid } from '../components/FormErrors.js';
import { editionPath } from '../../../core/editions.js';
import type { PageContext } from '../context.js';
import { Layout } from '../Layout.js';

/**
 * An account page's SEO: never indexed; `path` is inside the edition ('/account/signin').
 * The same page in the other editions is its alternate, so the edition switcher keeps the
 * reader on it (in the other language) rather than sending them to that edition's home.
 */
const seo = (ctx: PageContext, title: string, path: string, options: { alternates: boolean } = { alternates: true }) => ({
  title,
  description: title,
  canonical: ctx.url(path),
  type: 'website' as const,
  noindex: true,
  ...(options.alternates ? { alternates: ctx.otherEditions.map((e) => ({ language: e.language, href: editionPath(e, path) })) } : {}),
});

const SIGN_UP_INPUTS = { email: 'email', displayName: 'displayName', password: 'password' };
const SIGN_IN_INPUTS = { email: 'link-email' };
const ACCOUNT_INPUTS = { displayName: 'displayName', email: 'new-email', password: 'new-password', confirm: 'confirm-delete' };

const nextField = (next: string) => <input type="hidden" name="next" value={next} />;

export function SignUpPage({ ctx, next, values, errors }: { ctx: PageContext; next: string; values: { email: string; displayName: string }; errors?: FormError[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} seo={seo(ctx, t('account.signUpTitle'), '/account/signup')}>
      <div class="account-page narrow">
        <h1>{t('account.signUpHeading')}</h1>
        <FormErrors intro={t('account.errorsIntro')} errors={errors} inputs={SIGN_UP_INPUTS} />
        <form method="post" action={ctx.url('/account/signup')} class="account-form">
          {nextField(next)}
          <p>
            <label for="email">{t('account.email')}</label>
            <input id="email" name="email" type="email" autocomplete="email" required maxLength={254} value={values.email} aria-describedby="email-help" aria-invalid={invalid(errors, 'email')} />
            <span id="email-help" class="form-help">
              {t('account.emailHelp')}
            </span>
          </p>
          <p>
            <label for="displayName">{t('account.displayName')}</label>
            <input id="displayName" name="displayName" required minLength={DISPLAY_NAME.min} maxLength={DISPLAY_NAME.max} autocomplete="nickname" value={values.displayName} aria-describedby="name-help" aria-invalid={invalid(errors, 'displayName')} />
            <span id="name-help" class="form-help">
              {t('account.nameHelp', { min: DISPLAY_NAME.min, max: DISPLAY_NAME.max })}
            </span>
          </p>
          <p>
            <label for="password">{t('account.passwordOptional')}</label>
            <input id="password" name="password" type="password" autocomplete="new-password" maxLength={200} aria-describedby="password-help" aria-invalid={invalid(errors, 'password')} />
            <span id="password-help" class="form-help">
              {t('account.passwordHelp')}
            </span>
          </p>
          <p>
            <button type="submit" class="button">
              {t('account.signUpButton')}
            </button>
          </p>
        </form>
        <p>{t.rich('account.haveAccount', { link: (chunks) => <a href={`${ctx.url('/account/signin')}?next=${encodeURIComponent(next)}`}>{chunks}</a> })}</p>
      </div>
    </Layout>
  );
}

export function SignInPage({ ctx, next, email, errors }: { ctx: PageContext; next: string; email: string; errors?: FormError[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} seo={seo(ctx, t('account.signIn'), '/account/signin')}>
      <div class="account-page narrow">
        <h1>{t('account.signInHeading')}</h1>
        <FormErrors intro={t('account.errorsIntro')} errors={errors} inputs={SIGN_IN_INPUTS} />
        <form method="post" action={ctx.url('/account/signin')} class="account-form">
          {nextField(next)}
          <p>
            <label for="signin-email">{t('account.email')}</label>
            <input id="signin-email" name="email" type="email" autocomplete="email" required maxLength={254} value={email} />
          </p>
          <p>
            <label for="signin-password">{t('account.password')}</label>
            <input id="signin-password" name="password" type="password" autocomplete="current-password" required maxLength={200} />
          </p>
          <p>
            <button type="submit" class="button">
              {t('account.signIn')}
            </button>
          </p>
        </form>
        <h2>{t('account.noPassword')}</h2>
        <form method="post" action={ctx.url('/account/signin-link')} class="account-form">
          {nextField(next)}
          <p>
            <label for="link-email">{t('account.email')}</label>
            <input id="link-email" name="email" type="email" autocomplete="email" required maxLength={254} value={email} aria-invalid={invalid(errors, 'email')} />
          </p>
          <p>
            <button type="submit" class="button button-secondary">
              {t('account.linkButton')}
            </button>
          </p>
        </form>
        <p>{t.rich('account.newHere', { link: (chunks) => <a href={`${ctx.url('/account/signup')}?next=${encodeURIComponent(next)}`}>{chunks}</a> })}</p>
      </div>
    </Layout>
  );
}

/** A mailed link opens this page; the button uses it (mail scanners follow links but do not press buttons). */
export function LinkConfirmPage({ ctx, token }: { ctx: PageContext; token: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} seo={seo(ctx, t('account.confirmTitle'), '/account/link', { alternates: false })}>
      <div class="account-page narrow">
        <h1>{t('account.confirmTitle')}</h1>
        <form method="post" action={ctx.url(`/account/link/${token}`)}>
          <button type="submit" class="button">
            {t('account.continue')}
          </button>
        </form>
      </div>
    </Layout>
  );
}

export interface HistoryItem {
  id: number;
  headline: string;
  body: string;
  status: CommentStatus;
  createdAt: string;
}

const STATUS_KEYS: Record<CommentStatus, MessageKey> = { approved: 'account.status.approved', pending: 'account.status.pending', rejected: 'account.status.rejected', deleted: 'account.status.deleted' };

/** What the reader types to confirm deleting the account: the same word in every language (the server checks it). */
export const DELETE_WORD = 'DELETE';

export function AccountPage({ ctx, reader, csrf, history, notice, errors }: { ctx: PageContext; reader: Reader; csrf: string; history: HistoryItem[]; notice?: string | undefined; errors?: FormError[] }) {
  const { t } = ctx;
  const token = <input type="hidden" name="_csrf" value={csrf} />;
  return (
    <Layout ctx={ctx} seo={seo(ctx, t('account.title'), '/account')}>
      <div class="account-page">
        <h1>{t('account.title')}</h1>
        {notice && (
          <p class="comments-notice" role="status">
            {notice}
          </p>
        )}
        <FormErrors intro={t('account.errorsIntro')} errors={errors} inputs={ACCOUNT_INPUTS} />
        {!reader.verified && <p class="account-warning">{t('account.unverified')}</p>}
        {reader.banned && <p class="account-warning">{t('account.banned')}</p>}
        {reader.suspendedUntil && Date.parse(reader.suspendedUntil) > Date.now() && <p class="account-warning">{t('account.suspended', { date: formatDateTime(reader.suspendedUntil, ctx.dates) })}</p>}
        <section aria-labelledby="profile-title">
          <h2 id="profile-title">{t('account.profile')}</h2>
          <form method="post" action={ctx.url('/account/profile')} class="account-form">
            {token}
            <p>
              <label for="displayName">{t('account.displayName')}</label>
              <input id="displayName" name="displayName" required minLength={DISPLAY_NAME.min} maxLength={DISPLAY_NAME.max} value={reader.displayName} aria-invalid={invalid(errors, 'displayName')} />
            </p>
            <p>
              <input id="notifyReplies" name="notifyReplies" type="checkbox" value="1" checked={reader.notifyReplies} /> <label for="notifyReplies">{t('account.notifyReplies')}</label>
            </p>
            <p>
              <button type="submit" class="button">
                {t('account.saveProfile')}
              </button>
            </p>
          </form>
        </section>
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t('account.history')}</h2>
          {history.length === 0 ? (
            <p>{t('account.noHistory')}</p>
          ) : (
            <ol class="comment-history">
              {history.map((h) => (
                <li key={h.id}>
                  <p class="comment-history-meta">
                    {t.rich('account.historyItem', {
                      headline: h.headline,
                      date: formatDateTime(h.createdAt, ctx.dates),
                      status: t(STATUS_KEYS[h.status]),
                      link: (chunks) => <a href={`/comments/${h.id}`}>{chunks}</a>,
                      time: (chunks) => <time datetime={h.createdAt}>{chunks}</time>,
                      strong: (chunks) => <strong>{chunks}</strong>,
                    })}
                  </p>
                  <CommentBody text={h.body} />
                </li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="email-title">
          <h2 id="email-title">{t('account.emailTitle')}</h2>
          <p>{t.rich('account.emailNow', { email: reader.email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <form method="post" action={ctx.url('/account/email')} class="account-form">
            {token}
            <p>
              <label for="new-email">{t('account.newEmail')}</label>
              <input id="new-email" name="email" type="email" autocomplete="email" required maxLength={254} aria-invalid={invalid(errors, 'email')} />
            </p>
            <p>
              <button type="submit" class="button button-secondary">
                {t('account.sendConfirmation')}
              </button>
            </p>
          </form>
        </section>
        <section aria-labelledby="password-title">
          <h2 id="password-title">{t('account.password')}</h2>
          <form method="post" action={ctx.url('/account/password')} class="account-form">
            {token}
            <p>
              <label for="new-password">{t('account.newPassword')}</label>
              <input id="new-password" name="password" type="password" autocomplete="new-password" required minLength={10} maxLength={200} aria-invalid={invalid(errors, 'password')} />
            </p>
            <p>
              <button type="submit" class="button button-secondary">
                {t('account.setPassword')}
              </button>
            </p>
          </form>
        </section>
        <section aria-labelledby="data-title">
          <h2 id="data-title">{t('account.dataTitle')}</h2>
          <p>
            <a href={ctx.url('/account/export')} download="newsdesk-my-data.json">
              {t('account.download')}
            </a>
          </p>
          <form method="post" action={ctx.url('/account/signout')} class="inline-form">
            {token}
            <input type="hidden" name="everywhere" value="1" />
            <button type="submit" class="button button-secondary">
              {t('account.signOutEverywhere')}
            </button>
          </form>
        </section>
        <section aria-labelledby="delete-title">
          <h2 id="delete-title">{t('account.deleteTitle')}</h2>
          <p>{t('account.deleteText')}</p>
          <form method="post" action={ctx.url('/account/delete')} class="account-form">
            {token}
            <p>
              <label for="confirm-delete">{t('account.deleteConfirmLabel', { word: DELETE_WORD })}</label>
              <input id="confirm-delete" name="confirm" required pattern={DELETE_WORD} autocomplete="off" aria-invalid={invalid(errors, 'confirm')} />
            </p>
            <p>
              <button type="submit" class="button button-danger">
                {t('account.deleteButton')}
              </button>
            </p>
          </form>
        </section>
      </div>
    </Layout>
  );
}
