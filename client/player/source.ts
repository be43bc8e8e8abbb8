/**
 * Where the media comes from: hls.js (Media Source Extensions) when the browser has them,
 * else the browser's own HLS (Safari, iOS), else nothing (the player says so and links to the
 * stream). A Pipeline is one stream on one media element; switching stream or recovering
 * from an outage destroys it and makes a new one, so nothing of the old stream keeps loading.
 */
import Hls, { PlaylistLevelType } from 'hls.js';
import type { ErrorData, FragLoadedData, HlsConfig, LoaderConfig } from 'hls.js';

export type Engine = 'hls' | 'native';

export interface PipelineEvents {
  /** The playlist answered and playback can start. */
  onReady(): void;
  /** The stream cannot go on (network or decoding); the player retries with a new pipeline. */
  onFatal(reason: string): void;
  /** How many subtitle tracks the stream carries (video only). */
  onSubtitles(count: number): void;
  /** A media segment arrived: its size and duration, for the bitrate figure. */
  onSegment(bytes: number, seconds: number): void;
  /** The bitrate (BANDWIDTH) of the rendition now playing changed. */
  onLevelBitrate(bitsPerSecond: number): void;
}

export interface Pipeline {
  readonly engine: Engine;
  setCaptions(on: boolean): void;
  destroy(): void;
}

const canPlayNativeHls = (media: HTMLMediaElement) => media.canPlayType('application/vnd.apple.mpegurl') !== '' || media.canPlayType('audio/mpegurl') !== '';

/** hls.js first (it also carries WebVTT subtitles), native HLS second, else null. */
export function detectEngine(media: HTMLMediaElement): Engine | null {
  if (Hls.isSupported()) return 'hls';
  if (canPlayNativeHls(media)) return 'native';
  return null;
}

/**
 * Short retries inside hls.js: a stream that is really down should reach the player's own
 * backoff (recovery.ts) within seconds, not after hls.js's default 20-second waits.
 */
function policy(errorRetries: number): { default: LoaderConfig } {
  return {
    default: {
      maxTimeToFirstByteMs: 8_000,
      maxLoadTimeMs: 15_000,
      timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 },
      errorRetry: { maxNumRetry: errorRetries, retryDelayMs: 1_000, maxRetryDelayMs: 4_000 },
    },
  };
}

const HLS_CONFIG: Partial<HlsConfig> = {
  // No Blob worker: the site's Content-Security-Policy allows scripts from 'self' only, and
  // the ESM build of hls.js would need a served worker file. Transmuxing stays on the page.
  enableWorker: false,
  lowLatencyMode: false,
  // A live player needs little history: keep memory low on phones and TVs.
  backBufferLength: 30,
  maxBufferLength: 20,
  manifestLoadPolicy: policy(1),
  playlistLoadPolicy: policy(2),
  renderTextTracksNatively: true,
};

class HlsPipeline implements Pipeline {
  readonly engine = 'hls';
  private readonly hls: Hls;
  private mediaRecoveries = 0;
  private destroyed = false;

  constructor(media: HTMLMediaElement, url: string, events: PipelineEvents, captions: boolean) {
    const hls = new Hls(HLS_CONFIG);
    this.hls = hls;
    // Captions stay off (and unloaded) until the reader turns them on, whatever the
    // playlist's DEFAULT=YES says.
    hls.subtitleDisplay = captions;
    hls.on(Hls.Events.MANIFEST_PARSED, (_event, data) => {
      const level = data.levels[data.firstLevel];
      if (level && level.bitrate > 0) events.onLevelBitrate(level.bitrate);
      events.onReady();
    });
    hls.on(Hls.Events.LEVEL_SWITCHED, (_event, data) => {
      const level = hls.levels[data.level];
      if (level && level.bitrate > 0) events.onLevelBitrate(level.bitrate);
    });
    hls.on(Hls.Events.SUBTITLE_TRACKS_UPDATED, (_event, data) => {
      events.onSubtitles(data.subtitleTracks.length);
      this.setCaptions(captions);
    });
    hls.on(Hls.Events.FRAG_LOADED, (_event, data: FragLoadedData) => {
      if (data.frag.type === PlaylistLevelType.MAIN) events.onSegment(data.payload.byteLength, data.frag.duration);
    });
    hls.on(Hls.Events.FRAG_PARSED, () => {
      // Decoding works again: a later media error gets a fresh recovery attempt.
      this.mediaRecoveries = 0;
    });
    hls.on(Hls.Events.ERROR, (_event, data: ErrorData) => {
      if (!data.fatal || this.destroyed) return;
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR && this.mediaRecoveries < 1) {
        // hls.js's documented first answer to a decoding error: reset the media pipeline.
        this.mediaRecoveries++;
        hls.recoverMediaError();
        return;
      }
      events.onFatal(`${data.type}: ${data.details}`);
    });
    hls.loadSource(url);
    hls.attachMedia(media);
  }

  setCaptions(on: boolean): void {
    if (this.destroyed) return;
    const tracks = this.hls.subtitleTracks;
    if (tracks.length === 0) return;
    if (on) {
      const preferred = Math.max(0, tracks.findIndex((t) => t.default));
      this.hls.subtitleTrack = preferred;
      this.hls.subtitleDisplay = true;
    } else {
      this.hls.subtitleDisplay = false;
      this.hls.subtitleTrack = -1;
    }
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    // Aborts every request in flight and detaches the media element (its src is removed).
    this.hls.destroy();
  }
}

const isTextTrackForReaders = (track: TextTrack) => track.kind === 'subtitles' || track.kind === 'captions';

class NativePipeline implements Pipeline {
  readonly engine = 'native';
  private readonly controller = new AbortController();
  private captions: boolean;

  constructor(
    private readonly media: HTMLMediaElement,
    url: string,
    events: PipelineEvents,
    captions: boolean,
  ) {
    this.captions = captions;
    const { signal } = this.controller;
    media.addEventListener('error', () => events.onFatal(`media error ${media.error?.code ?? 0}`), { signal });
    const tracksChanged = () => {
      events.onSubtitles(this.tracks().length);
      this.setCaptions(this.captions);
    };
    media.textTracks.addEventListener('addtrack', tracksChanged, { signal });
    media.textTracks.addEventListener('removetrack', tracksChanged, { signal });
    media.src = url;
    media.load();
    // With preload="none" Safari loads nothing until play(): ready at once, so the player
    // calls play() now, still inside the reader's click.
    events.onReady();
  }

  private tracks(): TextTrack[] {
    return Array.from(this.media.textTracks).filter(isTextTrackForReaders);
  }

  setCaptions(on: boolean): void {
    this.captions = on;
    const tracks = this.tracks();
    tracks.forEach((track, index) => {
      track.mode = on && index === 0 ? 'showing' : 'disabled';
    });
  }

  destroy(): void {
    this.controller.abort();
    // Removing the source and loading stops every request the element had in flight.
    this.media.removeAttribute('src');
    this.media.load();
  }
}

/** Starts `url` on `media` with the given engine. */
export function createPipeline(engine: Engine, media: HTMLMediaElement, url: string, events: PipelineEvents, captions: boolean): Pipeline {
  return engine === 'hls' ? new HlsPipeline(media, url, events, captions) : new NativePipeline(media, url, events, captions);
}
