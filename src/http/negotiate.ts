/** Content negotiation and conditional requests for pre-rendered bodies. */

/** br when the client takes it, then gzip, else identity. q=0 refuses an encoding. */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' {
  if (!acceptEncoding) return 'identity';
  let br = false;
  let gzip = false;
  for (const part of acceptEncoding.split(',')) {
    const [nameRaw, ...params] = part.trim().split(';');
    const name = nameRaw?.trim().toLowerCase();
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && Number(q.slice(2)) === 0) continue;
    if (name === 'br') br = true;
    else if (name === 'gzip' || name === '*') gzip = true;
  }
  return br ? 'br' : gzip ? 'gzip' : 'identity';
}

/** True when the client's copy is still current (RFC 9110 §13.1: If-None-Match wins). */
export function isNotModified(headers: { 'if-none-match'?: string | undefined; 'if-modified-since'?: string | undefined }, etag: string, lastModifiedMs: number): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined) {
    const bare = etag.replace(/^W\//, '');
    return inm.split(',').some((tag) => {
      const t = tag.trim();
      return t === '*' || t.replace(/^W\//, '') === bare;
    });
  }
  const ims = headers['if-modified-since'];
  if (ims !== undefined) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && lastModifiedMs <= since;
  }
  return false;
}
