import { describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  focusedName,
  newPerson,
  scrollsSideways,
  signedInPerson,
  useBrowserApp,
  openMenu,
} from '../support/browser.js';
import { buildPm, buildWorkspace, PASSWORD } from '../support/factories.js';

const ctx = useBrowserApp();

describe('foundation in the browser', () => {
  test('first run, the admin invites a PM, the PM signs up through the link, and each sees the other', async () => {
    const { app, browser } = ctx;
    const ada = await newPerson(browser, app.url);
    const { page } = ada;
    await page.goto('/');
    await page.getByRole('heading', { name: 'Set up Wheelhouse' }).waitFor();
    expect(await page.title()).toBe('Set up Wheelhouse · Wheelhouse');
    await expectNoAxeViolations(page);

    await page.getByLabel('Workspace name').fill('Acme Product');
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create workspace' }).click();

    await page.getByRole('heading', { name: 'Hello, Ada' }).waitFor();
    expect(await page.title()).toBe('Home · Wheelhouse');
    expect(await page.getByRole('banner').textContent()).toContain('Acme Product');
    await page.getByRole('heading', { name: 'Welcome to Acme Product' }).waitFor();
    expect(await page.getByRole('region', { name: 'Your PMs' }).textContent()).toContain(
      'No PMs yet. Invite the first one',
    );
    await expectNoAxeViolations(page);

    await page.getByLabel('Email address').fill('pat@example.com');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const linkField = page.getByRole('textbox', { name: 'Invitation link for pat@example.com' });
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${app.url}/invite/.{20,}$`));
    expect(await page.getByRole('region', { name: 'Invite a PM' }).textContent()).toContain(
      "Email isn't set up on this server",
    );
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await page.getByRole('status').getByText('Link copied to the clipboard.').waitFor();
    await page.getByRole('button', { name: 'Revoke invitation for pat@example.com' }).waitFor();
    await expectNoAxeViolations(page);

    const pat = await newPerson(browser, app.url);
    await pat.page.goto(link);
    await pat.page.getByRole('heading', { name: 'Join Acme Product' }).waitFor();
    expect(await pat.page.getByRole('main').textContent()).toContain(
      "Ada Lovelace invited you to join Acme Product on Wheelhouse, where they'll coach you.",
    );
    expect(await pat.page.getByLabel('Email').inputValue()).toBe('pat@example.com');
    expect(await pat.page.getByLabel('Email').isEditable()).toBe(false);
    await expectNoAxeViolations(pat.page);
    await pat.page.getByLabel('Your name').fill('Pat Park');
    await pat.page.getByLabel('Password').fill(PASSWORD);
    await pat.page.getByRole('button', { name: 'Create account' }).click();

    await pat.page.getByRole('heading', { name: 'Hello, Pat' }).waitFor();
    expect(new URL(pat.page.url()).pathname).toBe('/');
    expect(await pat.page.getByRole('region', { name: 'Your coach', exact: true }).textContent()).toMatch(
      /Ada Lovelace.*Your coach since/,
    );
    await expectNoAxeViolations(pat.page);

    await page.reload();
    await page.getByRole('region', { name: 'Your PMs' }).getByRole('link', { name: 'Pat Park' }).waitFor();
    expect(await page.getByRole('region', { name: 'Open invitations' }).textContent()).toContain(
      'No open invitations',
    );
    await expectNoAxeViolations(page);
    expect([...ada.problems, ...pat.problems]).toEqual([]);
  });

  test('signing in shows the server message on a wrong password; signing out ends the session', async () => {
    const admin = await buildWorkspace(ctx.app);
    const { page, problems } = await newPerson(ctx.browser, ctx.app.url);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('That email and password do not match an account.').waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Hello, Ada' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(problems).toEqual([]);
  });

  test('keyboard only: skip link, then the invite form with Tab and Enter, with a visible focus ring', async () => {
    const admin = await buildWorkspace(ctx.app);
    const { page } = await signedInPerson(ctx, admin.email);
    await page.getByRole('heading', { name: 'Hello, Ada' }).waitFor();

    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    for (let i = 0; i < 20 && (await focusedName(page)) !== 'Email address'; i++)
      await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Email address');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.type('kim@example.com');
    await page.keyboard.press('Enter');

    // The new link takes focus, so the next Tab reaches its Copy button.
    await expect.poll(() => focusedName(page)).toBe('Invitation link for kim@example.com');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Copy');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    await page.getByRole('region', { name: 'Open invitations' }).getByText('kim@example.com').waitFor();
  });

  test('on a 375px-wide phone, home and admin do not scroll sideways', async () => {
    const admin = await buildWorkspace(ctx.app, 'A workspace with a rather long name for a small phone');
    await buildPm(ctx.app, admin, 'Maximiliana Featherstonehaugh-Worthington');
    await admin.client.post('/api/invitations', {
      email: 'someone.with.a.very.long.address@subsidiary.example-company.com',
      kind: 'pm',
    });
    const { page } = await signedInPerson(ctx, admin.email, { width: 375 });
    await page
      .getByRole('region', { name: 'Your PMs' })
      .getByRole('link', { name: /Maximiliana/ })
      .waitFor();
    await page.getByText('someone.with.a.very.long.address@subsidiary.example-company.com').waitFor();
    expect(await scrollsSideways(page)).toBe(false);

    await openMenu(page);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Who coaches whom' }).waitFor();
    await page
      .getByRole('region', { name: 'Who coaches whom' })
      .getByText(/coaches Maximiliana/)
      .waitFor();
    expect(await scrollsSideways(page)).toBe(false);
  });
});
