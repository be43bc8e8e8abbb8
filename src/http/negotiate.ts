/** Content negotiation and conditional requests for pre-rendered bodies. */

/**
 * The compressed encodings a client takes. Both is what every current browser sends; which
 * one it gets is the sender's choice (compress.ts, page-cache.ts): brotli is smaller, gzip
 * much quicker to make.
 */
export type Accepted = 'identity' | 'gzip' | 'br' | 'br+gzip';

/** What `Accept-Encoding` allows. `*` stands for gzip; q=0 refuses an encoding. */
export function acceptedEncodings(acceptEncoding: string | undefined): Accepted {
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
  return br && gzip ? 'br+gzip' : br ? 'br' : gzip ? 'gzip' : 'identity';
}

/** br when the client takes it, then gzip, else identity: for bytes compressed ahead of time. */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' {
  const accepted = acceptedEncodings(acceptEncoding);
  return accepted === 'br+gzip' ? 'br' : accepted;
}

/** gzip when the client takes it, else br, else identity: for bytes compressed as they go out. */
export function pickQuickEncoding(accepted: Accepted): 'br' | 'gzip' | 'identity' {
  return accepted === 'identity' ? 'identity' : quickCompression(accepted);
}

/** The quick choice among compressed encodings: gzip whenever the client takes it. */
export function quickCompression(accepted: Exclude<Accepted, 'identity'>): 'br' | 'gzip' {
  return accepted === 'br' ? 'br' : 'gzip';
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
