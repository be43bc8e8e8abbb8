import { describe, expect, it } from 'vitest';
import { parseEmbedUrl } from './embeds.js';
import { parseDocument } from './richtext.js';

describe('embeds by URL', () => {
  it('recognises YouTube, Vimeo and X links in their usual shapes', () => {
    for (const url of ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://youtu.be/dQw4w9WgXcQ?t=4', 'https://m.youtube.com/shorts/dQw4w9WgXcQ']) {
      expect(parseEmbedUrl(url)).toMatchObject({ provider: 'youtube', id: 'dQw4w9WgXcQ', playerUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' });
    }
    expect(parseEmbedUrl('https://vimeo.com/123456789')).toMatchObject({ provider: 'vimeo', playerUrl: 'https://player.vimeo.com/video/123456789?dnt=1' });
    expect(parseEmbedUrl('https://twitter.com/UN/status/1234567890123456789')).toMatchObject({ provider: 'x', pageUrl: 'https://x.com/UN/status/1234567890123456789', playerUrl: null });
  });

  it('refuses everything else', () => {
    for (const url of ['javascript:alert(1)', 'https://evil.example/watch?v=dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=<script>', 'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ', 'https://x.com/UN', 'data:text/html,x', 'not a url']) {
      expect(parseEmbedUrl(url), url).toBeUndefined();
    }
  });

  it('is part of the stored document, validated on write', () => {
    expect(parseDocument({ type: 'doc', content: [{ type: 'embed', attrs: { url: 'https://youtu.be/dQw4w9WgXcQ', caption: 'c' } }] }).content).toHaveLength(1);
    expect(() => parseDocument({ type: 'doc', content: [{ type: 'embed', attrs: { url: 'https://evil.example/x' } }] })).toThrow(/YouTube, Vimeo or X/);
    expect(() => parseDocument({ type: 'doc', content: [{ type: 'embed', attrs: { url: 'https://youtu.be/dQw4w9WgXcQ', html: '<iframe>' } }] })).toThrow();
  });
});
