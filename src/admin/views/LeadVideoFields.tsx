/**
 * The story form's "Lead video" fieldset: an HLS or MP4 address shown instead of the lead
 * photo, its poster from the media library, caption and credit. Read back by
 * admin/lead-video-form.ts; a blank address removes the video.
 */
import { LEAD_VIDEO_FIELDS } from '../lead-video-form.js';
import type { LeadVideoInput } from '../../services/videos.js';

interface Props {
  /** What the form shows: the saved video, or what was typed when a save was refused. */
  video: LeadVideoInput | null | undefined;
  /** The library images offered (the lead image select's options). */
  images: { id: number; label: string }[];
  /** The form's errors: those about the video are repeated next to its fields. */
  errors?: string[] | undefined;
}

export function LeadVideoFields({ video, images, errors = [] }: Props) {
  const mine = errors.filter((e) => e.startsWith('leadVideo.'));
  const posterId = typeof video?.posterMediaId === 'number' && Number.isInteger(video.posterMediaId) ? video.posterMediaId : null;
  const options = posterId !== null && !images.some((i) => i.id === posterId) ? [{ id: posterId, label: `#${posterId} (the current poster)` }, ...images] : images;
  const invalid = (name: string) => (mine.some((e) => e.startsWith(`leadVideo.${name}`)) ? true : undefined);
  return (
    <fieldset class="lead-video-fields" aria-describedby="lead-video-hint">
      <legend>Lead video</legend>
      <p class="hint" id="lead-video-hint">
        Shown instead of the lead image at the top of the story. An HLS stream (.m3u8) or an MP4 file (.mp4), at an https:// address or a path on this site. Leave the address blank for no video.
      </p>
      {mine.length > 0 && (
        <ul class="field-errors" id="lead-video-errors">
          {mine.map((e) => (
            <li key={e}>{e.replace(/^leadVideo\.\w+: /, '')}</li>
          ))}
        </ul>
      )}
      <label for={LEAD_VIDEO_FIELDS.url}>Video address</label>
      <input id={LEAD_VIDEO_FIELDS.url} name={LEAD_VIDEO_FIELDS.url} type="text" inputMode="url" maxLength={2000} placeholder="https://video.example.org/story/master.m3u8" value={video?.url ?? ''} aria-invalid={invalid('url')} aria-describedby={mine.length ? 'lead-video-errors' : undefined} />
      <label for={LEAD_VIDEO_FIELDS.poster}>Poster image (required with a video: also the social card and feed image)</label>
      <select id={LEAD_VIDEO_FIELDS.poster} name={LEAD_VIDEO_FIELDS.poster} aria-invalid={invalid('posterMediaId')}>
        <option value="">Choose an image</option>
        {options.map((img) => (
          <option key={img.id} value={img.id} selected={posterId === img.id}>
            {img.label}
          </option>
        ))}
      </select>
      <label for={LEAD_VIDEO_FIELDS.caption}>Video caption</label>
      <input id={LEAD_VIDEO_FIELDS.caption} name={LEAD_VIDEO_FIELDS.caption} maxLength={1000} value={video?.caption ?? ''} />
      <label for={LEAD_VIDEO_FIELDS.credit}>Video credit</label>
      <input id={LEAD_VIDEO_FIELDS.credit} name={LEAD_VIDEO_FIELDS.credit} maxLength={300} value={video?.credit ?? ''} />
    </fieldset>
  );
}
