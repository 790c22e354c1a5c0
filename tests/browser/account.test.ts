import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, signedInPerson, useBrowserApp } from '../support/browser.js';
import { buildWorkspace, PASSWORD } from '../support/factories.js';

const ctx = useBrowserApp();

describe('the account page in the browser', () => {
  test('changing the password keeps this browser signed in and signs out every other session', async () => {
    const admin = await buildWorkspace(ctx.app);
    const { page, problems } = await signedInPerson(ctx, admin.email);
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
    expect(await page.getByRole('region', { name: 'Change password' }).textContent()).toContain(
      'Every other browser or device',
    );
    await expectNoAxeViolations(page);

    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password').fill('a brand new password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('alert').getByText('Current password is not your current password').waitFor();

    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').getByText('Password changed.', { exact: false }).waitFor();
    expect(await page.getByLabel('Current password').inputValue()).toBe('');

    expect((await admin.client.get('/api/pairs')).status).toBe(401);
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'Hello, Ada' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Hello, Ada' }).waitFor();
    expect(problems).toEqual([]);
  });
});
