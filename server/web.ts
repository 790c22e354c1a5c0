import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { getMimeType } from 'hono/utils/mime';
import { pickEncoding, varyOnEncoding, type Encoding } from './http/compression.js';
import type { App } from './http/env.js';
import { COMPRESSIBLE } from './precompress.js';

interface Asset {
  type: string;
  compressible: boolean;
  bodies: Partial<Record<Encoding, Uint8Array<ArrayBuffer>>>;
}

/**
 * Reads the built web app into memory once (a few hundred KB with its brotli and gzip copies):
 * each file with the compressed copies the build wrote beside it (server/precompress.ts).
 */
function loadAssets(webRoot: string) {
  const bytes = (path: string) => {
    const b = readFileSync(path);
    return new Uint8Array(b.buffer, b.byteOffset, b.length);
  };
  const assets = new Map<string, Asset>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!path.endsWith('.br') && !path.endsWith('.gz')) {
        const compressible = COMPRESSIBLE.has(extname(path));
        const bodies: Asset['bodies'] = { identity: bytes(path) };
        for (const [encoding, suffix] of [
          ['br', '.br'],
          ['gzip', '.gz'],
        ] as const) {
          if (compressible && statSync(path + suffix, { throwIfNoEntry: false })?.isFile())
            bodies[encoding] = bytes(path + suffix);
        }
        const url = '/' + relative(webRoot, path).split(sep).join('/');
        assets.set(url, { type: getMimeType(path) ?? 'application/octet-stream', compressible, bodies });
      }
    }
  };
  walk(webRoot);
  return assets;
}

/**
 * Serves the built web app: hashed assets cached for a year, every other path gets index.html.
 * Each answer is the best copy the browser accepts (brotli, then gzip, then as is), with
 * `Vary: Accept-Encoding` so a cache never hands brotli to a browser that cannot read it.
 */
export function serveWebApp(app: App, webRoot: string) {
  const assets = loadAssets(webRoot);
  const index = assets.get('/index.html');
  if (!index) throw new Error(`No index.html in ${webRoot}: build the web app first (npm run build).`);
  app.get('*', (c) => {
    const path = c.req.path;
    let asset = assets.get(path);
    if (!asset && path.startsWith('/assets/')) return c.text('There is no such file.', 404);
    asset ??= index;
    const available = (['br', 'gzip'] as const).filter((e) => asset.bodies[e]);
    const encoding = pickEncoding(c.req.header('Accept-Encoding'), available);
    const body = asset.bodies[encoding] ?? asset.bodies.identity!;
    const headers: Record<string, string> = {
      'Content-Type': asset.type,
      'Content-Length': String(body.length),
      'Cache-Control':
        asset !== index && path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (asset.compressible) headers.Vary = varyOnEncoding(null);
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
    return c.body(body, 200, headers);
  });
}
