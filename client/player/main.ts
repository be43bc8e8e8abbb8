/**
 * The live player island (bundled to dist/public/player.js by scripts/build-client.mjs). It
 * enhances every server-rendered `[data-live-player]` element (/live, /es/live and live
 * stories; the contract is docs/live-player.md) into a player: hls.js or the browser's own
 * HLS, accessible controls and shortcuts, captions, audio only with the data it saves, Media
 * Session, and recovery from outages without a reload.
 */
import { LivePlayer } from './player.js';

function enhance(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-live-player]')) {
    if (root.dataset.enhanced) continue;
    new LivePlayer(root);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhance, { once: true });
else enhance();
