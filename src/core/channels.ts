/** Live TV channels and programmes as the domain sees them (the schedule is core/schedule.ts). */
import type { Language } from './articles.js';
import type { PlaylistCheck } from './playlists.js';

export type PlaylistStatus = 'ok' | 'flagged' | 'unchecked';

export interface Channel {
  id: number;
  slug: string;
  name: string;
  /** The language edition it belongs to. */
  language: Language;
  /** HLS master playlist. */
  masterUrl: string;
  /** An audio-only HLS stream, if the channel has one. */
  audioUrl: string | null;
  posterMediaId: number | null;
  /** IANA zone of the schedule's wall-clock times. */
  timeZone: string;
  description: string;
  /** Order within its language: the first is the edition's primary channel (/live). */
  position: number;
  playlistStatus: PlaylistStatus;
  playlistReport: PlaylistCheck[];
  checkedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Programme {
  id: number;
  channelId: number;
  slug: string;
  title: string;
  description: string;
  artworkMediaId: number | null;
  updatedAt: string;
}

/** The channel of a language edition that /live shows: the first by position, then by id. */
export function primaryChannel<C extends Pick<Channel, 'id' | 'language' | 'position'>>(channels: readonly C[], language: Language): C | undefined {
  return channels.filter((c) => c.language === language).sort((a, b) => a.position - b.position || a.id - b.id)[0];
}

/** The overall status of a set of checks: flagged if any URL was. */
export function statusOf(checks: readonly PlaylistCheck[]): PlaylistStatus {
  if (checks.length === 0) return 'unchecked';
  return checks.every((c) => c.ok) ? 'ok' : 'flagged';
}
