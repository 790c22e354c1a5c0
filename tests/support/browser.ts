import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { projectRoot } from '../../server/build-web.js';
import { chromium, chromiumOptions } from './chromium.js';
import { PASSWORD } from './factories.js';
import { startTestApp, type TestApp } from './test-app.js';

/** Where `npx vite build` puts the web app (served by the test app). */
export const webRoot = join(projectRoot, 'dist', 'web');

/** Builds the web app once if no build is present (npm test builds it before the tests run). */
export async function ensureWebBuild() {
  if (existsSync(join(webRoot, 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
}

/**
 * The run's shared Chromium (global-chromium.ts) when there is one, else a Chromium of the
 * file's own. Closing a shared one only disconnects (and closes this file's contexts).
 */
export function launchBrowser(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  return endpoint ? chromium.connect(endpoint) : chromium.launch(chromiumOptions);
}

/** A download's bytes (download.path() is not there on a shared, connected Chromium). */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A fresh browser profile on the app whose pages record console errors and uncaught exceptions
 * (a CSP violation shows up as a console error), so a test can assert the page ran cleanly.
 */
export async function newPerson(
  browser: Browser,
  baseURL: string,
  options: { width?: number; serviceWorkers?: 'allow' | 'block' } = {},
) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: options.width ?? 1280, height: 900 },
    // The service worker would fetch every built file into each fresh profile; only the tests of
    // the installable app itself (installable.test.ts) let it run.
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !isExpectedHttpError(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return { context, page, problems };
}

// Chromium logs every 4xx answer as a console error; an API refusal the page handles is not a fault.
const isExpectedHttpError = (text: string) =>
  /Failed to load resource: the server responded with a status of 4\d\d/.test(text);

/** Signs a browser profile in over HTTP (no form), sharing the profile's cookie jar. */
export async function signInOverHttp(context: BrowserContext, email: string, password = PASSWORD) {
  const session = await context.request.get('/api/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await context.request.post('/api/auth/sign-in', {
    data: { email, password },
    headers: { 'x-csrf-token': csrfToken },
  });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
}

/**
 * WCAG 2.2 AA (target size included) and axe's best practices, which ran before by default: axe's
 * default run leaves the WCAG 2.2 rules out.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Fails with a readable list when axe finds any accessibility violation on the page. Legacy mode
 * runs axe in the page itself: the default mode opens a new blank page per run to gather the
 * results of every frame (our pages have none), and only violations are gathered in full. The same
 * rules, five times faster (12.4 s → 2.4 s per run on a 355-control page, decision 066).
 */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(AXE_TAGS)
    .options({ resultTypes: ['violations'] })
    .setLegacyMode(true)
    .analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.map(
    (v) =>
      `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`,
  );
  throw new Error(`Accessibility violations on ${page.url()}:\n${lines.join('\n')}`);
}

/**
 * Opens the main menu when it is collapsed (narrow screens), so its links can be clicked; does
 * nothing when the whole list shows.
 */
export async function openMenu(page: Page) {
  const toggle = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Menu/ });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false')
    await toggle.click();
}

/** True when the page is wider than the viewport (it scrolls sideways). */
export const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/**
 * Registers the hooks of a browser test file: the run's Chromium for the file, a fresh app (and
 * database) for every test. Read `browser` and `app` inside tests.
 */
export function useBrowserApp() {
  const ctx = {} as { browser: Browser; app: TestApp };
  beforeAll(async () => {
    await ensureWebBuild();
    ctx.browser = await launchBrowser();
  });
  afterAll(async () => {
    await ctx.browser?.close();
  });
  beforeEach(async () => {
    ctx.app = await startTestApp({ webRoot });
  });
  afterEach(async () => {
    await ctx.app?.close();
  });
  return ctx;
}

/** A browser profile already signed in as `email` (over HTTP), on `path`. */
export async function signedInPerson(
  ctx: { browser: Browser; app: TestApp },
  email: string,
  options: { path?: string; width?: number } = {},
) {
  const person = await newPerson(ctx.browser, ctx.app.url, options);
  await signInOverHttp(person.context, email);
  await person.page.goto(options.path ?? '/');
  return person;
}

/** How the focused element is named: its label, aria-label or text. */
export const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as (HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }) | null;
    if (!el || el === document.body) return '';
    return (el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  });

/** Tabs forward until the focused control is named `name` (keyboard only); fails after `tries` presses. */
export async function tabTo(page: Page, name: string | RegExp, tries = 120) {
  for (let i = 0; i < tries; i++) {
    await page.keyboard.press('Tab');
    const focused = await focusedName(page);
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`never reached ${name} with Tab`);
}
