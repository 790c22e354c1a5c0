import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { enqueueDelivery } from '../../server/features/cadence/deliveries/outbox.js';
import {
  ensureWebBuild,
  expectNoAxeViolations,
  focusedName,
  launchBrowser,
  scrollsSideways,
  signedInPerson,
  webRoot,
  openMenu,
} from '../support/browser.js';
import { buildPm, buildWorkspace } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookSink } from '../support/webhook-sink.js';

// Like useBrowserApp, but the app may call the loopback sink that stands in for Slack.
const ctx = {} as { browser: Browser; app: TestApp; sink: Awaited<ReturnType<typeof startWebhookSink>> };
beforeAll(async () => {
  await ensureWebBuild();
  ctx.browser = await launchBrowser();
  ctx.sink = await startWebhookSink();
});
afterAll(async () => {
  await ctx.browser?.close();
  await ctx.sink?.close();
});
beforeEach(async () => {
  ctx.app = await startTestApp({ webRoot, allowPrivateWebhooks: true });
});
afterEach(async () => {
  await ctx.app?.close();
});

describe('notifications in the browser', () => {
  test('a PM sets a Slack webhook, sends a test by keyboard and hears the outcome', async () => {
    const coach = await buildWorkspace(ctx.app);
    const pm = await buildPm(ctx.app, coach, 'Pia PM');
    const { page, problems } = await signedInPerson(ctx, pm.email, { path: '/account' });
    await page.getByRole('link', { name: /Notifications: where nudges and reminders reach you/ }).click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await expectNoAxeViolations(page);
    expect(await page.getByText('Off: outside channels get only a title').count()).toBe(1);

    // A URL that cannot work gets a clear message.
    await page.getByLabel('Teams webhook URL').fill('https://no-such-host.invalid/hook');
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByRole('alert').getByText('could not be found').waitFor();
    await page.getByLabel('Teams webhook URL').fill('');

    const hookPath = `/slack/T01/B02/pia${Date.now()}`;
    await page.getByLabel('Slack webhook URL').fill(`${ctx.sink.url}${hookPath}`);
    await page.getByLabel('Include the text in email, Slack and Teams').check();
    await page.getByText('The words of nudges and reminders will leave Wheelhouse').waitFor();
    await page.getByLabel('Include the text in email, Slack and Teams').uncheck();
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByRole('status').getByText('Notification settings saved.').waitFor();
    const host = new URL(ctx.sink.url).host;
    await page.getByText(`Saved: ${host}…${hookPath.slice(-4)}`).waitFor();
    expect(await page.content()).not.toContain(hookPath);

    // To the test button by keyboard, then Enter.
    await page.getByRole('button', { name: 'Save notification settings' }).focus();
    for (let i = 0; i < 10 && (await focusedName(page)) !== 'Send a test to Slack'; i++)
      await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Send a test to Slack');
    const before = ctx.sink.received.length;
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Slack: Sent. Look for the test message in Slack.').waitFor();
    const got = ctx.sink.received.slice(before);
    expect(got.map((r) => r.path)).toEqual([hookPath]);
    expect(got[0]!.body.text).toContain('Test from Wheelhouse');
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });

  test('the inbox: empty state, then an item, the unread count in the header, mark read; readable at 375 px', async () => {
    const coach = await buildWorkspace(ctx.app);
    const pm = await buildPm(ctx.app, coach, 'Pia PM');
    const { page, problems } = await signedInPerson(ctx, pm.email, { width: 375 });
    await page.getByRole('link', { name: 'Inbox', exact: true }).click();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    await page.getByText('Nothing yet. When something waits for you, it lands here.').waitFor();
    await expectNoAxeViolations(page);
    expect(await scrollsSideways(page)).toBe(false);

    await enqueueDelivery({
      db: ctx.app.deps.db,
      now: new Date(),
      delivery: {
        recipientId: pm.id,
        kind: 'nudge',
        key: `nudge:browser:${pm.id}`,
        title: 'A nudge from Ada',
        text: 'How did the stakeholder map go?',
        link: '/inbox',
      },
    });
    // The count is read on navigation.
    await openMenu(page);
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('link', { name: 'Inbox, 1 unread' }).click();
    await page.getByRole('heading', { name: 'A nudge from Ada' }).waitFor();
    await page.getByText('How did the stakeholder map go?').waitFor();
    await expectNoAxeViolations(page);
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByRole('status').getByText('Everything is marked read.').waitFor();
    await page.getByRole('link', { name: 'Inbox', exact: true }).waitFor();
    await page.getByText('All read.').waitFor();

    await page.goto('/account/notifications');
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });
});
