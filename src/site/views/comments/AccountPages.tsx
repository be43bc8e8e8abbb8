/**
 * Reader account pages: sign up, sign in (password or emailed link), confirm a link, and
 * the account page (profile, own comments, email, password, data download, deletion).
 */
import { DISPLAY_NAME } from '../../../core/comments/display-names.js';
import type { CommentStatus } from '../../../services/comments.js';
import type { Reader } from '../../../services/readers.js';
import { formatDateTime } from '../../format.js';
import { CommentBody } from '../components/CommentBody.js';
import type { PageContext } from '../context.js';
import { Layout } from '../Layout.js';

const seo = (title: string, path: string) => ({ title, description: title, canonical: path, type: 'website' as const, noindex: true });

const FIELD_LABELS: Record<string, string> = { displayName: 'Display name', email: 'Email', password: 'Password', link: 'Link' };

/** Service messages name fields by their code name ("displayName: ..."): readers see the label. */
export const readerMessage = (issue: string): string => issue.replace(/^(\w+): /, (whole, field: string) => (FIELD_LABELS[field] ? `${FIELD_LABELS[field]}: ` : whole));

function Errors({ errors }: { errors?: string[] | undefined }) {
  if (!errors || errors.length === 0) return null;
  return (
    <div class="form-errors" role="alert">
      <p>Please correct the following:</p>
      <ul>
        {errors.map((e) => (
          <li key={e}>{readerMessage(e)}</li>
        ))}
      </ul>
    </div>
  );
}

const nextField = (next: string) => <input type="hidden" name="next" value={next} />;

export function SignUpPage({ ctx, next, values, errors }: { ctx: PageContext; next: string; values: { email: string; displayName: string }; errors?: string[] }) {
  return (
    <Layout ctx={ctx} seo={seo('Create an account', '/account/signup')}>
      <div class="account-page narrow">
        <h1>Create an account to comment</h1>
        <Errors errors={errors} />
        <form method="post" action="/account/signup" class="account-form">
          {nextField(next)}
          <p>
            <label for="email">Email</label>
            <input id="email" name="email" type="email" autocomplete="email" required maxLength={254} value={values.email} aria-describedby="email-help" />
            <span id="email-help" class="form-help">
              Never shown. We send a link to confirm it before your first comment appears.
            </span>
          </p>
          <p>
            <label for="displayName">Display name</label>
            <input id="displayName" name="displayName" required minLength={DISPLAY_NAME.min} maxLength={DISPLAY_NAME.max} autocomplete="nickname" value={values.displayName} aria-describedby="name-help" />
            <span id="name-help" class="form-help">
              Shown with your comments. {DISPLAY_NAME.min} to {DISPLAY_NAME.max} letters, digits, spaces, dots, hyphens, apostrophes or underscores; not the name of a member of our staff.
            </span>
          </p>
          <p>
            <label for="password">Password (optional)</label>
            <input id="password" name="password" type="password" autocomplete="new-password" maxLength={200} aria-describedby="password-help" />
            <span id="password-help" class="form-help">
              At least 10 characters. Leave it empty to sign in with a link sent by email each time.
            </span>
          </p>
          <p>
            <button type="submit" class="button">
              Create account
            </button>
          </p>
        </form>
        <p>
          Already have an account? <a href={`/account/signin?next=${encodeURIComponent(next)}`}>Sign in</a>
        </p>
      </div>
    </Layout>
  );
}

export function SignInPage({ ctx, next, email, errors }: { ctx: PageContext; next: string; email: string; errors?: string[] }) {
  return (
    <Layout ctx={ctx} seo={seo('Sign in', '/account/signin')}>
      <div class="account-page narrow">
        <h1>Sign in to comment</h1>
        <Errors errors={errors} />
        <form method="post" action="/account/signin" class="account-form">
          {nextField(next)}
          <p>
            <label for="signin-email">Email</label>
            <input id="signin-email" name="email" type="email" autocomplete="email" required maxLength={254} value={email} />
          </p>
          <p>
            <label for="signin-password">Password</label>
            <input id="signin-password" name="password" type="password" autocomplete="current-password" required maxLength={200} />
          </p>
          <p>
            <button type="submit" class="button">
              Sign in
            </button>
          </p>
        </form>
        <h2>No password?</h2>
        <form method="post" action="/account/signin-link" class="account-form">
          {nextField(next)}
          <p>
            <label for="link-email">Email</label>
            <input id="link-email" name="email" type="email" autocomplete="email" required maxLength={254} value={email} />
          </p>
          <p>
            <button type="submit" class="button button-secondary">
              Email me a sign-in link
            </button>
          </p>
        </form>
        <p>
          New here? <a href={`/account/signup?next=${encodeURIComponent(next)}`}>Create an account</a>
        </p>
      </div>
    </Layout>
  );
}

