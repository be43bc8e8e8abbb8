import type { Translate } from '../../i18n/translate.js';

/** Previous/next links with the current position; page 1 has no `?page=` so it stays canonical. */
export function Pagination({ t, base, page, totalPages }: { t: Translate; base: string; page: number; totalPages: number }) {
  if (totalPages <= 1) return null;
  const href = (p: number) => (p === 1 ? base : `${base}?page=${p}`);
  return (
    <nav class="pagination" aria-label={t('pagination.label')}>
      {page > 1 && (
        <a href={href(page - 1)} rel="prev">
          {t('pagination.newer')}
        </a>
      )}
      <span aria-current="page">{t('pagination.position', { page, total: totalPages })}</span>
      {page < totalPages && (
        <a href={href(page + 1)} rel="next">
          {t('pagination.older')}
        </a>
      )}
    </nav>
  );
}
