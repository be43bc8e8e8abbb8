/**
 * The newsroom's media library: uploads checked from their bytes (never the file name or the
 * browser's word), bounded in size and pixels so a decompression bomb is refused before it
 * is decoded, re-encoded without metadata (EXIF, GPS), stored by content hash.
 */
import type { MediaAsset } from '../core/media.js';
import { ForbiddenError, policies } from '../core/policies.js';
import type { StaffUser } from '../core/staff.js';
import type { MediaStore } from '../media/store.js';
import { ImageWorkerError, images } from '../media/images.js';
import type { ImageHeader } from '../media/image-ops.js';
import { mediaKeyFor } from '../media/store.js';
import type { Db } from '../storage/db.js';
import { MediaRepository, rowToMedia } from '../storage/repositories/catalog.js';
import { VideoRepository } from '../storage/repositories/videos.js';
import { storiesShowingFigure } from '../storage/repositories/figure-media.js';
import { containsText } from '../storage/text-match.js';
import { NotFoundError, ValidationError } from './publishing.js';

export interface MediaLimits {
  maxBytes: number;
  maxPixels: number;
}

export class UploadRejectedError extends Error {
  constructor(
    readonly status: 413 | 415 | 422 | 503,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRejectedError';
  }
}

const ACCEPTED = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif' } as const;
type AcceptedFormat = keyof typeof ACCEPTED;
const isAccepted = (f: string | undefined): f is AcceptedFormat => f !== undefined && Object.hasOwn(ACCEPTED, f);

/** The image worker went away mid-job: say so, rather than blame a file that may be fine. */
const workerStopped = (err: unknown, name: string): UploadRejectedError | undefined =>
  err instanceof ImageWorkerError && err.stopped ? new UploadRejectedError(503, `${name} could not be processed: the image encoder stopped. Try again; if it stops again on this file, the file may be damaged.`) : undefined;

export interface MediaUsage {
  /** A story's id, or an author's id when `as` is 'author photo'. */
  id: number;
  headline: string;
  as: 'lead' | 'inline' | 'social card' | 'author photo' | 'video poster';
}

export class MediaLibrary {
  private readonly repo: MediaRepository;

