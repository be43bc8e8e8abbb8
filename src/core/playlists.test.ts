/** Judging what a stream URL answered: master, media, not a playlist. */
import { describe, expect, it } from 'vitest';
import { attributeList, formatBitrate, judgePlaylist, parsePlaylist, unanswered, videoFormat } from './playlists.js';

const MASTER = [
  '#EXTM3U',
  '#EXT-X-VERSION:3',
  '#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2"',
  'low/index.m3u8',
  '#EXT-X-STREAM-INF:BANDWIDTH=2500000,RESOLUTION=1280x720,CODECS="avc1.4d401f,mp4a.40.2"',
  'high/index.m3u8',
  '#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=90000,URI="iframes.m3u8"',
].join('\n');

describe('HLS playlists', () => {
  it('reads attribute lists with quoted commas', () => {
    const attrs = attributeList('BANDWIDTH=800000,CODECS="avc1.4d401e,mp4a.40.2",RESOLUTION=640x360');
    expect(attrs.get('CODECS')).toBe('avc1.4d401e,mp4a.40.2');
    expect(attrs.get('RESOLUTION')).toBe('640x360');
  });

  it('counts a master playlist’s renditions, best first', () => {
    const parsed = parsePlaylist(MASTER);
    expect(parsed.kind).toBe('master');
    const check = judgePlaylist('master', 'https://example.test/live.m3u8', { status: 200, body: MASTER });
    expect(check.ok).toBe(true);
    expect(check.message).toBe('master playlist with 2 renditions: 1280×720 at 2.5 Mb/s, 640×360 at 800 kb/s');
    expect(videoFormat(check.renditions)).toBe('HD');
  });

  it('accepts a media playlist, saying what a master would add', () => {
    const media = '#EXTM3U\r\n#EXT-X-TARGETDURATION:6\r\n#EXTINF:6.0,\r\nseg1.ts\r\n';
    expect(judgePlaylist('master', 'u', { status: 200, body: media })).toMatchObject({ ok: true, message: expect.stringContaining('a media playlist') as string });
    expect(judgePlaylist('audio', 'u', { status: 200, body: media })).toMatchObject({ ok: true, message: 'audio playlist (one rendition)' });
  });

  it('flags HTML, errors, empty playlists and silence', () => {
    expect(judgePlaylist('master', 'u', { status: 200, body: '<!DOCTYPE html><html><body>Hi</body></html>' })).toMatchObject({ ok: false, message: 'not an HLS playlist: the answer does not start with #EXTM3U (it is an HTML page)' });
    expect(judgePlaylist('master', 'u', { status: 404, body: '#EXTM3U' })).toMatchObject({ ok: false, message: 'not an HLS playlist: the server answered HTTP 404' });
    expect(judgePlaylist('master', 'u', { status: 200, body: '#EXTM3U\n' }).ok).toBe(false);
    expect(judgePlaylist('master', 'u', { status: 200, body: 'x#EXTM3U\n' }).ok).toBe(false);
    expect(unanswered('audio', 'u', 'no answer within 5 s')).toMatchObject({ ok: false, message: 'did not answer (no answer within 5 s)' });
  });

  it('formats bit rates', () => {
    expect(formatBitrate(64_000)).toBe('64 kb/s');
    expect(formatBitrate(1_200_000)).toBe('1.2 Mb/s');
    expect(formatBitrate(3_000_000)).toBe('3 Mb/s');
  });
});
