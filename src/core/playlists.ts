/**
 * What a channel's stream URL answered, judged as HLS (RFC 8216): a master playlist lists
 * renditions (`#EXT-X-STREAM-INF` with BANDWIDTH and RESOLUTION), a media playlist lists
 * segments. The fetching is the service's (services/live.ts); the judging is here, pure.
 */

export interface Rendition {
  /** Peak bits per second. */
  bandwidth: number;
  width: number | null;
  height: number | null;
  codecs: string | null;
}

export type ParsedPlaylist = { kind: 'master'; renditions: Rendition[] } | { kind: 'media' } | { kind: 'empty' };

/** The result of one check, as stored with the channel and shown in the newsroom. */
export interface PlaylistCheck {
  /** Which URL: the master (video) or the audio-only stream. */
  role: 'master' | 'audio';
  url: string;
  /** False: flagged (a warning; the channel is saved anyway). */
  ok: boolean;
  message: string;
  renditions: Rendition[];
}

/** The attributes of a tag's attribute list: `BANDWIDTH=1280000,CODECS="avc1,mp4a"`. */
export function attributeList(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([A-Z0-9-]+)=("[^"]*"|[^,]*)/g)) {
    const value = m[2] ?? '';
    out.set(m[1] ?? '', value.startsWith('"') ? value.slice(1, -1) : value);
  }
  return out;
}

/** True when the text is an HLS playlist: its first line is #EXTM3U (a BOM is tolerated). */
export const isHlsText = (text: string): boolean => /^\uFEFF?#EXTM3U[ \t]*(\r?\n|$)/.test(text);

export function parsePlaylist(text: string): ParsedPlaylist {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const renditions: Rendition[] = [];
  let segments = 0;
  for (const line of lines) {
    if (line.startsWith('#EXT-X-STREAM-INF:')) {
      const attrs = attributeList(line.slice('#EXT-X-STREAM-INF:'.length));
      const resolution = /^(\d+)x(\d+)$/.exec(attrs.get('RESOLUTION') ?? '');
      renditions.push({
        bandwidth: Number(attrs.get('BANDWIDTH') ?? 0) || 0,
        width: resolution ? Number(resolution[1]) : null,
        height: resolution ? Number(resolution[2]) : null,
        codecs: attrs.get('CODECS') ?? null,
      });
    } else if (line.startsWith('#EXTINF:')) {
      segments++;
    }
  }
  if (renditions.length > 0) return { kind: 'master', renditions };
  return segments > 0 || lines.some((l) => l.startsWith('#EXT-X-TARGETDURATION')) ? { kind: 'media' } : { kind: 'empty' };
}

/** '2.5 Mb/s', '800 kb/s'. */
export function formatBitrate(bps: number): string {
  if (bps >= 1_000_000) return `${Number((bps / 1_000_000).toFixed(1))} Mb/s`;
  return `${Math.round(bps / 1000)} kb/s`;
}

const describeRendition = (r: Rendition): string => (r.width && r.height ? `${r.width}×${r.height} at ${formatBitrate(r.bandwidth)}` : `audio at ${formatBitrate(r.bandwidth)}`);

/** What a URL answered (status and the start of the body), judged for its role. */
export function judgePlaylist(role: PlaylistCheck['role'], url: string, answer: { status: number; body: string }): PlaylistCheck {
  const base = { role, url };
  if (answer.status < 200 || answer.status > 299) return { ...base, ok: false, message: `not an HLS playlist: the server answered HTTP ${answer.status}`, renditions: [] };
  if (!isHlsText(answer.body)) {
    const looksHtml = /^\s*(<!doctype html|<html)/i.test(answer.body);
    return { ...base, ok: false, message: `not an HLS playlist: the answer does not start with #EXTM3U${looksHtml ? ' (it is an HTML page)' : ''}`, renditions: [] };
  }
  const parsed = parsePlaylist(answer.body);
  if (parsed.kind === 'empty') return { ...base, ok: false, message: 'an HLS playlist with neither renditions nor segments', renditions: [] };
  if (parsed.kind === 'media') {
    const message = role === 'master' ? 'a media playlist (one rendition): it plays, but a master playlist lets players adapt to the connection' : 'audio playlist (one rendition)';
    return { ...base, ok: true, message, renditions: [] };
  }
  const sorted = [...parsed.renditions].sort((a, b) => b.bandwidth - a.bandwidth);
  const n = sorted.length;
  const what = `${role === 'master' ? 'master playlist' : 'audio playlist'} with ${n} ${n === 1 ? 'rendition' : 'renditions'}`;
  return { ...base, ok: true, message: `${what}: ${sorted.map(describeRendition).join(', ')}`, renditions: sorted };
}

/** When the URL could not be read at all. */
export function unanswered(role: PlaylistCheck['role'], url: string, reason: string): PlaylistCheck {
  return { role, url, ok: false, message: `did not answer (${reason})`, renditions: [] };
}

/** schema.org videoFormat from the best rendition: HD from 720 lines up. */
export function videoFormat(renditions: readonly Rendition[]): 'HD' | 'SD' | undefined {
  const tallest = Math.max(0, ...renditions.map((r) => r.height ?? 0));
  if (tallest === 0) return undefined;
  return tallest >= 720 ? 'HD' : 'SD';
}
