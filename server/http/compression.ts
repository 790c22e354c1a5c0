import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The encoding to send for an Accept-Encoding header, among those `available`: the highest q
 * wins, ties go to brotli, then gzip, then identity. `*` stands for any encoding not named;
 * q=0 refuses one. No header, or nothing acceptable, means identity (RFC 9110, 12.5.3).
 */
export function pickEncoding(
  header: string | undefined,
  available: readonly Encoding[] = ['br', 'gzip'],
): Encoding {
  if (!header) return 'identity';
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  let best: Encoding = 'identity';
  let bestQ = 0;
  for (const encoding of available) {
    const weight = q.get(encoding) ?? q.get('*') ?? 0;
    if (weight > bestQ) {
      best = encoding;
      bestQ = weight;
    }
  }
  return best;
}

/** Appends Accept-Encoding to a Vary header value unless it is there already. */
export function varyOnEncoding(current: string | null) {
  if (!current) return 'Accept-Encoding';
  if (current === '*' || /(^|,)\s*accept-encoding\s*(,|$)/i.test(current)) return current;
  return `${current}, Accept-Encoding`;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** JSON answers smaller than this are sent as they are: compressing them saves less than a packet. */
export const COMPRESS_JSON_FROM_BYTES = 1024;

/**
 * Compresses JSON answers of at least 1 KiB on the fly (brotli at quality 4, or gzip) when the
 * client accepts it. Only `application/json` bodies: streamed or binary answers pass untouched,
 * and small ones (the 503/413/409 errors) go out as they are. Runs in zlib's thread pool.
 */
export const compressJson = (): MiddlewareHandler => async (c, next) => {
  await next();
  const res = c.res;
  if (c.req.method === 'HEAD' || !res.body || res.headers.has('Content-Encoding')) return;
  if (!/^application\/json\b/i.test(res.headers.get('Content-Type') ?? '')) return;
  c.header('Vary', varyOnEncoding(res.headers.get('Vary')));
  const encoding = pickEncoding(c.req.header('Accept-Encoding'));
  if (encoding === 'identity') return;
  const declared = Number(res.headers.get('Content-Length') ?? NaN);
  if (declared < COMPRESS_JSON_FROM_BYTES) return;
  const raw = Buffer.from(await res.arrayBuffer());
  let body: Buffer = raw;
  if (raw.length >= COMPRESS_JSON_FROM_BYTES) {
    body =
      encoding === 'br'
        ? await brotli(raw, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 4,
              [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          })
        : await gzipAsync(raw, { level: 6 });
  }
  c.res = new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length), res);
  if (body !== raw) c.res.headers.set('Content-Encoding', encoding);
  c.res.headers.set('Content-Length', String(body.length));
};
