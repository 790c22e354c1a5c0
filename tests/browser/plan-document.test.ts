import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { newPerson, useBrowserApp } from '../support/browser.js';

const ctx = useBrowserApp();

/** The demo's first PM, on her own plan (POST /api/demo?as=pm), at a given width. */
async function demoPlan(width: number) {
  const { context, page, problems } = await newPerson(ctx.browser, ctx.app.url, { width });
  const session = await context.request.get('/api/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const started = await context.request.post('/api/demo?as=pm', { headers: { 'x-csrf-token': csrfToken } });
  expect(started.status(), await started.text()).toBe(200);
  const me = (await (await context.request.get('/api/session')).json()) as { me: { id: string } };
  await page.goto(`/pms/${me.me.id}/plan`);
  await page.getByRole('heading', { name: /^Themes/ }).first().waitFor();
  return { page, problems };
}

const height = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

describe('the plan as a document', () => {
  test('measure', async () => {
    for (const width of [1280, 375]) {
      const { page } = await demoPlan(width);
      console.log(`plan height at ${width}px: ${await height(page)}`);
    }
  });
});
