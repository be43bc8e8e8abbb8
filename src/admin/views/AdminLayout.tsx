import type { ComponentChildren } from 'preact';
import { policies } from '../../core/policies.js';
import type { StaffUser } from '../../core/staff.js';
import { ROLE_NAMES } from '../../core/staff.js';

export interface AdminAsset {
  url: string;
  integrity: string;
}

export interface AdminContext {
  siteName: string;
  user: StaffUser | undefined;
  csrfToken: string;
  path: string;
  assets: { css: AdminAsset; editorCss?: AdminAsset | undefined; editorJs?: AdminAsset | undefined; icon: string };
  timeZone: string;
}

interface Props {
  ctx: AdminContext;
  title: string;
  children: ComponentChildren;
  /** Pages with the article editor load its island. */
  editor?: boolean;
}

const NAV = [
  { url: '/admin', name: 'Dashboard' },
  { url: '/admin/articles', name: 'Articles' },
  { url: '/admin/media', name: 'Media' },
  { url: '/admin/comments', name: 'Comments', policy: 'moderateComments' as const },
  { url: '/admin/sections', name: 'Sections', policy: 'manageSections' as const },
  { url: '/admin/tags', name: 'Tags', policy: 'manageTags' as const },
  { url: '/admin/authors', name: 'Authors', policy: 'manageAuthors' as const },
  { url: '/admin/live', name: 'Live TV', policy: 'manageLive' as const },
  { url: '/admin/users', name: 'People', policy: 'manageUsers' as const },
];

/** A hidden field with the CSRF token: every newsroom form includes it. */
export function Csrf({ ctx }: { ctx: AdminContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

export function AdminLayout({ ctx, title, children, editor = false }: Props) {
  const user = ctx.user;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="csrf-token" content={ctx.csrfToken} />
        <title>{`${title} | ${ctx.siteName} newsroom`}</title>
        <link rel="icon" href={ctx.assets.icon} type="image/svg+xml" />
        <link rel="stylesheet" href={ctx.assets.css.url} integrity={ctx.assets.css.integrity} />
        {editor && ctx.assets.editorCss && <link rel="stylesheet" href={ctx.assets.editorCss.url} integrity={ctx.assets.editorCss.integrity} />}
        {editor && ctx.assets.editorJs && <script type="module" src={ctx.assets.editorJs.url} integrity={ctx.assets.editorJs.integrity} />}
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="admin-header">
          <a class="admin-brand" href="/admin">
            {ctx.siteName} <span>newsroom</span>
          </a>
          {user && (
            <nav aria-label="Newsroom">
              <ul>
                {NAV.filter((n) => !n.policy || policies[n.policy](user)).map((n) => (
                  <li key={n.url}>
                    <a href={n.url} aria-current={ctx.path === n.url || (n.url !== '/admin' && ctx.path.startsWith(n.url)) ? 'page' : undefined}>
                      {n.name}
                    </a>
                  </li>
                ))}
                <li>
                  <a href="/">View site</a>
                </li>
              </ul>
            </nav>
          )}
          {user && (
            <div class="admin-user">
              <span>
                {user.name} <small>({ROLE_NAMES[user.role]})</small>
              </span>
              <form method="post" action="/admin/logout">
                <Csrf ctx={ctx} />
                <button type="submit">Sign out</button>
              </form>
              <form method="post" action="/admin/logout-everywhere">
                <Csrf ctx={ctx} />
                <button type="submit" title="Ends your sessions on every device">
                  Sign out everywhere
                </button>
              </form>
            </div>
          )}
        </header>
        <main id="main" class="admin-main" tabindex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}

/** Errors and notices at the top of a form, announced to screen readers. */
export function Messages({ errors = [], notice }: { errors?: string[]; notice?: string | undefined }) {
  return (
    <>
      {errors.length > 0 && (
        <div class="admin-errors" role="alert">
          <p>Please fix the following:</p>
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {notice && (
        <p class="admin-notice" role="status">
          {notice}
        </p>
      )}
    </>
  );
}
