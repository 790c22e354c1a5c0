import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, newPerson, signInOverHttp, useBrowserApp } from '../support/browser.js';
import { buildWorkspace } from '../support/factories.js';

const ctx = useBrowserApp();

/** Waits until the service worker is active, then reloads so it controls the page. */
async function controlledBy(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  return page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
}

/** Width and height of a PNG, from its IHDR chunk. */
const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

/**
 * A real HTTP front in the test: passes everything to the app, and after `deploy()` serves a
 * changed /sw.js, as a server does after a new version is deployed.
 */
async function frontOf(target: string) {
  let deployed = false;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === 'string' && k !== 'host' && k !== 'accept-encoding') headers.set(k, v);
      const answer = await fetch(target + req.url, { method: req.method, headers, redirect: 'manual' });
      let body = Buffer.from(await answer.arrayBuffer());
      if (deployed && req.url === '/sw.js')
        body = Buffer.concat([body, Buffer.from('\n// the next version\n')]);
      answer.headers.forEach((value, key) => {
        if (!['content-length', 'content-encoding', 'transfer-encoding'].includes(key))
          res.setHeader(key, value);
      });
      res.writeHead(answer.status).end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    deploy: () => void (deployed = true),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('installable app', () => {
  test('the manifest names the app with 192, 512 and maskable PNG icons; the worker controls the page after a reload and keeps no /api answer', async () => {
    const ada = await buildWorkspace(ctx.app);
    const { page, context, problems } = await newPerson(ctx.browser, ctx.app.url, {
      width: 375,
      serviceWorkers: 'allow',
    });
    await signInOverHttp(context, ada.email);
    await page.goto('/');
    await page.getByRole('heading', { name: /^Hello, Ada/ }).waitFor();

    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const res = await context.request.get(href!);
    expect(res.headers()['content-type']).toContain('application/manifest+json');
    const manifest = (await res.json()) as {
      name: string;
      start_url: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Wheelhouse', start_url: '/', display: 'standalone' });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    const sizes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    for (const icon of manifest.icons) {
      const png = await context.request.get(icon.src);
      expect(png.headers()['content-type']).toBe('image/png');
      const [w, h] = icon.sizes.split('x').map(Number);
      expect(pngSize(await png.body())).toEqual({ width: w, height: h });
    }

    expect(await controlledBy(page)).toBe(`${ctx.app.url}/sw.js`);
    await page.getByRole('heading', { name: /^Hello, Ada/ }).waitFor();
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys())
          urls.push(new URL(request.url).pathname);
      return urls;
    });
    expect(cached).toContain('/index.html');
    expect(cached.some((url) => url.startsWith('/assets/') && url.endsWith('.js'))).toBe(true);
    expect(cached.filter((url) => url.startsWith('/api'))).toEqual([]);
    // The worker leaves /api alone: the answer is the server's, never kept.
    const sessionAnswer = await page.evaluate(async () =>
      (await fetch('/api/session')).headers.get('cache-control'),
    );
    expect(sessionAnswer).toBe('no-store');
    expect(problems).toEqual([]);
  }, 180_000);

  test('a new deploy offers "A new version is ready"; Reload puts it in charge', async () => {
    const front = await frontOf(ctx.app.url);
    try {
      const { page, problems } = await newPerson(ctx.browser, front.url, {
        width: 375,
        serviceWorkers: 'allow',
      });
      await page.goto('/');
      await page.getByRole('heading', { name: 'Set up Wheelhouse' }).waitFor();
      expect(await controlledBy(page)).toBe(`${front.url}/sw.js`);
      await page.getByRole('heading', { name: 'Set up Wheelhouse' }).waitFor();
      expect(await page.getByText('A new version is ready.').count()).toBe(0);

      front.deploy();
      // What the page does every hour (and the browser on a navigation): ask for the worker again.
      await page.evaluate(async () => void (await navigator.serviceWorker.getRegistration())?.update());
      await page.getByText('A new version is ready.').waitFor();
      await expectNoAxeViolations(page);
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
      await page.getByRole('heading', { name: 'Set up Wheelhouse' }).waitFor();
      expect(await page.getByText('A new version is ready.').count()).toBe(0);
      const state = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return { waiting: registration?.waiting ?? null, controlled: !!navigator.serviceWorker.controller };
      });
      expect(state).toEqual({ waiting: null, controlled: true });
      expect(problems).toEqual([]);
    } finally {
      await front.close();
    }
  }, 180_000);
});