  constructor(
    private readonly deps: { db: Db; store: MediaStore; limits: MediaLimits; now?: () => Date },
  ) {
    this.repo = new MediaRepository(deps.db.kysely);
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async upload(actor: StaffUser, file: { filename: string; bytes: Buffer }, meta: { alt?: string; caption?: string; credit?: string } = {}): Promise<MediaAsset> {
    if (!policies.uploadMedia(actor)) throw new ForbiddenError('uploadMedia');
    const { maxBytes, maxPixels } = this.deps.limits;
    const name = file.filename.slice(0, 120) || 'the file';
    if (file.bytes.length > maxBytes) throw new UploadRejectedError(413, `${name} is ${(file.bytes.length / 1e6).toFixed(1)} MB; the limit is ${(maxBytes / 1e6).toFixed(0)} MB.`);
    let info: ImageHeader;
    try {
      // Reads the header only: nothing is decoded yet, so no pixel limit is needed here;
      // the limit is applied just below, with a message that says what is wrong.
      info = await images.inspect(file.bytes);
    } catch (err) {
      throw workerStopped(err, name) ?? new UploadRejectedError(415, `${name} is not an image we can read. Upload a JPEG, PNG, WebP or AVIF file.`);
    }
    // libvips reports AVIF as HEIF with AV1 compression.
    const format: string | undefined = info.format === 'heif' && info.compression === 'av1' ? 'avif' : info.format;
    if (!isAccepted(format)) throw new UploadRejectedError(415, `${name} is ${format ?? 'an unknown format'}; upload a JPEG, PNG, WebP or AVIF file.`);
    const { width, height } = info;
    if (!width || !height) throw new UploadRejectedError(415, `${name} has no readable dimensions.`);
    if (width * height > maxPixels) {
      throw new UploadRejectedError(422, `${name} is ${width} x ${height} pixels (${Math.round((width * height) / 1e6)} megapixels); the limit is ${Math.round(maxPixels / 1e6)} megapixels. Very large images can exhaust the server's memory: resize it first.`);
    }
    let clean: Buffer;
    let out: { width: number; height: number };
    try {
      // Re-encode: applies EXIF orientation, drops every metadata block (sharp keeps none by default).
      ({ data: clean, ...out } = await images.reencode(file.bytes, format, maxPixels));
    } catch (err) {
      throw workerStopped(err, name) ?? new UploadRejectedError(422, `${name} could not be decoded: the file may be damaged.`);
    }
    const key = mediaKeyFor(clean);
    await this.deps.store.put(key, clean);
    return this.repo.insert({
      key,
      mime: ACCEPTED[format],
      width: out.width,
      height: out.height,
      bytes: clean.length,
      alt: (meta.alt ?? '').slice(0, 500),
      caption: (meta.caption ?? '').slice(0, 1000),
      credit: (meta.credit ?? '').slice(0, 300),
      focalX: 0.5,
      focalY: 0.5,
      now: this.now(),
    });
  }

  async get(id: number): Promise<MediaAsset | undefined> {
    return (await this.repo.byIds([id])).get(id);
  }

  async search(q: string, limit = 60): Promise<MediaAsset[]> {
    let query = this.deps.db.kysely.selectFrom('media').selectAll().orderBy('id', 'desc').limit(limit);
    const text = q.trim();
    if (text) query = query.where((eb) => eb.or([containsText('alt', text), containsText('caption', text), containsText('credit', text)]));
    return (await query.execute()).map(rowToMedia);
  }

  async update(actor: StaffUser, id: number, input: { alt: string; caption: string; credit: string; focalX: number; focalY: number }): Promise<void> {
    if (!policies.editMedia(actor)) throw new ForbiddenError('editMedia');
    const focal = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0.5);
    const r = await this.deps.db.kysely
      .updateTable('media')
      .set({ alt: input.alt.trim().slice(0, 500), caption: input.caption.trim().slice(0, 1000), credit: input.credit.trim().slice(0, 300), focal_x: focal(input.focalX), focal_y: focal(input.focalY), updated_at: this.now().toISOString() })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new NotFoundError(`image ${id} does not exist`);
  }

  /** Stories that show the image, as lead or inside the body. */
  async usage(id: number): Promise<MediaUsage[]> {
    const k = this.deps.db.kysely;
    const [lead, social, authors, inline] = await Promise.all([
      k.selectFrom('articles').select(['id', 'headline']).where('lead_media_id', '=', id).execute(),
      k.selectFrom('articles').select(['id', 'headline']).where('social_media_id', '=', id).execute(),
      k.selectFrom('authors').select(['id', 'name as headline']).where('photo_media_id', '=', id).execute(),
      storiesShowingFigure(k, this.deps.db.dialect, id),
    ]);
    const posters = await new VideoRepository(k).posterUsage(id);
    return [
      ...posters.map((a) => ({ ...a, as: 'video poster' as const })),
      ...lead.map((a) => ({ ...a, as: 'lead' as const })),
      ...inline.map((a) => ({ ...a, as: 'inline' as const })),
      ...social.map((a) => ({ ...a, as: 'social card' as const })),
      ...authors.map((a) => ({ ...a, as: 'author photo' as const })),
    ];
  }

  /** Deletes an unused image; an image still shown by a story cannot be deleted. */
  async delete(actor: StaffUser, id: number): Promise<void> {
    if (!policies.deleteMedia(actor)) throw new ForbiddenError('deleteMedia');
    const used = await this.usage(id);
    if (used.length) throw new ValidationError([`the image is still used: ${used.map((u) => `“${u.headline}” (${u.as})`).join(', ')}`]);
    await this.deps.db.kysely.deleteFrom('media').where('id', '=', id).execute();
  }
}
