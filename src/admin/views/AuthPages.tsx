import type { AdminContext } from './AdminLayout.js';
import { AdminLayout, Csrf, Messages } from './AdminLayout.js';

interface FormPageProps {
  ctx: AdminContext;
  errors?: string[];
  notice?: string | undefined;
}

export function LoginPage({ ctx, errors, notice, email = '', next = '/admin' }: FormPageProps & { email?: string; next?: string }) {
  return (
    <AdminLayout ctx={ctx} title="Sign in">
      <div class="auth-box">
        <h1>Sign in to the newsroom</h1>
        <Messages errors={errors} notice={notice} />
        <form method="post" action="/admin/login">
          <Csrf ctx={ctx} />
          <input type="hidden" name="next" value={next} />
          <label for="email">Email</label>
          <input id="email" name="email" type="email" autocomplete="username" required value={email} />
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
          <button type="submit" class="primary">Sign in</button>
        </form>
        <p>
          <a href="/admin/forgot">Forgot your password?</a>
        </p>
      </div>
    </AdminLayout>
  );
}

export function AccountSetupPage({ ctx, errors, token, kind, email = '', name = '' }: FormPageProps & { token: string; kind: 'setup' | 'invite'; email?: string; name?: string }) {
  return (
    <AdminLayout ctx={ctx} title={kind === 'setup' ? 'Create the first administrator' : 'Accept your invitation'}>
      <div class="auth-box">
        <h1>{kind === 'setup' ? 'Create the first administrator' : 'Join the newsroom'}</h1>
        <Messages errors={errors} />
        <form method="post" action={kind === 'setup' ? '/admin/setup' : '/admin/accept'}>
          <Csrf ctx={ctx} />
          <input type="hidden" name="token" value={token} />
          <label for="name">Your name</label>
          <input id="name" name="name" required autocomplete="name" value={name} />
          <label for="email">Email</label>
          {kind === 'setup' ? <input id="email" name="email" type="email" required autocomplete="username" value={email} /> : <input id="email" type="email" value={email} readOnly />}
          <label for="password">Password (at least 10 characters)</label>
          <input id="password" name="password" type="password" minLength={10} required autocomplete="new-password" />
          <button type="submit" class="primary">
            Create account
          </button>
        </form>
      </div>
    </AdminLayout>
  );
}

export function ForgotPage({ ctx, errors, notice }: FormPageProps) {
  return (
    <AdminLayout ctx={ctx} title="Reset your password">
      <div class="auth-box">
        <h1>Reset your password</h1>
        <Messages errors={errors} notice={notice} />
        <form method="post" action="/admin/forgot">
          <Csrf ctx={ctx} />
          <label for="email">Email</label>
          <input id="email" name="email" type="email" required autocomplete="username" />
          <button type="submit" class="primary">Email me a reset link</button>
        </form>
      </div>
    </AdminLayout>
  );
}

export function ResetPage({ ctx, errors, token }: FormPageProps & { token: string }) {
  return (
    <AdminLayout ctx={ctx} title="Choose a new password">
      <div class="auth-box">
        <h1>Choose a new password</h1>
        <Messages errors={errors} />
        <form method="post" action="/admin/reset">
          <Csrf ctx={ctx} />
          <input type="hidden" name="token" value={token} />
          <label for="password">New password (at least 10 characters)</label>
          <input id="password" name="password" type="password" minLength={10} required autocomplete="new-password" />
          <button type="submit" class="primary">Set password and sign in again</button>
        </form>
      </div>
    </AdminLayout>
  );
}

export function InvalidLinkPage({ ctx }: { ctx: AdminContext }) {
  return (
    <AdminLayout ctx={ctx} title="Link expired">
      <div class="auth-box">
        <h1>This link is invalid or has expired</h1>
        <p>
          Ask an administrator for a new one, or <a href="/admin/login">sign in</a>.
        </p>
      </div>
    </AdminLayout>
  );
}
