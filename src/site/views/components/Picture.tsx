import type { MediaAsset } from '../../../core/media.js';
import { defaultWidth, mediaUrl, srcset } from '../../format.js';

interface Props {
  asset: MediaAsset;
  /** The `sizes` attribute: how wide the image is drawn at each viewport. */
  sizes: string;
  /** Above-the-fold images load eagerly and early; all others lazily. */
  priority?: boolean;
  alt?: string;
}

/** A responsive image: AVIF, then WebP, then JPEG, each at the widths the original allows. */
export function Picture({ asset, sizes, priority = false, alt }: Props) {
  const width = defaultWidth(asset);
  return (
    <picture>
      <source type="image/avif" srcset={srcset(asset, 'avif')} sizes={sizes} />
      <source type="image/webp" srcset={srcset(asset, 'webp')} sizes={sizes} />
      <img
        src={mediaUrl(asset, width, 'jpeg')}
        srcset={srcset(asset, 'jpeg')}
        sizes={sizes}
        alt={alt ?? asset.alt}
        width={asset.width}
        height={asset.height}
        loading={priority ? 'eager' : 'lazy'}
        decoding={priority ? 'sync' : 'async'}
        fetchpriority={priority ? 'high' : 'auto'}
      />
    </picture>
  );
}
