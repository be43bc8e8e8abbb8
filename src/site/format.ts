/** Dates, numbers and image URLs as the reader site writes them (dates and numbers in the edition's locale). */
import type { ArticleLabel } from '../core/articles.js';
import type { MediaAsset, VariantFormat } from '../core/media.js';
import { widthsFor } from '../core/media.js';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, withTime
      ? { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }
      : { day: 'numeric', month: 'long', year: 'numeric', timeZone });
    dateFormats.set(key, f);
  }
  return f;
}

export interface DateStyle {
  locale: string;
  timeZone: string;
}

/** "19 February 2020" */
export const formatDate = (iso: string, style: DateStyle): string => formatter(style.locale, style.timeZone, false).format(new Date(iso));
/** "19 February 2020, 14:05 GMT" */
export const formatDateTime = (iso: string, style: DateStyle): string => formatter(style.locale, style.timeZone, true).format(new Date(iso));

const numberFormats = new Map<string, Intl.NumberFormat>();
/** "1,234" in en-GB: a number shown to readers, in the edition's locale. */
export function formatNumber(n: number, style: Pick<DateStyle, 'locale'>): string {
  let f = numberFormats.get(style.locale);
  if (!f) {
    f = new Intl.NumberFormat(style.locale);
    numberFormats.set(style.locale, f);
  }
  return f.format(n);
}

const listFormats = new Map<string, Intl.ListFormat>();

/** The edition's list formatter, made once per locale (making one costs more than using it). */
export function listFormatter(style: Pick<DateStyle, 'locale'>): Intl.ListFormat {
  let f = listFormats.get(style.locale);
  if (!f) {
    f = new Intl.ListFormat(style.locale, { type: 'conjunction' });
    listFormats.set(style.locale, f);
  }
  return f;
}

/** "A, B and C" ("A, B y C"): names joined as the edition's language joins a list. */
export function formatList(items: readonly string[], style: Pick<DateStyle, 'locale'>): string {
  return listFormatter(style).format(items);
}

/** The message key of a story's label: t(labelKey('news')) is "News", "Noticias". */
export const labelKey = (label: ArticleLabel) => `label.${label}` as const;

export const mediaUrl = (asset: Pick<MediaAsset, 'key'>, width: number, format: VariantFormat): string => `/media/${asset.key}/${width}.${format}`;

export function srcset(asset: MediaAsset, format: VariantFormat): string {
  return widthsFor(asset).map((w) => `${mediaUrl(asset, w, format)} ${w}w`).join(', ');
}

/** A reasonable default rendition for `src` (browsers without srcset, feeds, social cards). */
export function defaultWidth(asset: MediaAsset): number {
  const widths = widthsFor(asset);
  return widths.includes(1024) ? 1024 : (widths[widths.length - 1] ?? 320);
}
