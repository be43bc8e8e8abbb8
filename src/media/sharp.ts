/**
 * sharp (libvips), loaded on first use, in the image worker only (media/images.ts): loading
 * it adds about 28 MB of RSS, and the web server never needs it.
 */
import type sharpModule from 'sharp';

export type Sharp = typeof sharpModule;

let loading: Promise<Sharp> | undefined;

export function loadSharp(): Promise<Sharp> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    // Encoding is CPU-bound and may run on two cores beside the web server: one libvips
    // thread per job, and no libvips operation cache to hold memory.
    sharp.concurrency(1);
    sharp.cache(false);
    return sharp;
  });
  return loading;
}
