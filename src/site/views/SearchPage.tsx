/** /search: the form with its filters, ranked results with marked snippets, pages, and a helpful empty state. */
import { ARTICLE_LABELS } from '../../core/articles.js';
import type { ArticleLabel } from '../../core/articles.js';
import type { SearchResults, SnippetPart } from '../../services/search.js';
import type { Link } from '../../services/reading.js';
import { formatDate, labelKey } from '../format.js';
import type { PageContext } from './context.js';
import { Layout } from './Layout.js';

export interface SearchForm {
  q: string;
  section: string;
  label: string;
  author: string;
  from: string;
  to: string;
}

export interface SearchPageModel {
  form: SearchForm;
  results: SearchResults | undefined;
  /** Result URLs and section names, by story id. */
  links: Map<number, { url: string; section: Link }>;
  sections: Array<{ path: string; name: string; depth: number }>;
  authors: Array<{ slug: string; name: string }>;
}

function Marked({ parts }: { parts: SnippetPart[] }) {
  return <>{parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}

/** A search of this edition (/search, /es/search) with the form's values. */
const queryString = (ctx: PageContext, form: SearchForm, page: number) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form) as Array<[string, string]>) if (value) params.set(key, value);
  if (page > 1) params.set('page', String(page));
  return `${ctx.url('/search')}?${params.toString()}`;
};

export function SearchPage({ ctx, m }: { ctx: PageContext; m: SearchPageModel }) {
  const { t } = ctx;
  const { form, results } = m;
  const title = form.q ? t('search.title', { query: form.q }) : t('site.search');
  const action = ctx.url('/search');
  return (
    <Layout ctx={ctx} seo={{ title, description: t('search.description', { site: ctx.siteName }), canonical: action, type: 'website', noindex: true }}>
      <div class="search-page">
        <h1>{t('site.search')}</h1>
        <form method="get" action={action} role="search" class="search-form">
          <p class="search-main">
            <label for="q">{t('search.words')}</label>
            <input id="q" name="q" type="search" value={form.q} maxLength={200} autocomplete="off" />
            <button type="submit" class="button">
              {t('site.search')}
            </button>
          </p>
          <fieldset class="search-filters">
            <legend>{t('search.filters')}</legend>
            <p>
              <label for="section">{t('search.section')}</label>
              <select id="section" name="section">
                <option value="">{t('search.allSections')}</option>
                {m.sections.map((s) => (
                  <option key={s.path} value={s.path} selected={s.path === form.section}>
                    {`${'\u00a0\u00a0'.repeat(s.depth)}${s.name}`}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label for="label">{t('search.kind')}</label>
              <select id="label" name="label">
                <option value="">{t('search.anyKind')}</option>
                {ARTICLE_LABELS.map((l) => (
                  <option key={l} value={l} selected={l === form.label}>
                    {t(labelKey(l))}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label for="author">{t('search.author')}</label>
              <select id="author" name="author">
                <option value="">{t('search.anyAuthor')}</option>
                {m.authors.map((a) => (
                  <option key={a.slug} value={a.slug} selected={a.slug === form.author}>
                    {a.name}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label for="from">{t('search.from')}</label>
              <input id="from" name="from" type="date" value={form.from} />
            </p>
            <p>
              <label for="to">{t('search.to')}</label>
              <input id="to" name="to" type="date" value={form.to} />
            </p>
          </fieldset>
        </form>
        {results && <Results ctx={ctx} m={m} results={results} />}
      </div>
    </Layout>
  );
}

function Results({ ctx, m, results }: { ctx: PageContext; m: SearchPageModel; results: SearchResults }) {
  const { t } = ctx;
  const { form } = m;
  if (results.terms.length === 0) {
    return <p class="search-empty">{t('search.noTerms')}</p>;
  }
  if (results.total === 0) {
    const unfiltered = queryString(ctx, { ...form, section: '', label: '', author: '', from: '', to: '' }, 1);
    return (
      <div class="search-empty" role="status">
        <h2>{t('search.noResults', { query: form.q })}</h2>
        <ul>
          <li>{t('search.tipSpelling')}</li>
          <li>{t('search.tipFewer')}</li>
          {(form.section || form.label || form.author || form.from || form.to) && <li>{t.rich('search.withoutFilters', { link: (chunks) => <a href={unfiltered}>{chunks}</a> })}</li>}
          <li>{t.rich('search.browse', { link: (chunks) => <a href={ctx.url('/')}>{chunks}</a> })}</li>
        </ul>
      </div>
    );
  }
  return (
    <section class="search-results" aria-labelledby="results-title">
      <h2 id="results-title" role="status">
        {results.capped ? t('search.resultsCapped', { count: results.total, query: form.q }) : t('search.results', { count: results.total, query: form.q })}
      </h2>
      <ol>
        {results.hits.map((h) => {
          const link = m.links.get(h.id);
          return (
            <li key={h.id} class="search-hit">
              <p class="search-hit-meta">
                <span class={`label label-${h.label}`}>{t(labelKey(h.label))}</span>
                {link && <span> {link.section.name}</span>}
                {h.publishedAt && (
                  <>
                    {' · '}
                    <time datetime={h.publishedAt}>{formatDate(h.publishedAt, ctx.dates)}</time>
                  </>
                )}
              </p>
              <h3>
                <a href={link?.url ?? '#'}>
                  <Marked parts={h.headline} />
                </a>
              </h3>
              <p class="search-snippet">
                <Marked parts={h.snippet} />
              </p>
            </li>
          );
        })}
      </ol>
      {results.totalPages > 1 && (
        <nav class="pagination" aria-label={t('search.pages')}>
          {results.page > 1 && (
            <a href={queryString(ctx, form, results.page - 1)} rel="prev">
              {t('pagination.previous')}
            </a>
          )}
          <span>{t('pagination.position', { page: results.page, total: results.totalPages })}</span>
          {results.page < results.totalPages && (
            <a href={queryString(ctx, form, results.page + 1)} rel="next">
              {t('pagination.next')}
            </a>
          )}
        </nav>
      )}
    </section>
  );
}

export const isArticleLabel = (v: string): v is ArticleLabel => (ARTICLE_LABELS as readonly string[]).includes(v);
