import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { producers } from '../../server/cadence.js';
import { runSweep } from '../../server/features/cadence/deliveries/outbox.js';
import {
  ensureWebBuild,
  expectNoAxeViolations,
  focusedName,
  launchBrowser,
  signedInPerson,
  webRoot,
} from '../support/browser.js';
import { buildPm, buildRound, buildWorkspace } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

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

describe('your-turn notices in the browser', () => {
  test('the PM’s inbox shows the reveal with a working link; what is coming on the home; a kind turned off by keyboard', async () => {
    const coach = await buildWorkspace(ctx.app);
    const pm = await buildPm(ctx.app, coach, 'Pia PM');
    const round = await buildRound(pm, coach, { title: 'Autumn round' });
    const local = new Date(Date.now() + 3 * 24 * 3_600_000).toISOString().slice(0, 11) + '10:00';
    const s = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: local,
      timeZone: 'UTC',
      kind: 'monthly',
    });
    expect(s.status, s.text).toBe(200);
    await runSweep({ deps: ctx.app.deps, now: new Date(), producers, instanceId: 'browser' });

    const { page, problems } = await signedInPerson(ctx, pm.email);
    await page.getByRole('heading', { name: 'What is coming' }).waitFor();
    await page.getByRole('link', { name: /coaching session with Ada Admin/ }).waitFor();
    await page.getByText('; reminder the day before at').first().waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: /^Inbox, \d+ unread$/ }).click();
    const notice = page.getByRole('link', {
      name: 'Both sides are in: your wheel round with Ada Admin is revealed',
    });
    await notice.waitFor();
    await expectNoAxeViolations(page);
    await notice.click();
    await page.getByRole('heading', { name: 'Autumn round: your wheel', level: 1 }).waitFor();
    expect(page.url()).toContain(`/rounds/${round.id}`);

    await page.goto('/account/notifications');
    await page.getByRole('group', { name: 'When it is your turn' }).waitFor();
    const revealed = page.getByRole('checkbox', { name: 'Both sides in: the wheel revealed' });
    expect(await revealed.isChecked()).toBe(true);
    await revealed.focus();
    await page.keyboard.press('Space');
    expect(await revealed.isChecked()).toBe(false);
    for (let i = 0; i < 30 && (await focusedName(page)) !== 'Save notification settings'; i++)
      await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Save notification settings');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Notification settings saved.').waitFor();
    expect((await pm.client.get('/api/me/notifications')).body.kindsOff).toEqual(['round-revealed']);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  }, 150_000);
});
