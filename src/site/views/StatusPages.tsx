import type { Card as CardModel } from '../../services/reading.js';
import { Card } from './components/Card.js';
import type { PageContext } from './context.js';
import { Layout } from './Layout.js';

/** A real 404: says what happened, offers a way on, and is never indexed. */
export function NotFoundPage({ ctx, latest }: { ctx: PageContext; latest: CardModel[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} seo={{ title: t('status.notFoundTitle'), description: t('status.notFoundDescription'), canonical: ctx.path, type: 'website', noindex: true }}>
      <header class="list-header">
        <h1>{t('status.notFoundTitle')}</h1>
        <p class="list-description">{t.rich('status.notFoundText', { link: (chunks) => <a href={ctx.url('/')}>{chunks}</a> })}</p>
      </header>
      {latest.length > 0 && (
        <section aria-labelledby="latest-title">
          <h2 id="latest-title">{t('status.latest')}</h2>
          <div class="card-grid">
            {latest.map((c) => (
              <Card key={c.id} ctx={ctx} card={c} />
            ))}
          </div>
        </section>
      )}
    </Layout>
  );
}

/** Something went wrong on our side: a calm page, no details that help an attacker. */
export function ErrorPage({ ctx, status, message }: { ctx: PageContext; status: number; message?: string | undefined }) {
  const { t } = ctx;
  const title = status < 500 ? t('status.badRequest') : t('status.errorTitle');
  return (
    <Layout ctx={ctx} seo={{ title, description: t('status.errorDescription'), canonical: ctx.path, type: 'website', noindex: true }}>
      <header class="list-header">
        <h1>{title}</h1>
        <p class="list-description">
          {message ?? t('status.errorText')} {t.rich('status.errorHome', { link: (chunks) => <a href={ctx.url('/')}>{chunks}</a> })}
        </p>
      </header>
    </Layout>
  );
}
