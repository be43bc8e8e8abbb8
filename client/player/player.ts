/**
 * One live player: the server-rendered `[data-live-player]` element (docs/live-player.md)
 * turned into a player with its own controls, audio-only mode, captions, Media Session and
 * recovery from outages.
 *
 * State in one sentence: the reader either wants the stream playing or not (`wantPlaying`);
 * while they do, a Pipeline (source.ts) feeds the media element of the current mode (a
 * <video>, or an <audio> in audio-only mode), and any failure tears it down, says so, and
 * builds a fresh one after a backoff delay, until the stream plays again.
 */
import { el } from '../shared/dom.js';
import { StreamUnreachable, Streams, createAudioBar, initialMode, rememberMode, rememberVideoBitrate, rememberedVideoBitrate } from './audio-mode.js';
import type { AudioBar, Mode } from './audio-mode.js';
import { BitrateMeter, savingText } from './bandwidth.js';
import { Controls, shortcutFor } from './controls.js';
import type { Action } from './controls.js';
import { claimMediaSession, setSessionState } from './media-session.js';
import { fill, resolveMessages } from './messages.js';
import type { PlayerMessages } from './messages.js';
import { Backoff, StallWatchdog } from './recovery.js';
import { createPipeline, detectEngine } from './source.js';
import type { Engine, Pipeline } from './source.js';

/** A paused live stream stops downloading after this long; Play then rejoins the live edge. */
const PAUSE_RELEASE_MS = 10_000;
/** How long "The live stream is back." stays before the status line clears. */
const RECOVERED_MESSAGE_MS = 4_000;
/** How long a passing notice (no audio-only stream here) stays. */
const NOTICE_MS = 8_000;
/** Playing this long without a failure brings the retry delays back to their first step. */
const STABLE_MS = 15_000;
const VOLUME_STEP = 0.1;
const CAPTIONS_KEY = 'newsdesk:live:captions';

/** iOS Safari's own full screen for <video>. */
interface WebkitVideo extends HTMLVideoElement {
  webkitEnterFullscreen?: () => void;
}

let nextId = 0;

/** The document's language if Intl knows it, else English. */
function documentLanguage(): string {
  const lang = document.documentElement.lang || 'en';
  try {
    return Intl.NumberFormat.supportedLocalesOf([lang]).length > 0 ? lang : 'en';
  } catch {
    return 'en';
  }
}

