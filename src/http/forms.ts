/** Reading urlencoded form bodies (and JSON bodies shaped like them) the same way everywhere. */

export type FormBody = Record<string, string | string[] | undefined>;

/** One value of a form field (the first, if it was sent twice); '' when absent. */
export function field(body: unknown, name: string): string {
  const v = (body as FormBody | undefined)?.[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

export function fields(body: unknown, name: string): string[] {
  const v = (body as FormBody | undefined)?.[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
