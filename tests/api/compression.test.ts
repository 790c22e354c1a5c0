import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, webDist } from '../../server/build-web.js';
import { buildPm, buildRound, buildWorkspace } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The first page may send at most this much JavaScript over the wire, brotli-compressed (issue 13). */
const FIRST_PAGE_JS_BUDGET_BYTES = 90_000;

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they came over the wire (fetch would decode them silently). */
  wire: Buffer;
}

/** A GET over plain node:http, which leaves the body as sent. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, wire: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

function decoded(res: Raw) {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.wire);
  if (encoding === 'gzip') return gunzipSync(res.wire);
  expect(encoding).toBeUndefined();
  return res.wire;
}

/** The JavaScript the first page loads before it can render: the entry script and its modulepreloads. */
function firstPageScripts() {
  const html = readFileSync(join(webDist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  return [...scripts, ...preloads];
}

let app: TestApp;
beforeAll(async () => {
  // `npm test` builds first; a build from before the brotli copies existed is built again.
  if (!existsSync(join(webDist, 'index.html.br'))) {
    const { build } = await import('vite');
    await build({ configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
  }
  app = await startTestApp({ webRoot: webDist });
}, 120_000);
afterAll(async () => {
  await app.close();
});

describe('compressed web assets', () => {
  it('sends the brotli copy to a browser that accepts it, the same bytes once decoded', async () => {
    const [entry] = firstPageScripts();
    const original = readFileSync(join(webDist, entry!));
    const res = await rawGet(app.url + entry, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toBe('Accept-Encoding');
    expect(Number(res.headers['content-length'])).toBe(res.wire.length);
    expect(res.wire.length).toBeLessThan(original.length / 2);
    expect(decoded(res).equals(original)).toBe(true);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  it('sends gzip when brotli is not accepted, and the file as it is without Accept-Encoding', async () => {
    const [entry] = firstPageScripts();
    const original = readFileSync(join(webDist, entry!));
    const gz = await rawGet(app.url + entry, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decoded(gz).equals(original)).toBe(true);
    const refused = await rawGet(app.url + entry, { 'accept-encoding': 'br;q=0, gzip;q=0.5' });
    expect(refused.headers['content-encoding']).toBe('gzip');
    const plain = await rawGet(app.url + entry);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toBe('Accept-Encoding');
    expect(Number(plain.headers['content-length'])).toBe(original.length);
    expect(plain.wire.equals(original)).toBe(true);
  });

  it('compresses the page of a deep link too, which is never cached, with the strict CSP', async () => {
    const res = await rawGet(`${app.url}/pms/someone/plan`, { 'accept-encoding': 'br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(decoded(res).toString()).toContain('<div id="root">');
  });

  it('answers 404 for an asset that is not in the build, instead of the page', async () => {
    const res = await rawGet(`${app.url}/assets/index-gone.js`, { 'accept-encoding': 'br' });
    expect(res.status).toBe(404);
    expect(res.headers['cache-control'] ?? '').not.toContain('immutable');
  });

  it(`keeps the first page's JavaScript within ${FIRST_PAGE_JS_BUDGET_BYTES} bytes on the wire`, async () => {
    const scripts = firstPageScripts();
    expect(scripts.length).toBeGreaterThan(0);
    let wire = 0;
    for (const path of scripts) {
      const res = await rawGet(app.url + path, { 'accept-encoding': 'gzip, deflate, br, zstd' });
      expect(res.status, path).toBe(200);
      expect(res.headers['content-encoding'], path).toBe('br');
      wire += res.wire.length;
    }
    expect(wire).toBeLessThanOrEqual(FIRST_PAGE_JS_BUDGET_BYTES);
  });
});

describe('compressed JSON answers', () => {
  let coach: Awaited<ReturnType<typeof buildWorkspace>>;
  beforeAll(async () => {
    coach = await buildWorkspace(app);
  });

  it('compresses a large JSON answer on the fly; decoded, it is the same answer', async () => {
    const plain = await rawGet(`${app.url}/api/openapi.json`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/accept-encoding/i);
    expect(plain.wire.length).toBeGreaterThan(1024);
    for (const accept of ['br', 'gzip']) {
      const res = await rawGet(`${app.url}/api/openapi.json`, { 'accept-encoding': accept });
      expect(res.headers['content-encoding']).toBe(accept);
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(Number(res.headers['content-length'])).toBe(res.wire.length);
      expect(res.wire.length).toBeLessThan(plain.wire.length / 3);
      expect(decoded(res).equals(plain.wire)).toBe(true);
    }
  });

  it('compresses a PM’s history for the coach and keeps it private to the cache', async () => {
    const pm = await buildPm(app, coach);
    for (let i = 0; i < 3; i++) await buildRound(pm, coach);
    const cookie = `wh_session=${coach.client.cookie('wh_session')}`;
    const path = `${app.url}/api/pms/${pm.id}/history`;
    const plain = await rawGet(path, { cookie });
    expect(plain.status).toBe(200);
    expect(plain.wire.length).toBeGreaterThan(1024);
    const res = await rawGet(path, { cookie, 'accept-encoding': 'gzip, deflate, br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(decoded(res).toString())).toEqual(JSON.parse(plain.wire.toString()));
  });

  it('sends small answers and errors as they are', async () => {
    const health = await rawGet(`${app.url}/api/health`, { 'accept-encoding': 'br, gzip' });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.wire.toString())).toMatchObject({ ok: true });
    const missing = await rawGet(`${app.url}/api/no-such-route`, { 'accept-encoding': 'br, gzip' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(missing.wire.toString()).error.code).toBe('not_found');
  });

  it('refuses a body that is too large with a readable 413 when the client accepts brotli', async () => {
    const res = await coach.client.request('POST', '/api/frameworks/import', 'x'.repeat(1024 * 1024 + 10), {
      'content-type': 'application/json',
      'accept-encoding': 'br',
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });
});
