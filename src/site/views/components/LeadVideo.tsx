/**
 * A story's lead video in place of the lead photo (issue 5). MP4 plays natively; HLS is a
 * `<source type="application/vnd.apple.mpegurl">` for browsers that play it themselves
 * (Safari, iOS, Android), and `data-hls-src` for the small island `client/video/main.ts`,
 * which attaches hls.js where Media Source Extensions exist and native HLS does not.
 * Nothing is fetched before the reader presses play (`preload="none"`), only the poster.
 */
import type { LeadVideo as Video } from '../../../core/videos.js';
import { VIDEO_MIME } from '../../../core/videos.js';
import type { Translate } from '../../i18n/translate.js';
import { defaultWidth, mediaUrl } from '../../format.js';

/** The poster as every consumer uses it: a JPEG rendition (1024 px when the original allows). */
export function posterImage(video: Video): { url: string; width: number; height: number; alt: string } {
  const width = defaultWidth(video.poster);
  return { url: mediaUrl(video.poster, width, 'jpeg'), width, height: Math.round((video.poster.height * width) / video.poster.width), alt: video.poster.alt };
}

export function LeadVideo({ video, t }: { video: Video; t: Translate }) {
  const poster = posterImage(video);
  const width = video.width ?? poster.width;
  const height = video.height ?? poster.height;
  const label = video.caption || t('video.label');
  return (
    <figure class="lead-media lead-video">
      <video controls playsinline preload="none" poster={poster.url} width={width} height={height} aria-label={label} data-hls-src={video.kind === 'hls' ? video.url : undefined}>
        <source src={video.url} type={VIDEO_MIME[video.kind]} />
        <p class="video-fallback">{t.rich('video.fallback', { link: (chunks) => <a href={video.url}>{chunks}</a> })}</p>
      </video>
      {(video.caption || video.credit) && (
        <figcaption>
          {video.caption}
          {video.credit && <span class="credit"> {video.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
