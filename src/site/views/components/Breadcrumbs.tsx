import type { Link } from '../../../services/reading.js';
import type { Translate } from '../../i18n/translate.js';

/** `News > Middle East & Africa > Libya`, each level a link; the last is the current page. */
export function Breadcrumbs({ t, trail, currentIsLast }: { t: Translate; trail: Link[]; currentIsLast: boolean }) {
  return (
    <nav aria-label={t('site.breadcrumb')} class="breadcrumbs">
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
