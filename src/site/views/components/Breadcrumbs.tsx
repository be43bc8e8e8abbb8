import type { Link } from '../../../services/reading.js';

/** `News > Middle East & Africa > Libya`, each level a link; the last is the current page. */
export function Breadcrumbs({ trail, currentIsLast }: { trail: Link[]; currentIsLast: boolean }) {
  return (
    <nav aria-label="Breadcrumb" class="breadcrumbs">
      <ol>
        {trail.map((item, i) => (
          <li key={item.url}>
            <a href={item.url} aria-current={currentIsLast && i === trail.length - 1 ? 'page' : undefined}>
              {item.name}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
