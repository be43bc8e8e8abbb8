import type { SocialProfile } from '../../../core/site-settings.js';
import { SOCIAL_NETWORK_NAMES } from '../../../core/site-settings.js';

/** Simple monochrome marks drawn with currentColor, so they follow the theme. */
const PATHS: Partial<Record<SocialProfile['network'], string>> = {
  facebook: 'M14 8h3V4h-3c-2.8 0-5 2.2-5 5v2H7v4h2v9h4v-9h3l1-4h-4V9c0-.6.4-1 1-1z',
  x: 'M4 4h4.6l4.2 5.8L17.9 4H20l-6.2 7.1L20.5 20h-4.6l-4.5-6.2L6 20H4l6.5-7.4z',
  youtube: 'M22 8.2s-.2-1.6-.9-2.3c-.8-.9-1.8-.9-2.2-1C16 4.7 12 4.7 12 4.7s-4 0-6.9.2c-.4.1-1.4.1-2.2 1-.7.7-.9 2.3-.9 2.3S2 10 2 11.9v1.7c0 1.9.2 3.7.2 3.7s.2 1.6.9 2.3c.8.9 1.9.9 2.4 1 1.7.2 6.5.2 6.5.2s4 0 6.9-.2c.4-.1 1.4-.1 2.2-1 .7-.7.9-2.3.9-2.3s.2-1.9.2-3.7v-1.7C22.2 10 22 8.2 22 8.2zM10 15.3V8.9l5.7 3.2z',
  telegram: 'M21.5 3.5 2.9 10.7c-1.3.5-1.2 1.2-.2 1.5l4.8 1.5 1.8 5.6c.2.6.4.8.9.8.4 0 .6-.2.9-.4l2.3-2.2 4.7 3.5c.9.5 1.5.2 1.7-.8l3.1-14.6c.3-1.3-.5-1.8-1.4-1.5zM9.6 14.3l-.4 3.6-1.4-4.5 10-6.3z',
};

export function SocialIcon({ network }: { network: SocialProfile['network'] }) {
  const d = PATHS[network];
  if (!d) return <span class="social-text">{SOCIAL_NETWORK_NAMES[network]}</span>;
  return (
    <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" />
    </svg>
  );
}
