import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  ensureWebBuild,
  expectNoAxeViolations,
  launchBrowser,
  newPerson,
  signedInPerson,
  signInOverHttp,
  webRoot,
} from '../support/browser.js';
import { buildMember, PASSWORD } from '../support/factories.js';
import { Client } from '../support/client.js';
import { startSmtpServer } from '../support/smtp.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 12, rows 6 and 12: with mail set up and no PUBLIC_URL, as on a real server reached by its name.
const ctx = {} as { browser: Browser; app: TestApp; smtp: Awaited<ReturnType<typeof startSmtpServer>> };
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
});
const start = async () => {
  ctx.smtp = await startSmtpServer();
  ctx.app = await startTestApp({ webRoot, smtpUrl: ctx.smtp.url, publicUrl: '' });
};

describe('invitation links in the browser', () => {
  test('the first-run page records the address the browser used; the admin page shows it and changes it', async () => {
    await start();
    const { app, browser } = ctx;
    const ada = await newPerson(browser, app.url);
    const { page } = ada;
    await page.goto('/');
    await page.getByRole('heading', { name: 'Set up Wheelhouse' }).waitFor();
    const address = page.getByLabel('Address people use to reach Wheelhouse');
    expect(await address.inputValue()).toBe(app.url);
    await page.getByLabel('Workspace name').fill('Acme Product');
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByLabel('Email', { exact: true }).fill('ada@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('heading', { name: 'Hello, Ada' }).waitFor();

    await page.goto('/admin');
    const section = page.getByRole('region', { name: 'Public address' });
    await section.getByText(`Links start with ${app.url}.`).waitFor();
    expect(await section.textContent()).toContain('Recorded when you set up Wheelhouse');
    await expectNoAxeViolations(page);
    const newAddress = app.url.replace('127.0.0.1', 'localhost');
    await section.getByLabel('Public address').fill(`${newAddress}/ignored/path`);
    await section.getByRole('button', { name: 'Save address' }).click();
    await section.getByText(`Links start with ${newAddress}.`).waitFor();

    // The admin sees the link to copy (they run the installation); it starts with the new address.
    await page.getByLabel('Email address').fill('cleo@example.com');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const link = page.getByRole('textbox', { name: 'Invitation link for cleo@example.com' });
    await link.waitFor();
    expect(await link.inputValue()).toMatch(new RegExp(`^${newAddress}/invite/.{20,}$`));
    expect(ctx.smtp.inbox.map((m) => m.to)).toEqual([['cleo@example.com']]);
    expect(ada.problems).toEqual([]);
  });

  test('a coach who invites a PM is told the link was mailed, and never sees it', async () => {
    await start();
    const { app } = ctx;
    const admin = new Client(app.url);
    await admin.start();
    const setup = await admin.post('/api/setup', {
      workspaceName: 'Acme Product',
      name: 'Ada Admin',
      email: 'ada@example.com',
      password: PASSWORD,
      publicAddress: app.url,
    });
    expect(setup.status).toBe(200);
    const coach = await buildMember(
      app,
      { id: setup.body.me.id, email: 'ada@example.com', name: 'Ada Admin', client: admin },
      'Cleo Coach',
    );
    const cleo = await signedInPerson(ctx, coach.email);
    const { page } = cleo;
    await page.getByLabel('Email address').fill('pat@example.com');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    await page.getByText('We mailed the link to pat@example.com.').waitFor();
    expect(await page.getByRole('textbox', { name: /Invitation link/ }).count()).toBe(0);
    expect(await page.getByRole('main').textContent()).not.toContain('/invite/');
    expect(ctx.smtp.inbox.filter((m) => m.to.includes('pat@example.com'))).toHaveLength(1);
    await expectNoAxeViolations(page);
    expect(cleo.problems).toEqual([]);
  });

  test('inside the demo, an invitation is never mailed: the link is shown to copy, with a note', async () => {
    await start();
    const { app, browser } = ctx;
    const admin = new Client(app.url);
    await admin.start();
    await admin.post('/api/setup', {
      workspaceName: 'Acme Product',
      name: 'Ada Admin',
      email: 'ada@example.com',
      password: PASSWORD,
    });
    const ada = await newPerson(browser, app.url);
    await signInOverHttp(ada.context, 'ada@example.com');
    const { csrfToken } = (await (await ada.context.request.get('/api/session')).json()) as {
      csrfToken: string;
    };
    const demo = await ada.context.request.post('/api/demo', { headers: { 'x-csrf-token': csrfToken } });
    expect(demo.ok()).toBe(true);
    const { page } = ada;
    await page.goto('/');
    await page.getByLabel('Email address').fill('sam@example.com');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    await page.getByRole('textbox', { name: 'Invitation link for sam@example.com' }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain(
      'This is the demo, so it never sends email: copy the link instead.',
    );
    expect(ctx.smtp.inbox).toEqual([]);
    await expectNoAxeViolations(page);
    expect(ada.problems).toEqual([]);
  });
});
