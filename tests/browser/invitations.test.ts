import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, newPerson, signedInPerson, useBrowserApp } from '../support/browser.js';
import { buildPm, buildWorkspace, signUpThrough } from '../support/factories.js';

const ctx = useBrowserApp();

describe('invitation links in the browser', () => {
  test('a revoked link says it was withdrawn; used, expired and unknown links each get a clear page', async () => {
    const { app } = ctx;
    const admin = await buildWorkspace(app);
    const invite = async (email: string) =>
      (await admin.client.post('/api/invitations', { email, kind: 'pm' })).body as {
        id: string;
        link: string;
      };
    const withdrawn = await invite('wren@example.com');
    const used = await invite('uma@example.com');
    const expired = await invite('eli@example.com');
    await signUpThrough(app, used.link, 'Uma Used');
    await app.deps.db
      .updateTable('invitations')
      .set({ expires_at: '2001-01-01T00:00:00.000Z' })
      .where('id', '=', expired.id)
      .execute();

    // The coach withdraws one from their home page.
    const { page } = await signedInPerson(ctx, admin.email);
    const open = page.getByRole('region', { name: 'Open invitations' });
    await open.getByText('wren@example.com').waitFor();
    expect(await open.textContent()).not.toContain('eli@example.com');
    await page.getByRole('button', { name: 'Revoke invitation for wren@example.com' }).click();
    await page
      .getByRole('status')
      .getByText('Invitation for wren@example.com revoked. Its link no longer works.')
      .waitFor();
    await open.getByText('No open invitations.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Open invitations');

    const visitor = await newPerson(ctx.browser, app.url);
    const v = visitor.page;
    await v.goto(withdrawn.link);
    await v.getByRole('heading', { name: "This invitation can't be used" }).waitFor();
    await v.getByText('This invitation was withdrawn. Ask for a new one.').waitFor();
    await expectNoAxeViolations(v);

    await v.goto(used.link);
    await v.getByText('This invitation has already been used. Sign in instead.').waitFor();
    await v.goto(expired.link);
    await v.getByText('This invitation has expired. Ask for a new one.').waitFor();

    await v.goto(`/invite/${'x'.repeat(43)}`);
    await v.getByRole('heading', { name: "This invitation link isn't valid" }).waitFor();
    await expectNoAxeViolations(v);
    await v.getByRole('link', { name: 'Sign in' }).click();
    await v.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(visitor.problems).toEqual([]);
  });

  test('signing up shows the server message when the password is too short, and keeps what was typed', async () => {
    const admin = await buildWorkspace(ctx.app);
    const { link } = (
      await admin.client.post('/api/invitations', { email: 'sam@example.com', kind: 'member' })
    ).body as { link: string };
    const { page } = await newPerson(ctx.browser, ctx.app.url);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Join Acme Product' }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain(
      'Ada Admin invited you to join Acme Product',
    );
    await page.getByLabel('Your name').fill('Sam Sample');
    // Bypass the browser's own minlength check to see the server's message.
    await page.getByLabel('Password').evaluate((el) => el.removeAttribute('minlength'));
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('alert').getByText('Password must be at least 10 characters').waitFor();
    expect(await page.getByLabel('Your name').inputValue()).toBe('Sam Sample');
  });

  test('inviting shows progress while the server works, then its message when the person is already a member', async () => {
    const admin = await buildWorkspace(ctx.app);
    const pat = await buildPm(ctx.app, admin, 'Pat Park');
    const { page } = await signedInPerson(ctx, admin.email);
    await page.getByRole('heading', { name: 'Hello, Ada' }).waitFor();

    // Hold the request until the test has seen the progress state.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/invitations', async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue();
    });
    await page.getByLabel('Email address').fill(pat.email);
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const progress = page.getByRole('button', { name: 'Inviting…' });
    await progress.waitFor();
    expect(await progress.isDisabled()).toBe(true);
    release();
    await page
      .getByRole('alert')
      .getByText('That person is already a member. Offer to coach them from your home page instead.')
      .waitFor();
    expect(await page.getByRole('button', { name: 'Create invitation' }).isEnabled()).toBe(true);
  });
});
