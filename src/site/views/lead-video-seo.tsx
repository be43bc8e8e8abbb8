/**
 * What a lead video adds to a story's page besides the player (issue 5): the poster as the
 * social card (unless the story has its own), `og:video`, a schema.org VideoObject on the
 * NewsArticle, and the hls.js island for HLS videos.
 */
import { VIDEO_MIME, isoDuration } from '../../core/videos.js';
import type { ArticlePage as Model } from '../../services/reading.js';
import { posterImage } from './components/LeadVideo.js';
import type { Asset, PageContext, Seo } from './context.js';
import { absolute } from './context.js';

export function withLeadVideo(ctx: PageContext, m: Model, seo: Seo): Seo {
  const video = m.leadVideo;
  if (!video) return seo;
  const poster = posterImage(video);
  const a = m.article;
  const name = video.caption || a.seoHeadline || a.headline;
  const videoObject = {
    '@type': 'VideoObject',
    name,
    description: a.seoDescription ?? (a.standfirst || name),
    thumbnailUrl: [absolute(ctx, poster.url)],
    contentUrl: absolute(ctx, video.url),
    uploadDate: a.publishedAt ?? video.createdAt,
    ...(video.durationSeconds ? { duration: isoDuration(video.durationSeconds) } : {}),
    ...(video.width && video.height ? { width: video.width, height: video.height } : {}),
    encodingFormat: VIDEO_MIME[video.kind],
    ...(video.credit ? { creditText: video.credit } : {}),
  };
  const [article, ...rest] = seo.jsonLd ?? [];
  return {
    ...seo,
    // A social card chosen for the story wins; otherwise the poster is the card.
    image: a.socialMediaId !== null && seo.image ? seo.image : poster,
    video: { url: video.url, type: VIDEO_MIME[video.kind], width: video.width ?? undefined, height: video.height ?? undefined },
    jsonLd: article ? [{ ...article, ...(a.leadMediaId === null ? { image: [absolute(ctx, poster.url)] } : {}), video: videoObject }, ...rest] : rest,
  };
}

/** The hls.js island, on pages whose lead video is HLS. */
export function leadVideoScripts(ctx: PageContext, m: Model): Asset[] {
  return m.leadVideo?.kind === 'hls' && ctx.assets.video ? [ctx.assets.video] : [];
}

export function OgVideo({ ctx, video }: { ctx: PageContext; video: NonNullable<Seo['video']> }) {
  const url = absolute(ctx, video.url);
  return (
    <>
      <meta property="og:video" content={url} />
      {url.startsWith('https://') && <meta property="og:video:secure_url" content={url} />}
      <meta property="og:video:type" content={video.type} />
      {video.width && <meta property="og:video:width" content={String(video.width)} />}
      {video.height && <meta property="og:video:height" content={String(video.height)} />}
    </>
  );
}
