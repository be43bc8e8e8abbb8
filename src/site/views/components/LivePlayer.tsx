/**
 * The live TV player island's DOM (docs/live-player.md): exactly what client/player
 * enhances. Shared by the live page (LivePages.tsx) and live stories (LiveBlog.tsx).
 */
import { PLAYER_MESSAGES_EN, PLAYER_MESSAGES_ES } from '../../../../client/player/messages.js';
import type { Language } from '../../../core/articles.js';
import type { MediaAsset } from '../../../core/media.js';
import type { LivePageModel } from '../../../services/live.js';
import { defaultWidth, mediaUrl } from '../../format.js';
import type { PageContext } from '../context.js';

/** How the player should start: ?audio=1 audio, ?audio=0 video, otherwise its own choice. */
export type StartMode = 'audio' | 'video' | '';

/** The player's words for a page's language (client/player/messages.ts). */
export const PLAYER_MESSAGES: Record<Language, Record<string, string>> = { en: PLAYER_MESSAGES_EN, es: PLAYER_MESSAGES_ES };

const jpeg = (asset: MediaAsset): string => mediaUrl(asset, defaultWidth(asset), 'jpeg');

export function LivePlayer({ ctx, m, start, messages }: { ctx: PageContext; m: LivePageModel; start: StartMode; messages: Record<string, string> }) {
  const stream = start === 'audio' && m.channel.audioUrl ? m.channel.audioUrl : m.channel.masterUrl;
  return (
    <div
      class="live-player"
      data-live-player=""
      data-master={m.channel.masterUrl}
      data-audio={m.channel.audioUrl ?? ''}
      data-title={m.now?.programme.title ?? ''}
      data-channel={m.channel.name}
      data-artwork={m.artwork ? jpeg(m.artwork) : ''}
      data-start={start}
      data-messages={JSON.stringify(messages)}
    >
      <video class="live-video" poster={m.poster ? jpeg(m.poster) : undefined} playsInline preload="none"></video>
      <p class="live-noscript">{ctx.t.rich('live.noscript', { stream: (chunks) => <a href={stream}>{chunks}</a> })}</p>
    </div>
  );
}
