import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  ensureWebBuild,
  expectNoAxeViolations,
  launchBrowser,
  newPerson,
  signedInPerson,
  tabTo,
  webRoot,
} from '../support/browser.js';
import { buildMember, buildWorkspace, PASSWORD } from '../support/factories.js';
import { startSmtpServer } from '../support/smtp.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const NEW_PASSWORD = 'my brand new password';
const ctx = {} as { browser: Browser; app: TestApp; smtp?: Awaited<ReturnType<typeof startSmtpServer>> };
beforeAll(async () => {
  await ensureWebBuild();
  ctx.browser = await launchBrowser();
});
afterAll(async () => {
  await ctx.browser?.close();
});
afterEach(async () => {
  await ctx.app?.close();
  await ctx.smtp?.close();
  ctx.smtp = undefined;
});

async function resetLinkIn(smtp: NonNullable<typeof ctx.smtp>, to: string) {
  for (let i = 0; i < 100; i++) {
    const mail = smtp.inbox.find((m) => m.to.includes(to) && m.raw.includes('reset-password/'));
    if (mail)
      return /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{40,}/.exec(mail.raw.replace(/=\r?\n/g, ''))![0];
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no reset mail arrived');
}

describe('password reset in the browser', () => {
  test('from the sign-in page to signing in with the new password: the old one refused, the link dead after use', async () => {
    ctx.smtp = await startSmtpServer();
    ctx.app = await startTestApp({ webRoot, smtpUrl: ctx.smtp.url });
    const admin = await buildWorkspace(ctx.app);
    const mia = await buildMember(ctx.app, admin, 'Mia Member');
    const { page, problems } = await newPerson(ctx.browser, ctx.app.url);

    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await tabTo(page, 'Forgot password?');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('Email').fill(mia.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('status').getByText('a link to set a new password is on its way').waitFor();
    await expectNoAxeViolations(page);

    const link = await resetLinkIn(ctx.smtp, mia.email);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Set a new password' }).waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe(mia.email);
    await expectNoAxeViolations(page);
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('heading', { name: 'Your new password is set' }).waitFor();
    await page.getByRole('link', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(mia.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That email and password do not match an account.').waitFor();
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Hello, Mia' }).waitFor();

    await page.goto(link);
    await page.getByRole('heading', { name: "This link can't be used" }).waitFor();
    await page.getByText('This link has expired or was already used.').waitFor();
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });

  test('without mail the page says to ask an admin; the admin makes a link to copy, and manages SCIM tokens', async () => {
    ctx.app = await startTestApp({ webRoot });
    const admin = await buildWorkspace(ctx.app);
    await buildMember(ctx.app, admin, 'Mia Member');
    const visitor = await newPerson(ctx.browser, ctx.app.url);
    await visitor.page.goto('/forgot-password');
    await visitor.page.getByText('Ask your workspace admin for a reset link').waitFor();
    await expectNoAxeViolations(visitor.page);

    const { page, problems } = await signedInPerson(ctx, admin.email, { path: '/admin' });
    await page.getByRole('heading', { name: 'Admin' }).waitFor();
    await page.getByRole('button', { name: 'Make a password reset link for Mia Member' }).click();
    const field = page.getByRole('textbox', { name: 'Password reset link for Mia Member' });
    await field.waitFor();
    const link = await field.inputValue();
    expect(link).toMatch(new RegExp(`^${ctx.app.url}/reset-password/.{40,}$`));

    const scim = page.getByRole('region', { name: 'Provisioning (SCIM)' });
    await scim.getByText(`${ctx.app.url}/scim/v2`).waitFor();
    await scim.getByLabel('Name').fill('Okta');
    await scim.getByRole('button', { name: 'Create token' }).click();
    const token = await scim.getByRole('textbox', { name: 'New token' }).inputValue();
    expect(token).toMatch(/^scim_.{40,}$/);
    await expectNoAxeViolations(page);
    const res = await fetch(`${ctx.app.url}/scim/v2/Users`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    await scim.getByRole('button', { name: 'Revoke the token Okta' }).click();
    await scim.getByText(/revoked/).waitFor();
    expect(
      (await fetch(`${ctx.app.url}/scim/v2/Users`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(401);

    // Mia uses the copied link.
    await visitor.page.goto(link);
    await visitor.page.getByLabel('New password').fill(NEW_PASSWORD);
    await visitor.page.getByRole('button', { name: 'Set password' }).click();
    await visitor.page.getByRole('heading', { name: 'Your new password is set' }).waitFor();
    expect(problems).toEqual([]);
    expect(visitor.problems).toEqual([]);
  });
});
