import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ensureWebBuild, expectNoAxeViolations, launchBrowser, newPerson, scrollsSideways, signInOverHttp, webRoot } from '../support/browser.js';
import { buildWorkspace, PASSWORD } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let browser: Browser;
let app: TestApp;

beforeAll(async () => {
  await ensureWebBuild();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  app = await startTestApp({ webRoot });
});
afterEach(async () => {
  await app?.close();
});

describe('foundation in the browser', () => {
  test('first run, the admin invites a PM, the PM signs up through the link, and each sees the other', async () => {
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
    expect(await page.getByRole('region', { name: 'Your PMs' }).textContent()).toContain('No PMs yet. Invite the first one');
    await expectNoAxeViolations(page);

    await page.getByLabel('Email address').fill('pat@example.com');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const linkField = page.getByRole('textbox', { name: 'Invitation link for pat@example.com' });
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${app.url}/invite/.{20,}$`));
    expect(await page.getByRole('region', { name: 'Invite a PM' }).textContent()).toContain("Email isn't set up on this server");
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await page.getByRole('status').getByText('Link copied to the clipboard.').waitFor();
    await page.getByRole('button', { name: 'Revoke invitation for pat@example.com' }).waitFor();
    await expectNoAxeViolations(page);

    const pat = await newPerson(browser, app.url);
    await pat.page.goto(link);
    await pat.page.getByRole('heading', { name: 'Join Acme Product' }).waitFor();
    expect(await pat.page.getByRole('main').textContent()).toContain('Ada Lovelace invited you to Acme Product');
    expect(await pat.page.getByLabel('Email').inputValue()).toBe('pat@example.com');
    expect(await pat.page.getByLabel('Email').isEditable()).toBe(false);
    await expectNoAxeViolations(pat.page);
    await pat.page.getByLabel('Your name').fill('Pat Park');
    await pat.page.getByLabel('Password').fill(PASSWORD);
    await pat.page.getByRole('button', { name: 'Create account' }).click();

    await pat.page.getByRole('heading', { name: 'Hello, Pat' }).waitFor();
    expect(new URL(pat.page.url()).pathname).toBe('/');
    const coachSection = pat.page.getByRole('region', { name: 'Your coach' });
    expect(await coachSection.textContent()).toMatch(/Ada Lovelace.*Your coach since/);
    await expectNoAxeViolations(pat.page);

    await page.reload();
    await page.getByRole('region', { name: 'Your PMs' }).getByRole('link', { name: 'Pat Park' }).waitFor();
    expect(await page.getByRole('region', { name: 'Open invitations' }).textContent()).toContain('No open invitations');
    await expectNoAxeViolations(page);
    expect([...ada.problems, ...pat.problems]).toEqual([]);
  });

  test('signing in shows the server message on a wrong password; signing out ends the session', async () => {
    const admin = await buildWorkspace(app);
    const { page, problems } = await newPerson(browser, app.url);
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
});
