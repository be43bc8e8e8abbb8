import { describe, expect, it } from 'vitest';
import { ImageWorkerError, imageWorker, images } from './images.js';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><rect width="100%" height="100%" fill="#2a6f97"/></svg>';

describe('the image worker', () => {
  it('encodes in its own process and answers each job with its own result', async () => {
    const photo = await images.rasterise(SVG);
    expect(photo.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8])); // a JPEG
    expect(imageWorker.pid).toBeDefined();
    expect(imageWorker.pid).not.toBe(process.pid);
    // Jobs in flight together each get their own answer.
    const [small, large, header] = await Promise.all([images.variant(photo, 160, 'webp'), images.variant(photo, 480, 'jpeg'), images.inspect(photo)]);
    expect(header).toEqual({ format: 'jpeg', compression: undefined, width: 640, height: 360 });
    expect(await images.inspect(small)).toMatchObject({ format: 'webp', width: 160, height: 90 });
    expect(await images.inspect(large)).toMatchObject({ format: 'jpeg', width: 480, height: 270 });
  }, 30_000);

  it('refuses what libvips cannot read with an error, and keeps working', async () => {
    const refused = await images.inspect(Buffer.from('not an image at all')).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ImageWorkerError);
    // The file's fault, not the worker's: an upload says the file cannot be read.
    expect((refused as ImageWorkerError).stopped).toBe(false);
    expect((await images.inspect(await images.rasterise(SVG))).width).toBe(640);
  }, 30_000);

  it('a worker that dies fails only the jobs it held: the next job starts another', async () => {
    const photo = await images.rasterise(SVG);
    const first = imageWorker.pid ?? 0;
    const job = images.variant(photo, 480, 'avif');
    process.kill(first, 'SIGKILL');
    const failed = await job.catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(ImageWorkerError);
    expect((failed as ImageWorkerError).stopped).toBe(true);
    expect((failed as ImageWorkerError).message).toMatch(/image worker stopped/);
    // This process is still here, and so is image work.
    expect(await images.inspect(photo)).toMatchObject({ format: 'jpeg', width: 640 });
    expect(imageWorker.pid).not.toBe(first);
  }, 30_000);
});
