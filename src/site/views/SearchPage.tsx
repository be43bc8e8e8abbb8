/** /search: the form with its filters, ranked results with marked snippets, pages, and a helpful empty state. */
import { ARTICLE_LABELS, LABEL_NAMES } from '../../core/articles.js';
import type { ArticleLabel } from '../../core/articles.js';
import type { SearchResults, SnippetPart } from '../../services/search.js';
import type { Link } from '../../services/reading.js';
import { formatDate } from '../format.js';
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

const queryString = (form: SearchForm, page: number) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form) as Array<[string, string]>) if (value) params.set(key, value);
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
};

export function SearchPage({ ctx, m }: { ctx: PageContext; m: SearchPageModel }) {
  const { form, results } = m;
  const title = form.q ? `Search: ${form.q}` : 'Search';
  return (
    <Layout ctx={ctx} seo={{ title, description: `Search the stories of ${ctx.siteName}.`, canonical: '/search', type: 'website', noindex: true }}>
      <div class="search-page">
        <h1>Search</h1>
        <form method="get" action="/search" role="search" class="search-form">
          <p class="search-main">
            <label for="q">Words to find</label>
            <input id="q" name="q" type="search" value={form.q} maxLength={200} autocomplete="off" />
            <button type="submit" class="button">
              Search
            </button>
          </p>
          <fieldset class="search-filters">
            <legend>Narrow it down</legend>
            <p>
              <label for="section">Section</label>
              <select id="section" name="section">
                <option value="">All sections</option>
                {m.sections.map((s) => (
                  <option key={s.path} value={s.path} selected={s.path === form.section}>
                    {`${'\u00a0\u00a0'.repeat(s.depth)}${s.name}`}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label for="label">Kind of story</label>
              <select id="label" name="label">
                <option value="">Any</option>
                {ARTICLE_LABELS.map((l) => (
                  <option key={l} value={l} selected={l === form.label}>
                    {LABEL_NAMES[l]}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label for="author">Author</label>
              <select id="author" name="author">
                <option value="">Anyone</option>
                {m.authors.map((a) => (
                  <option key={a.slug} value={a.slug} selected={a.slug === form.author}>
                    {a.name}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label for="from">From</label>
              <input id="from" name="from" type="date" value={form.from} />
            </p>
            <p>
              <label for="to">To</label>
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
  const { form } = m;
  if (results.terms.length === 0) {
    return <p class="search-empty">Type a few words to search for, such as a place, a person or a topic.</p>;
  }
  if (results.total === 0) {
    return (
      <div class="search-empty" role="status">
        <h2>No stories match “{form.q}”</h2>
        <ul>
          <li>Check the spelling, or try another word for the same thing.</li>
          <li>Use fewer words: every word must appear in a story.</li>
          {(form.section || form.label || form.author || form.from || form.to) && (
            <li>
              <a href={queryString({ ...form, section: '', label: '', author: '', from: '', to: '' }, 1)}>Search again without the filters</a>.
            </li>
          )}
          <li>
            Or browse the <a href="/">latest stories</a>.
          </li>
        </ul>
      </div>
    );
  }
  return (
    <section class="search-results" aria-labelledby="results-title">
      <h2 id="results-title" role="status">
        {results.total === 1 ? '1 story' : `${results.total.toLocaleString('en-GB')} stories`} for “{form.q}”
      </h2>
      <ol>
        {results.hits.map((h) => {
          const link = m.links.get(h.id);
          return (
            <li key={h.id} class="search-hit">
              <p class="search-hit-meta">
                <span class={`label label-${h.label}`}>{h.labelName}</span>
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
        <nav class="pagination" aria-label="Search result pages">
          {results.page > 1 && (
            <a href={queryString(form, results.page - 1)} rel="prev">
              Previous
            </a>
          )}
          <span>
            Page {results.page} of {results.totalPages}
          </span>
          {results.page < results.totalPages && (
            <a href={queryString(form, results.page + 1)} rel="next">
              Next
            </a>
          )}
        </nav>
      )}
    </section>
  );
}

export const isArticleLabel = (v: string): v is ArticleLabel => (ARTICLE_LABELS as readonly string[]).includes(v);
