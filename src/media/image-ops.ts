/**
 * Everything Newsdesk asks of sharp (libvips), in one place. These run in the image worker
 * process (media/image-worker.ts), never in the web server: see media/images.ts for why.
 */
import type { VariantFormat } from '../core/media.js';
import { loadSharp } from './sharp.js';

/** What an upload is, read from its header: nothing is decoded. */
export interface ImageHeader {
  format: string | undefined;
  /** For HEIF: 'av1' is AVIF. */
  compression: string | undefined;
  width: number;
  height: number;
}

export type CleanFormat = 'jpeg' | 'png' | 'webp' | 'avif';

export const imageOps = {
  inspect: async (bytes: Uint8Array): Promise<ImageHeader> => {
    const sharp = await loadSharp();
    // Reads the header only, so no pixel limit is needed: the caller applies its own, with
    // a message that says what is wrong.
    const info = await sharp(bytes, { limitInputPixels: false }).metadata();
    return { format: info.format, compression: info.compression, width: info.width ?? 0, height: info.height ?? 0 };
  },

  /** An upload decoded and encoded again: EXIF orientation applied, every metadata block dropped. */
  reencode: async (bytes: Uint8Array, format: CleanFormat, maxPixels: number): Promise<{ data: Uint8Array; width: number; height: number }> => {
    const sharp = await loadSharp();
    const pipeline = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' }).rotate();
    const encoded = format === 'png' ? pipeline.png({ compressionLevel: 9 }) : format === 'webp' ? pipeline.webp({ quality: 90 }) : format === 'avif' ? pipeline.avif({ quality: 70 }) : pipeline.jpeg({ quality: 90, mozjpeg: true });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  },

  /** A rendition for readers at one width and format; metadata is not copied. */
  variant: async (original: Uint8Array, width: number, format: VariantFormat): Promise<Uint8Array> => {
    const sharp = await loadSharp();
    const pipeline = sharp(original, { limitInputPixels: 100_000_000 }).rotate().resize({ width, withoutEnlargement: true });
    switch (format) {
      case 'avif':
        return pipeline.avif({ quality: 50, effort: 2 }).toBuffer();
      case 'webp':
        return pipeline.webp({ quality: 72 }).toBuffer();
      case 'jpeg':
        return pipeline.jpeg({ quality: 78, mozjpeg: true, progressive: true }).toBuffer();
    }
  },

  /** An SVG drawing as a JPEG photo (the demo's illustrations). */
  rasterise: async (svg: string): Promise<Uint8Array> => {
    const sharp = await loadSharp();
    return sharp(Buffer.from(svg)).jpeg({ quality: 86, mozjpeg: true }).toBuffer();
  },
};

export type ImageOps = typeof imageOps;
export type ImageOp = keyof ImageOps;
