import type { Card as CardModel } from '../../../services/reading.js';
import { formatDate, labelKey } from '../../format.js';
import type { PageContext } from '../context.js';
import { Picture } from './Picture.js';

interface Props {
  ctx: PageContext;
  card: CardModel;
  /** Heading level inside the list it sits in. */
  level?: 2 | 3;
  size?: 'lead' | 'standard' | 'compact';
  priority?: boolean;
}

const SIZES = {
  lead: '(min-width: 64em) 60vw, 100vw',
  standard: '(min-width: 64em) 22vw, (min-width: 40em) 45vw, 100vw',
  compact: '8rem',
};

/** A story in a list: image, label, headline (the link), standfirst, date and comment count. */
export function Card({ ctx, card, level = 3, size = 'standard', priority = false }: Props) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article class={`card card-${size}`}>
      {card.image && size !== 'compact' && (
        <div class="card-media">
          <Picture asset={card.image} sizes={SIZES[size]} priority={priority} alt="" />
        </div>
      )}
      <div class="card-text">
        <p class="card-meta">
          <span class={`label label-${card.label}`}>{ctx.t(labelKey(card.label))}</span>
          <a class="card-section" href={card.section.url}>
            {card.section.name}
          </a>
        </p>
        <Heading class="card-headline">
          <a href={card.url}>{card.headline}</a>
        </Heading>
        {size !== 'compact' && card.standfirst && <p class="card-standfirst">{card.standfirst}</p>}
        <p class="card-foot">
          <time datetime={card.publishedAt}>{formatDate(card.publishedAt, ctx.dates)}</time>
          <span class="comment-count">{ctx.t('card.comments', { count: card.commentCount })}</span>
        </p>
      </div>
    </article>
  );
}
