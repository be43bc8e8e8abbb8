/** Images and their renditions: which widths and formats the site offers. */
export interface MediaAsset {
  id: number;
  /** Content hash of the original bytes: it names the file and makes variant URLs immutable. */
  key: string;
  mime: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  /** Focal point, 0..1 from the left and the top: crops keep it in frame. */
  focalX: number;
  focalY: number;
}

export const VARIANT_WIDTHS = [320, 480, 640, 800, 1024, 1280, 1600] as const;
export type VariantWidth = (typeof VARIANT_WIDTHS)[number];
export const VARIANT_FORMATS = ['avif', 'webp', 'jpeg'] as const;
export type VariantFormat = (typeof VARIANT_FORMATS)[number];

export function isVariantWidth(n: number): n is VariantWidth {
  return (VARIANT_WIDTHS as readonly number[]).includes(n);
}

/** Widths worth offering for an original: never upscale past the source. */
export function widthsFor(asset: Pick<MediaAsset, 'width'>): VariantWidth[] {
  const widths = VARIANT_WIDTHS.filter((w) => w <= asset.width);
  return widths.length > 0 ? widths : [VARIANT_WIDTHS[0]];
}
