/**
 * Audio only: which mode to start in, remembering the reader's choice, the `?audio=1` link,
 * finding the audio stream, and the compact audio bar that replaces the picture.
 *
 * The audio stream is the channel's separate audio-only HLS stream (`data-audio`). Many
 * players fail on an audio-only variant inside a video master playlist, so such a variant (or
 * the master's alternative audio rendition) is used only when no audio stream is configured.
 */
import { el } from '../shared/dom.js';
import { audioFallback, parseMaster, videoBitrates } from './playlist.js';
import type { MasterPlaylist } from './playlist.js';

export type Mode = 'audio' | 'video';

const MODE_KEY = 'newsdesk:live:mode';
const VIDEO_BITRATE_KEY = 'newsdesk:live:video-bps:';

/** localStorage, or null where it is switched off or full (private modes, storage quotas). */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function read(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    storage()?.setItem(key, value);
  } catch {
    // Not remembered: the player still works.
  }
}

/**
 * The mode to start in: the server's `data-start` (from `?audio=1`, or a story that wants
 * one), the page URL's own `audio` query, then the reader's remembered choice, then video.
 */
export function initialMode(start: string | undefined): Mode {
  if (start === 'audio' || start === 'video') return start;
  const query = new URLSearchParams(window.location.search).get('audio');
  if (query === '1') return 'audio';
  if (query === '0') return 'video';
  return read(MODE_KEY) === 'audio' ? 'audio' : 'video';
}

/** Remembers an explicit choice and mirrors it in the address (`?audio=1`) without a reload. */
export function rememberMode(mode: Mode): void {
  write(MODE_KEY, mode);
  try {
    const url = new URL(window.location.href);
    if (mode === 'audio') url.searchParams.set('audio', '1');
    else url.searchParams.delete('audio');
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
  } catch {
    // Sandboxed documents may refuse replaceState; the choice is still remembered.
  }
}

/** The last known bitrate of the video this reader watched on this stream, bits per second. */
export function rememberedVideoBitrate(master: string): number | null {
  const value = Number(read(VIDEO_BITRATE_KEY + master));
  return value > 0 ? value : null;
}

export function rememberVideoBitrate(master: string, bitsPerSecond: number): void {
  write(VIDEO_BITRATE_KEY + master, String(Math.round(bitsPerSecond)));
}

/**
 * The stream URLs of one player, and what the master playlist says when the player needs to
 * know (a fallback audio stream, the bitrate of video not yet watched). The master is fetched
 * at most once, and only then.
 */
export class Streams {
  readonly master: string;
  /** The channel's own audio-only stream (data-audio), if it has one. */
  readonly configuredAudio: string | null;
  private masterPlaylist: Promise<MasterPlaylist | null> | null = null;

  constructor(master: string, audio: string) {
    this.master = new URL(master, document.baseURI).href;
    this.configuredAudio = audio ? new URL(audio, document.baseURI).href : null;
  }

  private inspectMaster(): Promise<MasterPlaylist | null> {
    this.masterPlaylist ??= fetchText(this.master).then((text) => {
      // A media playlist in data-master (a single rendition) parses to no variants at all.
      const parsed = text !== null && text.trimStart().startsWith('#EXTM3U') ? parseMaster(text, this.master) : null;
      // Unreachable now: the next call asks again.
      if (!parsed) this.masterPlaylist = null;
      return parsed;
    });
    return this.masterPlaylist;
  }

  /**
   * The audio-only stream to play, or null when this channel has none. Throws
   * StreamUnreachable when finding the fallback needs the master playlist and it does not
   * answer (the player treats that as an outage and retries).
   */
  async audioUrl(): Promise<string | null> {
    if (this.configuredAudio) return this.configuredAudio;
    const master = await this.inspectMaster();
    if (!master) throw new StreamUnreachable(this.master);
    return audioFallback(master);
  }

  /** The lightest video rendition's BANDWIDTH, from the master playlist. */
  async lightestVideoBitrate(): Promise<number | null> {
    const master = await this.inspectMaster();
    return master ? (videoBitrates(master)[0] ?? null) : null;
  }
}

/** The master playlist could not be read (network error, or not a master playlist). */
export class StreamUnreachable extends Error {
  constructor(url: string) {
    super(`cannot read ${url}`);
    this.name = 'StreamUnreachable';
  }
}

async function fetchText(url: string): Promise<string | null> {
  try {
    const response = await fetch(url, { credentials: 'omit', cache: 'no-cache' });
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

export interface AudioBar {
  element: HTMLElement;
  /** Where the bandwidth saved is written. */
  saving: HTMLElement;
}

/** The compact bar shown instead of the picture: artwork, programme, channel, data saved. */
export function createAudioBar(info: { title: string; channel: string; artwork: string }): AudioBar {
  const saving = el('p', { class: 'player-saving' });
  const text = el('div', { class: 'player-audio-text' }, [
    el('p', { class: 'player-audio-title', text: info.title }),
    el('p', { class: 'player-audio-channel', text: info.channel }),
    saving,
  ]);
  const children: Node[] = [];
  if (info.artwork) {
    // Decorative here: the programme's title sits right next to it.
    const artwork = el('img', { class: 'player-artwork', attrs: { src: info.artwork, alt: '', width: '96', height: '96', decoding: 'async' } });
    children.push(artwork);
  }
  children.push(text);
  const element = el('div', { class: 'player-audio-bar', attrs: { hidden: '' } }, children);
  return { element, saving };
}