/** A mailed link opens this page; the button uses it (mail scanners follow links but do not press buttons). */
export function LinkConfirmPage({ ctx, token }: { ctx: PageContext; token: string }) {
  return (
    <Layout ctx={ctx} seo={seo('Confirm and sign in', '/account/link')}>
      <div class="account-page narrow">
        <h1>Confirm and sign in</h1>
        <form method="post" action={`/account/link/${token}`}>
          <button type="submit" class="button">
            Continue
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

const STATUS_NAMES: Record<CommentStatus, string> = { approved: 'Published', pending: 'Awaiting moderation', rejected: 'Not published', deleted: 'Deleted' };

export function AccountPage({ ctx, reader, csrf, history, notice, errors }: { ctx: PageContext; reader: Reader; csrf: string; history: HistoryItem[]; notice?: string | undefined; errors?: string[] }) {
  const token = <input type="hidden" name="_csrf" value={csrf} />;
  return (
    <Layout ctx={ctx} seo={seo('Your account', '/account')}>
      <div class="account-page">
        <h1>Your account</h1>
        {notice && (
          <p class="comments-notice" role="status">
            {notice}
          </p>
        )}
        <Errors errors={errors} />
        {!reader.verified && <p class="account-warning">Your email address is not confirmed yet: your comments wait for a moderator until it is. Look for our email.</p>}
        {reader.banned && <p class="account-warning">This account can no longer post comments.</p>}
        {reader.suspendedUntil && Date.parse(reader.suspendedUntil) > Date.now() && <p class="account-warning">This account is suspended until {formatDateTime(reader.suspendedUntil, ctx.dates)}.</p>}
        <section aria-labelledby="profile-title">
          <h2 id="profile-title">Profile</h2>
          <form method="post" action="/account/profile" class="account-form">
            {token}
            <p>
              <label for="displayName">Display name</label>
              <input id="displayName" name="displayName" required minLength={DISPLAY_NAME.min} maxLength={DISPLAY_NAME.max} value={reader.displayName} />
            </p>
            <p>
              <input id="notifyReplies" name="notifyReplies" type="checkbox" value="1" checked={reader.notifyReplies} /> <label for="notifyReplies">Email me when someone replies to my comments or in threads I follow</label>
            </p>
            <p>
              <button type="submit" class="button">
                Save profile
              </button>
            </p>
          </form>
        </section>
        <section aria-labelledby="history-title">
          <h2 id="history-title">Your comments</h2>
          {history.length === 0 ? (
            <p>You have not commented yet.</p>
          ) : (
            <ol class="comment-history">
              {history.map((h) => (
                <li key={h.id}>
                  <p class="comment-history-meta">
                    On <a href={`/comments/${h.id}`}>{h.headline}</a>, <time datetime={h.createdAt}>{formatDateTime(h.createdAt, ctx.dates)}</time> — <strong>{STATUS_NAMES[h.status]}</strong>
                  </p>
                  <CommentBody text={h.body} />
                </li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="email-title">
          <h2 id="email-title">Email address</h2>
          <p>
            Now: <strong>{reader.email}</strong>
          </p>
          <form method="post" action="/account/email" class="account-form">
            {token}
            <p>
              <label for="new-email">New email address</label>
              <input id="new-email" name="email" type="email" autocomplete="email" required maxLength={254} />
            </p>
            <p>
              <button type="submit" class="button button-secondary">
                Send confirmation link
              </button>
            </p>
          </form>
        </section>
        <section aria-labelledby="password-title">
          <h2 id="password-title">Password</h2>
          <form method="post" action="/account/password" class="account-form">
            {token}
            <p>
              <label for="new-password">New password (at least 10 characters)</label>
              <input id="new-password" name="password" type="password" autocomplete="new-password" required minLength={10} maxLength={200} />
            </p>
            <p>
              <button type="submit" class="button button-secondary">
                Set password
              </button>
            </p>
          </form>
        </section>
        <section aria-labelledby="data-title">
          <h2 id="data-title">Your data</h2>
          <p>
            <a href="/account/export" download="newsdesk-my-data.json">
              Download everything we hold about you (JSON)
            </a>
          </p>
          <form method="post" action="/account/signout" class="inline-form">
            {token}
            <input type="hidden" name="everywhere" value="1" />
            <button type="submit" class="button button-secondary">
              Sign out on every device
            </button>
          </form>
        </section>
        <section aria-labelledby="delete-title">
          <h2 id="delete-title">Delete your account</h2>
          <p>Your account, likes and reports are removed. Depending on this site’s rules, your comments are either removed or stay as “deleted user”.</p>
          <form method="post" action="/account/delete" class="account-form">
            {token}
            <p>
              <label for="confirm-delete">Type DELETE to confirm</label>
              <input id="confirm-delete" name="confirm" required pattern="DELETE" autocomplete="off" />
            </p>
            <p>
              <button type="submit" class="button button-danger">
                Delete my account
              </button>
            </p>
          </form>
        </section>
      </div>
    </Layout>
  );
}
