/**
 * sharp (libvips), loaded on first use. Loading it adds about 28 MB to the process's RSS,
 * and most instances never need it: a reading instance serves renditions already on disk,
 * and only uploads, a rendition made for the first time and demo seeding encode images.
 * (docs/performance.md, memory.)
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
