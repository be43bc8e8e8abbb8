/**
 * The lead video island (bundled to dist/public/video.js by scripts/build-client.mjs; loaded
 * only by story pages whose lead video is HLS, see docs/video.md). The server renders a
 * plain `<video controls>` with `<source type="application/vnd.apple.mpegurl">`, which
 * browsers with their own HLS (Safari, iOS, most Android) play as it is. Elsewhere, where
 * Media Source Extensions exist, this attaches hls.js to every `video[data-hls-src]`. The
 * playlist is not fetched before the reader presses play (the element says preload="none").
 */
import Hls from 'hls.js';

const nativeHls = (video: HTMLVideoElement) => video.canPlayType('application/vnd.apple.mpegurl') !== '';

function enhance(video: HTMLVideoElement): void {
  const src = video.dataset.hlsSrc;
  if (!src || video.dataset.enhanced || nativeHls(video) || !Hls.isSupported()) return;
  video.dataset.enhanced = 'hls.js';
  // No blob: worker: the page's Content-Security-Policy admits none.
  const hls = new Hls({ enableWorker: false, autoStartLoad: true });
  hls.attachMedia(video);
  let loaded = false;
  const load = () => {
    if (loaded) return;
    loaded = true;
    hls.loadSource(src);
  };
  video.addEventListener('play', load);
  if (video.preload !== 'none') load();
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (!data.fatal) return;
    if (data.type === Hls.ErrorTypes.NETWORK_ERROR) hls.startLoad();
    else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
    else {
      hls.destroy();
      video.dataset.enhanced = 'failed';
    }
  });
}

function enhanceAll(): void {
  for (const video of document.querySelectorAll<HTMLVideoElement>('video[data-hls-src]')) enhance(video);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhanceAll, { once: true });
else enhanceAll();
