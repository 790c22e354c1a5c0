import { describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  focusedName,
  scrollsSideways,
  signedInPerson,
  useBrowserApp,
} from '../support/browser.js';
import { buildPm, buildWorkspace } from '../support/factories.js';

const ctx = useBrowserApp();

describe('the calendar feed on the account page', () => {
  test('a PM creates a feed by keyboard, copies and fetches it, then revokes it', async () => {
    const coach = await buildWorkspace(ctx.app);
    const pm = await buildPm(ctx.app, coach, 'Pia PM');
    const scheduled = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: '2027-03-03T10:00',
      timeZone: 'Europe/Berlin',
    });
    expect(scheduled.status, scheduled.text).toBe(200);

    const { page, problems } = await signedInPerson(ctx, pm.email, { path: '/account' });
    const section = page.getByRole('region', { name: 'Calendar' });
    await section.getByText('You have no calendar feed yet.').waitFor();
    await expectNoAxeViolations(page);

    // Keyboard only: Tab reaches the button, Enter creates the feed.
    const create = section.getByRole('button', { name: 'Create calendar feed' });
    for (let i = 0; i < 60 && (await focusedName(page)) !== 'Create calendar feed'; i++)
      await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Create calendar feed');
    await page.keyboard.press('Enter');
    await create.waitFor({ state: 'detached' });
    const address = section.getByLabel('Your calendar feed address');
    const url = await address.inputValue();
    expect(url).toMatch(new RegExp(`^${ctx.app.url}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    await page.getByRole('status').getByText('shown only this once', { exact: false }).waitFor();

    await section.getByRole('button', { name: 'Copy' }).click();
    await section.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await feed.text()).toContain('SUMMARY:Coaching session with Ada Admin');
    await section.getByText('How to subscribe').click();
    await section.getByText('Subscribe from web', { exact: false }).waitFor();
    await expectNoAxeViolations(page);

    // Escape leaves the confirmation without revoking.
    await section.getByRole('button', { name: 'Revoke feed' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Revoke your calendar feed?' });
    await dialog.waitFor();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await fetch(url)).status).toBe(200);

    await section.getByRole('button', { name: 'Revoke feed' }).click();
    await dialog.getByRole('button', { name: 'Revoke feed' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await section.getByText('You have no calendar feed yet.').waitFor();
    await page.getByRole('status').getByText('Calendar feed revoked.', { exact: false }).waitFor();
    expect((await fetch(url)).status).toBe(404);
    expect(problems).toEqual([]);
  });

  test('on a phone, replacing the address shows a new one and the old one stops working', async () => {
    const admin = await buildWorkspace(ctx.app);
    const { page, problems } = await signedInPerson(ctx, admin.email, { path: '/account', width: 375 });
    const section = page.getByRole('region', { name: 'Calendar' });
    await section.getByRole('button', { name: 'Create calendar feed' }).click();
    const address = section.getByLabel('Your calendar feed address');
    await address.waitFor();
    const first = await address.inputValue();
    expect(await scrollsSideways(page)).toBe(false);

    await section.getByRole('button', { name: 'Replace feed address' }).click();
    const dialog = page.getByRole('dialog', { name: 'Replace your calendar feed address?' });
    await dialog.getByRole('button', { name: 'Replace address' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => address.inputValue()).not.toBe(first);
    const second = await address.inputValue();
    expect((await fetch(first)).status).toBe(404);
    expect((await fetch(second)).status).toBe(200);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });
});
