import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { signedInPerson, useBrowserApp } from '../support/browser.js';
import { buildPm, buildWorkspace } from '../support/factories.js';

const ctx = useBrowserApp();

/**
 * Issue 19, row 13, in Chromium: a page on the same host but another port (same-site,
 * cross-origin) makes a signed-in coach's browser read a PM's plan with <img>, a no-cors fetch
 * and a navigation. None of the three may show the plan or write "plan:read" into the PM's log.
 */
describe('reads started by a page on another port', () => {
  test('write nothing into the PM’s access log (3 of 3); the coach’s own page still does', async () => {
    const coach = await buildWorkspace(ctx.app);
    const pm = await buildPm(ctx.app, coach, 'Pat PM');
    const made = await pm.client.post(`/api/pms/${pm.id}/plan`, {
      headline: 'Grow',
      themes: [{ title: 'Talk to users', actions: [] }],
    });
    expect(made.status, made.text).toBe(200);
    const planUrl = `${ctx.app.url}/api/pms/${pm.id}/plan`;
    const planReads = async () =>
      (
        await ctx.app.deps.db
          .selectFrom('access_log')
          .select('id')
          .where('pm_id', '=', pm.id)
          .where('actor_id', '=', coach.id)
          .where('action', '=', 'plan:read')
          .execute()
      ).length;

    const host = new URL(ctx.app.url).hostname;
    const evil = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(`<!doctype html><title>Cat pictures</title>
<img src="${planUrl}" alt="">
<script>fetch(${JSON.stringify(planUrl)}, { mode: 'no-cors', credentials: 'include' }).finally(() => { document.title = 'fetched'; });</script>
<a id="go" href="${planUrl}">Open</a>`);
    });
    await new Promise<void>((resolve) => evil.listen(0, host, resolve));
    const evilUrl = `http://${host}:${(evil.address() as AddressInfo).port}/`;

    try {
      const person = await signedInPerson(ctx, coach.email);
      const before = await planReads();
      const { page } = person;
      await page.goto(evilUrl);
      await expect.poll(() => page.title()).toBe('fetched');
      await page.waitForLoadState('networkidle');
      expect(await planReads()).toBe(before); // <img> and no-cors fetch
      await page.click('#go');
      await page.waitForURL(planUrl);
      expect(await page.content()).not.toContain('Talk to users');
      expect(await planReads()).toBe(before);

      // The coach's own plan page reads it (and logs it): the check above could have failed.
      await page.goto(`/pms/${pm.id}/plan`);
      await page.getByText('Talk to users').first().waitFor();
      await expect.poll(planReads).toBeGreaterThan(before);
    } finally {
      await new Promise((resolve) => evil.close(resolve));
    }
  });
});
