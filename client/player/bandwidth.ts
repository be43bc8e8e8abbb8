/**
 * "Audio only: about 64 kb/s instead of 1.2 Mb/s (95% less data)". The video figure is the
 * BANDWIDTH of the rendition hls.js was playing (or, when none was played, of the lightest
 * video rendition in the master playlist, so the saving is never overstated); the audio
 * figure is the audio playlist's BANDWIDTH when it is a master playlist, else measured from
 * the bytes and durations of the audio segments loaded so far.
 */
import { fill } from './messages.js';
import type { PlayerMessages } from './messages.js';

/** Averages the bitrate of loaded segments: total bits over total media duration. */
export class BitrateMeter {
  private bytes = 0;
  private seconds = 0;

  add(bytes: number, durationSeconds: number): void {
    if (!(bytes > 0) || !(durationSeconds > 0)) return;
    this.bytes += bytes;
    this.seconds += durationSeconds;
  }

  /** Bits per second, or null before a segment has been measured. */
  get bitsPerSecond(): number | null {
    return this.seconds > 0 ? (this.bytes * 8) / this.seconds : null;
  }

  reset(): void {
    this.bytes = 0;
    this.seconds = 0;
  }
}

/** A bitrate in the reader's language: "64 kb/s", "1.2 Mb/s" ("1,2 Mb/s" in Spanish). */
export function formatBitrate(bitsPerSecond: number, lang: string): string {
  const kilobits = bitsPerSecond / 1000;
  if (kilobits < 1000) {
    return new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilobit-per-second', maximumSignificantDigits: 2 }).format(kilobits);
  }
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'megabit-per-second', maximumFractionDigits: 1 }).format(kilobits / 1000);
}

/** The saving sentence, or null when either figure is unknown or audio is not lighter. */
export function savingText(audioBps: number | null, videoBps: number | null, lang: string, messages: PlayerMessages): string | null {
  if (audioBps === null || videoBps === null || !(audioBps > 0) || !(videoBps > audioBps)) return null;
  // Rounded down, so "95% less" never claims more than was saved.
  const fraction = Math.floor(((videoBps - audioBps) / videoBps) * 100) / 100;
  return fill(messages.saving, {
    audio: formatBitrate(audioBps, lang),
    video: formatBitrate(videoBps, lang),
    percent: new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(fraction),
  });
}
