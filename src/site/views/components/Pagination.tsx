/** Previous/next links with the current position; page 1 has no `?page=` so it stays canonical. */
export function Pagination({ base, page, totalPages }: { base: string; page: number; totalPages: number }) {
  if (totalPages <= 1) return null;
  const href = (p: number) => (p === 1 ? base : `${base}?page=${p}`);
  return (
    <nav class="pagination" aria-label="Pagination">
      {page > 1 && (
        <a href={href(page - 1)} rel="prev">
          Newer stories
        </a>
      )}
      <span aria-current="page">
        Page {page} of {totalPages}
      </span>
      {page < totalPages && (
        <a href={href(page + 1)} rel="next">
          Older stories
        </a>
      )}
    </nav>
  );
}