function readFlag(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function writeFlag(key: string, on: boolean): void {
  try {
    window.localStorage.setItem(key, on ? '1' : '0');
  } catch {
    // Not remembered.
  }
}

/** Some browsers (iOS) ignore a page's volume: the slider would do nothing there. */
function volumeAdjustable(): boolean {
  const probe = document.createElement('audio');
  probe.volume = 0.5;
  return probe.volume === 0.5;
}

export class LivePlayer {
  private readonly messages: PlayerMessages;
  private readonly lang = documentLanguage();
  private readonly info: { title: string; channel: string; artwork: string };
  private readonly video: WebkitVideo;
  private readonly audio: HTMLAudioElement;
  private readonly streams: Streams;
  private readonly engine: Engine | null;
  private readonly controls: Controls;
  private readonly status: HTMLElement;
  private readonly audioBar: AudioBar;
  private readonly backoff = new Backoff();
  private readonly watchdog: StallWatchdog;
  private readonly audioMeter = new BitrateMeter();

  private mode: Mode;
  private pipeline: Pipeline | null = null;
  /** Bumped whenever a pipeline is started or torn down: late callbacks of an old one are ignored. */
  private generation = 0;
  private wantPlaying = false;
  /** In an outage: the message is up and a retry is scheduled or running. */
  private failing = false;
  private retryTimer: number | undefined;
  private pauseTimer: number | undefined;
  private statusTimer: number | undefined;
  private stableTimer: number | undefined;
  private captionsOn = readFlag(CAPTIONS_KEY);
  private subtitleCount = 0;
  private videoBps: number | null = null;
  private audioLevelBps: number | null = null;
  private sessionClaimed = false;

  constructor(private readonly root: HTMLElement) {
    const data = root.dataset;
    this.messages = resolveMessages(data.messages);
    const existing = root.querySelector('video');
    this.video = existing ?? el('video', { class: 'live-video', attrs: { playsinline: '', preload: 'none' } });
    this.video.removeAttribute('controls');
    this.video.preload = 'none';
    this.info = { title: data.title ?? '', channel: data.channel ?? '', artwork: data.artwork || this.video.getAttribute('poster') || '' };
    this.streams = new Streams(data.master ?? '', data.audio ?? '');
    this.engine = data.master ? detectEngine(this.video) : null;

    this.audio = el('audio', { class: 'live-audio', attrs: { preload: 'none' } });
    this.audioBar = createAudioBar(this.info);
    this.status = el('div', { class: 'player-status', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } });
    this.controls = new Controls(this.messages, {
      action: (action) => this.perform(action),
      volume: (value) => this.setVolume(value),
    });
    this.watchdog = new StallWatchdog(
      () => this.media(),
      () => this.wantPlaying && this.pipeline !== null && !this.media().paused,
      () => this.fail('stalled'),
    );
    this.mode = initialMode(data.start);
    this.render();
  }

  private media(): HTMLMediaElement {
    return this.mode === 'audio' ? this.audio : this.video;
  }

  // ---- building ----

  private render(): void {
    const root = this.root;
    const helpId = `live-player-help-${++nextId}`;
    root.setAttribute('role', 'region');
    root.setAttribute('aria-label', fill(this.messages.player, { channel: this.info.channel }).replace(/:\s*$/, ''));
    // Focusable by a click on the picture (so the shortcuts work), not a tab stop of its own:
    // Tab goes to the controls, and the shortcuts work there too.
    root.tabIndex = -1;

    // The server's <video> (with its poster) moves into the stage; the no-script text goes.
    const stage = el('div', { class: 'player-stage' }, [this.video, this.audioBar.element]);
    const help = el('p', { class: 'visually-hidden', text: this.messages.keyboardHelp, attrs: { id: helpId } });

    if (!this.engine) {
      const link = el('a', { text: this.messages.openStream, attrs: { href: this.streams.master } });
      root.replaceChildren(stage, el('p', { class: 'player-unsupported' }, [`${this.messages.unsupported} `, link]));
      root.dataset.enhanced = 'unsupported';
      return;
    }

    root.replaceChildren(stage, this.audio, this.controls.element, this.status, help);
    root.setAttribute('aria-describedby', helpId);
    this.controls.setVolumeAdjustable(volumeAdjustable());
    this.bindMedia(this.video);
    this.bindMedia(this.audio);
    this.video.addEventListener('click', () => this.togglePlay());
    root.addEventListener('keydown', (event) => {
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      this.perform(action);
    });
    document.addEventListener('fullscreenchange', () => this.syncFullscreen());
    this.applyMode();
    this.syncSound();
    root.dataset.enhanced = 'true';
    root.dataset.state = 'idle';
  }

  private bindMedia(media: HTMLMediaElement): void {
    // The play button shows the reader's intent (wantPlaying), not the element's state: during
    // an outage the element is emptied, but the player is still trying to play.
    const current = () => media === this.media();
    media.addEventListener('playing', () => current() && this.onPlaying());
    media.addEventListener('pause', () => current() && this.onMediaPause(media));
    // A live stream does not end: an encoder that stopped cleanly (#EXT-X-ENDLIST) is an outage.
    media.addEventListener('ended', () => current() && this.wantPlaying && this.fail('ended'));
    media.addEventListener('volumechange', () => current() && this.syncSound());
  }

  // ---- actions ----

  private perform(action: Action): void {
    switch (action) {
      case 'playPause':
        return this.togglePlay();
      case 'mute':
        return this.setMuted(!this.media().muted);
      case 'volumeUp':
        return this.setVolume(this.media().volume + VOLUME_STEP);
      case 'volumeDown':
        return this.setVolume(this.media().volume - VOLUME_STEP);
      case 'captions':
        return this.toggleCaptions();
      case 'audio':
        return void this.setMode(this.mode === 'audio' ? 'video' : 'audio');
      case 'fullscreen':
        return this.toggleFullscreen();
    }
  }

  private togglePlay(): void {
    if (this.wantPlaying) this.pause();
    else this.play();
  }

  play(): void {
    this.wantPlaying = true;
    window.clearTimeout(this.pauseTimer);
    this.controls.setPlaying(true);
    this.root.dataset.state = 'playing';
    setSessionState('playing');
    if (this.failing) {
      // In an outage the reader's Play means "try now".
      window.clearTimeout(this.retryTimer);
      this.start();
      return;
    }
    if (!this.pipeline) {
      this.start();
      return;
    }
    this.startMedia();
  }

  pause(): void {
    this.wantPlaying = false;
    this.media().pause();
    this.controls.setPlaying(false);
    this.root.dataset.state = 'paused';
    setSessionState('paused');
    if (this.failing) {
      // No more retries for a reader who stopped listening; Play tries again.
      this.failing = false;
      window.clearTimeout(this.retryTimer);
      this.teardown();
      this.setStatus('');
    }
    window.clearTimeout(this.pauseTimer);
    this.pauseTimer = window.setTimeout(() => {
      if (!this.wantPlaying) this.teardown();
    }, PAUSE_RELEASE_MS);
  }

  /** The lock screen's Stop: pause and let go of the stream at once. */
  stop(): void {
    this.pause();
    window.clearTimeout(this.pauseTimer);
    this.teardown();
    setSessionState('none');
  }

  private startMedia(): void {
    const media = this.media();
    // Already playing, or play() pending until the first segment arrives.
    if (!media.paused) return;
    media.play().catch((error: unknown) => {
      if (error instanceof DOMException && error.name === 'NotAllowedError') {
        // Autoplay rules: the browser wants a click first.
        this.wantPlaying = false;
        this.controls.setPlaying(false);
        this.root.dataset.state = 'paused';
        this.setStatus(this.messages.pressPlay);
      }
      // AbortError: the source changed under play() (a mode switch, a retry): nothing to do.
    });
  }

  private setMuted(muted: boolean): void {
    for (const media of [this.video, this.audio]) media.muted = muted;
    if (!muted && this.media().volume === 0) this.setVolume(0.5);
    this.syncSound();
  }

  private setVolume(value: number): void {
    const volume = Math.min(1, Math.max(0, Math.round(value * 100) / 100));
    for (const media of [this.video, this.audio]) {
      media.volume = volume;
      if (volume > 0) media.muted = false;
    }
    this.syncSound();
  }

  private syncSound(): void {
    const media = this.media();
    this.controls.setSound(media.muted, media.volume);
  }

  private toggleCaptions(): void {
    if (this.mode !== 'video' || this.subtitleCount === 0) return;
    this.captionsOn = !this.captionsOn;
    writeFlag(CAPTIONS_KEY, this.captionsOn);
    this.pipeline?.setCaptions(this.captionsOn);
    this.controls.setCaptionsAvailable(true, this.captionsOn);
  }

  private fullscreenAvailable(): boolean {
    return this.mode === 'video' && (document.fullscreenEnabled || typeof this.video.webkitEnterFullscreen === 'function');
  }

  private toggleFullscreen(): void {
    if (!this.fullscreenAvailable()) return;
    if (document.fullscreenElement) {
      void document.exitFullscreen().catch(() => undefined);
    } else if (document.fullscreenEnabled) {
      // The whole player, so the controls and captions come along.
      void this.root.requestFullscreen().catch(() => undefined);
    } else {
      this.video.webkitEnterFullscreen?.();
    }
  }

  private syncFullscreen(): void {
    this.controls.setFullscreen(this.fullscreenAvailable(), document.fullscreenElement === this.root);
  }

  // ---- audio only ----

  /** Switches between the video stream and the audio-only stream. */
  async setMode(mode: Mode, remember = true): Promise<void> {
    if (mode === this.mode) return;
    if (mode === 'audio' && !this.streams.configuredAudio) {
      // Inside the click, before waiting: iOS lets an element play later only if it was
      // started by the reader's gesture once (the promise fails when the source is set).
      if (this.wantPlaying) this.audio.play().catch(() => undefined);
      // Only a look at the master playlist tells whether an audio-only stream exists.
      const url = await this.streams.audioUrl().catch((error: unknown) => (error instanceof StreamUnreachable ? undefined : null));
      if (url === null) {
        this.audio.pause();
        this.setStatus(this.messages.audioNotAvailable, NOTICE_MS);
        this.controls.setAudio(false);
        return;
      }
    }
    const resume = this.wantPlaying;
    this.teardown();
    this.media().pause();
    if (this.failing) {
      this.failing = false;
      window.clearTimeout(this.retryTimer);
      this.setStatus('');
    }
    if (mode === 'audio' && document.fullscreenElement === this.root) void document.exitFullscreen().catch(() => undefined);
    const { muted, volume } = this.media();
    this.mode = mode;
    for (const media of [this.video, this.audio]) {
      media.muted = muted;
      media.volume = volume;
    }
    if (remember) rememberMode(mode);
    this.applyMode();
    if (resume) {
      this.wantPlaying = true;
      this.start();
    }
  }

  private applyMode(): void {
    const audio = this.mode === 'audio';
    this.root.dataset.mode = this.mode;
    this.video.hidden = audio;
    this.audioBar.element.hidden = !audio;
    this.controls.setAudio(audio);
    this.subtitleCount = 0;
    this.controls.setCaptionsAvailable(false, this.captionsOn);
    this.syncFullscreen();
    this.syncSound();
    this.audioMeter.reset();
    this.audioLevelBps = null;
    this.audioBar.saving.textContent = '';
    if (audio) void this.updateSaving();
  }

  /** Writes the bandwidth saved, once both figures are known. */
  private async updateSaving(): Promise<void> {
    if (this.mode !== 'audio') return;
    const audioBps = this.audioLevelBps ?? this.audioMeter.bitsPerSecond;
    if (audioBps === null) return;
    this.videoBps ??= rememberedVideoBitrate(this.streams.master) ?? (await this.streams.lightestVideoBitrate());
    if (this.mode !== 'audio') return;
    const text = savingText(audioBps, this.videoBps, this.lang, this.messages) ?? '';
    if (this.audioBar.saving.textContent !== text) this.audioBar.saving.textContent = text;
  }

  // ---- the stream ----

  /**
   * Starts (or restarts) the current mode's stream on its media element. Synchronous when
   * the URL is known (video, or a configured audio stream), so that play() still runs inside
   * the reader's click: iOS plays nothing that does not start there.
   */
  private start(): void {
    this.teardown();
    const generation = this.generation;
    if (!this.engine) return;
    if (!this.failing) this.setStatus(this.messages.connecting);
    const known = this.mode === 'audio' ? this.streams.configuredAudio : this.streams.master;
    if (known) {
      this.open(known, generation);
      return;
    }
    // No audio stream configured: the fallback needs a look at the master playlist first.
    this.streams.audioUrl().then(
      async (url) => {
        if (generation !== this.generation || !this.wantPlaying) return;
        if (url !== null) {
          this.open(url, generation);
          return;
        }
        // Audio only was remembered, but this channel has no audio-only stream: play the video.
        await this.setMode('video', false);
        this.setStatus(this.messages.audioNotAvailable, NOTICE_MS);
      },
      () => {
        if (generation === this.generation) this.fail('master playlist unreachable');
      },
    );
  }

  /** A new pipeline for `url` on the current mode's media element. */
  private open(url: string, generation: number): void {
    const engine = this.engine;
    if (!engine) return;
    const mode = this.mode;
    const current = () => generation === this.generation;
    this.pipeline = createPipeline(
      engine,
      this.media(),
      url,
      {
        onReady: () => current() && this.wantPlaying && this.startMedia(),
        onFatal: (reason) => current() && this.fail(reason),
        onSubtitles: (count) => {
          if (!current() || mode !== 'video') return;
          this.subtitleCount = count;
          this.controls.setCaptionsAvailable(count > 0, this.captionsOn);
        },
        onSegment: (bytes, seconds) => {
          if (!current() || mode !== 'audio') return;
          this.audioMeter.add(bytes, seconds);
          void this.updateSaving();
        },
        onLevelBitrate: (bps) => {
          if (!current()) return;
          if (mode === 'video') {
            this.videoBps = bps;
            rememberVideoBitrate(this.streams.master, bps);
          } else {
            this.audioLevelBps = bps;
            void this.updateSaving();
          }
        },
      },
      mode === 'video' && this.captionsOn,
    );
    this.watchdog.start();
    // At once, not only when the playlist is parsed: this may still be the reader's click.
    if (this.wantPlaying) this.startMedia();
  }

  /** Stops the pipeline: every request of the old stream is aborted. */
  private teardown(): void {
    this.generation++;
    this.watchdog.stop();
    this.pipeline?.destroy();
    this.pipeline = null;
  }

  private onPlaying(): void {
    this.root.dataset.state = 'playing';
    window.clearTimeout(this.stableTimer);
    // Reset only after a while: a stream that fails again at once keeps backing off.
    this.stableTimer = window.setTimeout(() => this.backoff.reset(), STABLE_MS);
    if (this.failing) {
      this.failing = false;
      delete this.root.dataset.failure;
      this.setStatus(this.messages.recovered, RECOVERED_MESSAGE_MS);
    } else if (this.status.textContent === this.messages.connecting || this.status.textContent === this.messages.pressPlay) {
      this.setStatus('');
    }
    if (!this.sessionClaimed) {
      this.sessionClaimed = true;
      claimMediaSession(this.info, { play: () => this.play(), pause: () => this.pause(), stop: () => this.stop() });
    }
    setSessionState('playing');
  }

  /**
   * A pause the player did not ask for: the system took the audio (a call, another app) or a
   * headset button. The element still holds data then; pauses from emptying or replacing
   * the source (teardown, recovery, a new pipeline) come with readyState HAVE_NOTHING.
   */
  private onMediaPause(media: HTMLMediaElement): void {
    if (!this.wantPlaying || this.pipeline === null || media.ended || media.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
    this.pause();
  }

  /** The stream failed: say so, and try again after the next backoff delay. */
  private fail(reason: string): void {
    window.clearTimeout(this.stableTimer);
    this.teardown();
    if (!this.wantPlaying) return;
    this.failing = true;
    this.root.dataset.state = 'unavailable';
    this.root.dataset.failure = reason;
    const delay = this.backoff.next();
    this.setStatus(fill(this.messages.unavailable, { seconds: Math.max(1, Math.round(delay / 1000)) }));
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => {
      if (this.wantPlaying && this.failing) this.start();
    }, delay);
  }

  /** The one polite status line; `clearAfterMs` empties it again later. */
  private setStatus(text: string, clearAfterMs?: number): void {
    window.clearTimeout(this.statusTimer);
    if (this.status.textContent !== text) this.status.textContent = text;
    if (clearAfterMs !== undefined) {
      this.statusTimer = window.setTimeout(() => {
        if (this.status.textContent === text) this.status.textContent = '';
      }, clearAfterMs);
    }
  }
}
