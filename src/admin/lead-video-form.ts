/**
 * Reads the story form's "Lead video" fieldset (views/LeadVideoFields.tsx). A form without
 * the fieldset (an older client, an API caller) leaves the video alone; a blank address
 * removes it. Values are kept as typed so a refused form can be shown again unchanged;
 * services/videos.ts validates them.
 */
import type { LeadVideoInput } from '../services/videos.js';
import type { FormBody } from './context.js';
import { field } from './context.js';

export const LEAD_VIDEO_FIELDS = { url: 'leadVideoUrl', poster: 'leadVideoPosterId', caption: 'leadVideoCaption', credit: 'leadVideoCredit' } as const;

/** undefined: the form had no video fields; null: the address was cleared. */
export function readLeadVideoForm(body: unknown): LeadVideoInput | null | undefined {
  if ((body as FormBody | undefined)?.[LEAD_VIDEO_FIELDS.url] === undefined) return undefined;
  const url = field(body, LEAD_VIDEO_FIELDS.url).trim();
  if (!url) return null;
  const poster = field(body, LEAD_VIDEO_FIELDS.poster).trim();
  return {
    url,
    posterMediaId: poster === '' ? null : /^\d{1,9}$/.test(poster) ? Number(poster) : Number.NaN,
    caption: field(body, LEAD_VIDEO_FIELDS.caption),
    credit: field(body, LEAD_VIDEO_FIELDS.credit),
  };
}

/** The save command's part for the video: nothing when the form has no video fields. */
export function leadVideoCommand(body: unknown): { leadVideo?: LeadVideoInput | null } {
  const leadVideo = readLeadVideoForm(body);
  return leadVideo === undefined ? {} : { leadVideo };
}
