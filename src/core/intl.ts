/**
 * Intl.DateTimeFormat objects, made once per locale and options. Making one costs about 130 µs
 * and holds ICU memory outside the JavaScript heap, which the garbage collector frees late: the
 * newsroom's story list made two per row, and 50 editors' requests at once took the instance
 * from 165 MB to 730 MB-1.2 GB of memory, at 141 requests/s (docs/performance.md, "22:20 UTC").
 * Formatting with one that exists costs about 1 µs.
 */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    dateTimeFormats.set(key, f);
  }
  return f;
}
