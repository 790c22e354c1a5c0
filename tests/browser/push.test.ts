import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  newPerson,
  signInOverHttp,
  tabTo,
  useBrowserApp,
} from '../support/browser.js';
import { buildWorkspace } from '../support/factories.js';

const ctx = useBrowserApp();

/** The service worker's registration id, as DevTools knows it (for ServiceWorker.deliverPushMessage). */
async function pushTo(context: BrowserContext, page: Page, origin: string) {
  const cdp = await context.newCDPSession(page);
  const registrationId = new Promise<string>((resolve) =>
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    }),
  );
  await cdp.send('ServiceWorker.enable');
  const id = await registrationId;
  return (message: unknown) =>
    cdp.send('ServiceWorker.deliverPushMessage', {
      origin,
      registrationId: id,
      data: JSON.stringify(message),
    });
}

/** The notifications the worker shows now, as the page's registration lists them. */
const shown = (page: Page) =>
  page.evaluate(async () =>
    (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      link: (n.data as { link: string }).link,
    })),
  );

describe('push in the browser', () => {
  test('the worker shows a pushed notification (the text only when sent) and a click opens its page on this origin', async () => {
    const ada = await buildWorkspace(ctx.app);
    const { page, context, problems } = await newPerson(ctx.browser, ctx.app.url, {
      serviceWorkers: 'allow',
    });
    await context.grantPermissions(['notifications'], { origin: ctx.app.url });
    await signInOverHttp(context, ada.email);
    await page.goto('/account/notifications');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const section = page.getByRole('region', { name: 'Push on this device' });
    await section.getByText('Off for this browser.').waitFor();
    await expectNoAxeViolations(page);

    const push = await pushTo(context, page, ctx.app.url);
    await push({ title: 'A nudge from Cora', link: '/pms/p1/timeline' });
    await expect
      .poll(() => shown(page), { timeout: 10_000 })
      .toEqual([{ title: 'A nudge from Cora', body: '', link: '/pms/p1/timeline' }]);
    await push({ title: 'A reminder', link: '/pms/p2/plan', text: 'Your action is due tomorrow' });
    await expect
      .poll(() => shown(page), { timeout: 10_000 })
      .toContainEqual({ title: 'A reminder', body: 'Your action is due tomorrow', link: '/pms/p2/plan' });
    // A link to another origin opens the home page instead.
    await push({ title: 'Odd', link: 'https://evil.example/x' });
    await expect.poll(async () => (await shown(page)).length, { timeout: 10_000 }).toBe(3);

    // The click handler opens notificationTarget(notification): evaluated in the worker itself.
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const targets = await worker.evaluate(async () => {
      const scope = self as unknown as {
        registration: ServiceWorkerRegistration;
        notificationTarget: (n: Notification) => string;
      };
      return (await scope.registration.getNotifications()).map((n) => [n.title, scope.notificationTarget(n)]);
    });
    expect(Object.fromEntries(targets)).toEqual({
      'A nudge from Cora': `${ctx.app.url}/pms/p1/timeline`,
      'A reminder': `${ctx.app.url}/pms/p2/plan`,
      Odd: `${ctx.app.url}/`,
    });
    expect(problems).toEqual([]);
  }, 120_000);

  test('the section says in words what the browser answered: blocked, off, a push service that fails', async () => {
    const ada = await buildWorkspace(ctx.app);
    const { page, context, problems } = await newPerson(ctx.browser, ctx.app.url, {
      serviceWorkers: 'allow',
    });
    await signInOverHttp(context, ada.email);
    await page.goto('/account/notifications');
    const section = page.getByRole('region', { name: 'Push on this device' });
    // Headless Chromium answers "denied" until the test grants notifications.
    await section.getByText('Blocked by the browser: change it in site settings.').waitFor();
    expect(await section.getByRole('button').count()).toBe(0);

    await context.grantPermissions(['notifications'], { origin: ctx.app.url });
    await page.reload();
    await section.getByText('Off for this browser.').waitFor();
    // Headless Chromium has no push service (no vendor's server behind it): subscribing fails.
    await section.getByRole('button', { name: 'Turn on push for this browser' }).click();
    await section.getByText('This browser could not reach its push service. Try again later.').waitFor();
    await expectNoAxeViolations(page);
    const stored = await ctx.app.deps.db.selectFrom('push_subscriptions').selectAll().execute();
    expect(stored).toEqual([]);
    // Chromium's own words about its incognito-like profiles, not the page's: the page said it.
    expect(problems.filter((p) => !p.includes('does not support the Push API in incognito'))).toEqual([]);
  }, 120_000);

  test('with a push service: on for this browser, the text shown by choice, off again (keyboard only)', async () => {
    const ada = await buildWorkspace(ctx.app);
    const { page, context, problems } = await newPerson(ctx.browser, ctx.app.url, {
      serviceWorkers: 'allow',
    });
    await context.grantPermissions(['notifications'], { origin: ctx.app.url });
    // Headless Chromium has no push service, so this browser's PushManager gets a stand-in: a
    // subscription with real P-256 keys made by WebCrypto and an address of its own (never called).
    await context.addInitScript(() => {
      const b64 = (bytes: ArrayBuffer) =>
        btoa(String.fromCharCode(...new Uint8Array(bytes)))
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '');
      // Kept in localStorage, as the browser keeps a subscription across reloads.
      const saved = 'stand-in-push-subscription';
      const asSubscription = (json: { endpoint: string; keys: Record<string, string> }) =>
        ({
          endpoint: json.endpoint,
          toJSON: () => json,
          unsubscribe: async () => (localStorage.removeItem(saved), true),
        }) as unknown as PushSubscription;
      PushManager.prototype.getSubscription = async function () {
        const json = localStorage.getItem(saved);
        return json ? asSubscription(JSON.parse(json)) : null;
      };
      PushManager.prototype.subscribe = async function () {
        const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
          'deriveBits',
        ]);
        const json = {
          endpoint: 'https://push.example.com/send/this-browser',
          keys: {
            p256dh: b64(await crypto.subtle.exportKey('raw', pair.publicKey)),
            auth: b64(crypto.getRandomValues(new Uint8Array(16)).buffer),
          },
        };
        localStorage.setItem(saved, JSON.stringify(json));
        return asSubscription(json);
      };
    });
    await signInOverHttp(context, ada.email);
    await page.goto('/account/notifications');
    const section = page.getByRole('region', { name: 'Push on this device' });
    await section.getByText('Off for this browser.').waitFor();
    const rows = () =>
      ctx.app.deps.db.selectFrom('push_subscriptions').select(['endpoint', 'show_text']).execute();

    await tabTo(page, 'Turn on push for this browser');
    await page.keyboard.press('Enter');
    await section.getByText('On for this browser.').waitFor();
    expect(await rows()).toEqual([{ endpoint: 'https://push.example.com/send/this-browser', show_text: 0 }]);
    await section.getByText('Off: a title and a link only. The words stay in Wheelhouse.').waitFor();
    await expectNoAxeViolations(page);

    await tabTo(page, 'Show the text in notifications');
    await page.keyboard.press('Space');
    await section.getByText(/The words of nudges and reminders show on this screen/).waitFor();
    await expect
      .poll(rows, { timeout: 10_000 })
      .toEqual([{ endpoint: 'https://push.example.com/send/this-browser', show_text: 1 }]);
    // The page reads the stored choice back for this browser.
    await page.reload();
    await expect
      .poll(() => section.getByRole('checkbox', { name: 'Show the text in notifications' }).isChecked(), {
        timeout: 10_000,
      })
      .toBe(true);

    await tabTo(page, 'Turn off push for this browser');
    await page.keyboard.press('Enter');
    await section.getByText('Off for this browser.').waitFor();
    expect(await rows()).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);
});
