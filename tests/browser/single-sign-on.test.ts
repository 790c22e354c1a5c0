import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildWorkspace } from '../support/factories.js';
import { startTestProvider, type TestProvider } from '../support/oidc-provider.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ensureWebBuild, expectNoAxeViolations, launchBrowser, tabTo, webRoot } from '../support/browser.js';

// Issue 23: the whole single sign-on round trip from the sign-in page, through the provider's own
// login and consent pages (oidc-provider over https), and its sign-out.
let browser: Browser;
let provider: TestProvider;
let app: TestApp;

beforeAll(async () => {
  await ensureWebBuild();
  browser = await launchBrowser();
  provider = await startTestProvider();
  app = await startTestApp({ webRoot, env: provider.env({ OIDC_ALLOWED_DOMAINS: 'acme.test' }) });
  provider.serve([`${app.url}/auth/oidc/callback`]);
  await buildWorkspace(app);
  provider.accounts.set('dana', { email: 'dana@acme.test', email_verified: true, name: 'Dana Day' });
  provider.accounts.set('eve', { email: 'eve@other.test', email_verified: true, name: 'Eve Else' });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await provider?.close();
});

/** A browser profile. The app checks the provider's certificate itself (OIDC_CA_FILE); this browser
 * is only told to accept the provider's self-signed one for its own pages. */
async function person() {
  const context = await browser.newContext({
    baseURL: app.url,
    ignoreHTTPSErrors: true,
    serviceWorkers: 'block',
  });
  // The provider's stock pages import a web font; this machine has no internet, so it is refused at once.
  await context.route(
    (url) => !['127.0.0.1', 'localhost'].includes(url.hostname),
    (route) => route.abort(),
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  return { context, page, problems };
}

/** At the provider's own pages: its login form, then its consent page. */
async function signInAtProvider(page: Awaited<ReturnType<typeof person>>['page'], login: string) {
  await page.waitForURL((url) => url.href.startsWith(provider.issuer));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('anything');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

it('signs in with the provider from the sign-in page, by keyboard', async () => {
  const { context, page, problems } = await person();
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in with Acme SSO' }).waitFor();
  await expectNoAxeViolations(page);
  await tabTo(page, 'Sign in with Acme SSO');
  await page.keyboard.press('Enter');
  await signInAtProvider(page, 'dana');
  await page.waitForURL(`${app.url}/`);
  await page.getByRole('heading', { name: 'Hello, Dana' }).waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it("signs out of Wheelhouse, then offers the provider's sign-out, which ends that session too", async () => {
  const { context, page, problems } = await person();
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in with Acme SSO' }).click();
  await signInAtProvider(page, 'dana');
  await page.getByRole('heading', { name: 'Hello, Dana' }).waitFor();

  await page.getByRole('button', { name: 'Sign out' }).click();
  const offer = page.getByRole('link', { name: 'Sign out of Acme SSO too' });
  await offer.waitFor();
  expect(
    await page.getByRole('status').filter({ hasText: 'You are signed out of Wheelhouse.' }).count(),
  ).toBe(1);
  await expectNoAxeViolations(page);
  await offer.click();
  // The provider's own page (the ID token went along as its hint): it asks, the person confirms.
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await page.getByRole('heading', { name: 'Sign-out Success' }).waitFor();

  // Signed out at the provider too: the next single sign-on asks for the login again.
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in with Acme SSO' }).click();
  await page.locator('input[name="login"]').waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it('tells someone not invited why, on the sign-in page, and signs no one in', async () => {
  const { context, page, problems } = await person();
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in with Acme SSO' }).click();
  await signInAtProvider(page, 'eve');
  await page.waitForURL(`${app.url}/sign-in?sso=not-invited`);
  await page
    .getByRole('alert')
    .getByText(/not invited/)
    .waitFor();
  expect(await page.getByRole('alert').textContent()).toBe(
    'Your Acme SSO account is not invited to this Wheelhouse. Ask your coach or workspace admin for an invitation, then try again.',
  );
  expect(await page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
  await context.close();
});
