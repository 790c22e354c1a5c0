import { describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  focusedName,
  scrollsSideways,
  signedInPerson,
  tabTo,
  useBrowserApp,
} from '../support/browser.js';
import { buildMember, buildPm, buildRound, buildWorkspace, PASSWORD, signIn } from '../support/factories.js';

const ctx = useBrowserApp();

describe('erasing an account in the browser', () => {
  test('on a phone, by keyboard: the words come from my data, a wrong password changes nothing, then the account is gone', async () => {
    const admin = await buildWorkspace(ctx.app);
    const coach = await buildMember(ctx.app, admin, 'Cora Coach');
    const pm = await buildPm(ctx.app, coach, 'Pia Park');
    await buildRound(pm, coach, {});
    expect((await pm.client.post(`/api/pms/${pm.id}/reflections`, { body: 'Mine alone' })).status).toBe(200);

    const { page, problems } = await signedInPerson(ctx, pm.email, { path: '/account', width: 375 });
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
    await tabTo(page, 'Erase my account and my coaching data');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Erase your account', level: 1 }).waitFor();

    const goes = page.getByRole('region', { name: 'What is erased' });
    await goes.getByText('1 assessment round', { exact: false }).waitFor();
    expect(await goes.textContent()).toContain('1 reflection');
    expect(await page.getByRole('region', { name: 'What stays' }).textContent()).toContain(
      'cannot be called back',
    );
    await page.getByRole('button', { name: 'Export everything' }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoAxeViolations(page);

    // A wrong password: the form says so, and the account is still there.
    await tabTo(page, 'I understand my account and my coaching data are erased for good');
    await page.keyboard.press('Space');
    await tabTo(page, 'Your password');
    await page.keyboard.type('not my password');
    await page.keyboard.press('Enter');
    await page
      .getByRole('alert')
      .getByText('Password does not match your account. Nothing was erased.')
      .waitFor();
    // Focus stays in the password field, to type it again.
    expect(await focusedName(page)).toBe('Your password');
    await expectNoAxeViolations(page);
    expect((await pm.client.get('/api/session')).body.me?.id).toBe(pm.id);

    // The right one: signed out, on a page that says the account is gone.
    await page.keyboard.press('Control+A');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your account is gone', level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/account\/erased$/);
    await page.getByText('You are signed out.', { exact: false }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoAxeViolations(page);
    expect((await signIn(ctx.app, pm.email)).res.status).toBe(401);

    await page.getByRole('link', { name: 'Go to the sign-in page' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(problems).toEqual([]);
  });

  test('an admin removes a member from the Members page after reading what it means', async () => {
    const admin = await buildWorkspace(ctx.app);
    const coach = await buildMember(ctx.app, admin, 'Rita Removed');
    const pm = await buildPm(ctx.app, coach, 'Pete Stays');
    const { page, problems } = await signedInPerson(ctx, admin.email, { path: '/admin' });
    await page.getByRole('button', { name: 'Remove Rita Removed from the workspace' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Rita Removed?' });
    expect(await dialog.textContent()).toContain('they can still sign in to export it');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Remove from workspace' }).click();
    await page
      .getByRole('status')
      .getByText('Rita Removed was removed from the workspace. 1 pairing(s) ended.')
      .waitFor();
    // The list reloads after the announcement: wait until she is gone from it.
    await expect
      .poll(() => page.getByRole('button', { name: 'Remove Rita Removed from the workspace' }).count())
      .toBe(0);
    expect((await pm.client.get('/api/pairs')).body[0].status).toBe('ended');
    expect(problems).toEqual([]);
  });
});
