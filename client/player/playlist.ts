/**
 * Just enough of an HLS playlist parser for what the player needs besides hls.js: the
 * variants of a master playlist (bitrate, codecs, whether they carry video) and its
 * alternative audio renditions, to find an audio-only stream when the channel has no separate
 * one configured and to know what the video renditions cost. Pure: no DOM, no network.
 */

export interface Variant {
  /** Absolute URL of the variant's media playlist. */
  url: string;
  /** BANDWIDTH, bits per second. */
  bandwidth: number;
  codecs: string[];
  resolution: string | null;
  /** True when the variant carries no video (audio codecs only, or no codecs and no resolution). */
  audioOnly: boolean;
}

export interface AudioRendition {
  url: string;
  isDefault: boolean;
}

export interface MasterPlaylist {
  variants: Variant[];
  /** EXT-X-MEDIA TYPE=AUDIO renditions that have a playlist of their own (a URI). */
  audioRenditions: AudioRendition[];
}

/** Attribute lists such as `BANDWIDTH=1280000,CODECS="avc1.4d401f,mp4a.40.2"`. */
export function parseAttributes(list: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /([A-Z0-9-]+)=("[^"]*"|[^,]*)/g;
  for (const match of list.matchAll(pattern)) {
    const [, name, raw] = match;
    if (name === undefined || raw === undefined) continue;
    attributes.set(name, raw.startsWith('"') ? raw.slice(1, -1) : raw);
  }
  return attributes;
}

const AUDIO_CODEC = /^(mp4a|ac-3|ec-3|opus|flac|mp3|\.mp3)/i;

function isAudioCodec(codec: string): boolean {
  return AUDIO_CODEC.test(codec.trim());
}

/** Parses a master playlist; `base` resolves relative URIs. */
export function parseMaster(text: string, base: string): MasterPlaylist {
  const variants: Variant[] = [];
  const audioRenditions: AudioRendition[] = [];
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.startsWith('#EXT-X-STREAM-INF:')) {
      const attributes = parseAttributes(line.slice('#EXT-X-STREAM-INF:'.length));
      let uri: string | undefined;
      while (++index < lines.length) {
        const next = lines[index] ?? '';
        if (next !== '' && !next.startsWith('#')) {
          uri = next;
          break;
        }
      }
      if (uri === undefined) break;
      const codecs = (attributes.get('CODECS') ?? '').split(',').map((c) => c.trim()).filter(Boolean);
      const resolution = attributes.get('RESOLUTION') ?? null;
      const audioOnly = codecs.length > 0 ? codecs.every(isAudioCodec) : resolution === null && !attributes.has('VIDEO');
      variants.push({ url: new URL(uri, base).href, bandwidth: Number(attributes.get('BANDWIDTH') ?? 0) || 0, codecs, resolution, audioOnly });
    } else if (line.startsWith('#EXT-X-MEDIA:')) {
      const attributes = parseAttributes(line.slice('#EXT-X-MEDIA:'.length));
      const uri = attributes.get('URI');
      if (attributes.get('TYPE') === 'AUDIO' && uri) audioRenditions.push({ url: new URL(uri, base).href, isDefault: attributes.get('DEFAULT') === 'YES' });
    }
  }
  return { variants, audioRenditions };
}

/**
 * The audio-only stream a master playlist offers, for channels without a separate audio
 * stream: the lightest audio-only variant, else the default alternative audio rendition.
 */
export function audioFallback(master: MasterPlaylist): string | null {
  const audioVariants = master.variants.filter((v) => v.audioOnly).sort((a, b) => a.bandwidth - b.bandwidth);
  if (audioVariants[0]) return audioVariants[0].url;
  const rendition = master.audioRenditions.find((r) => r.isDefault) ?? master.audioRenditions[0];
  return rendition?.url ?? null;
}

/** The bitrates of the video variants, lowest first. */
export function videoBitrates(master: MasterPlaylist): number[] {
  return master.variants.filter((v) => !v.audioOnly && v.bandwidth > 0).map((v) => v.bandwidth).sort((a, b) => a - b);
}
