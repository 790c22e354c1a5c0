import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, signedInPerson, useBrowserApp } from '../support/browser.js';
import { buildMember, buildPm, buildWorkspace } from '../support/factories.js';

const ctx = useBrowserApp();

describe('the admin area in the browser', () => {
  test('an admin manages members, invites a coach and pairs two members; the PM accepts on their home', async () => {
    const { app } = ctx;
    const admin = await buildWorkspace(app);
    const pat = await buildPm(app, admin, 'Pat Park');
    await buildMember(app, admin, 'Casey Coach');

    const { page, problems } = await signedInPerson(ctx, admin.email, { path: '/admin' });
    await page.getByRole('heading', { name: 'Admin', level: 1 }).waitFor();
    expect(await page.title()).toBe('Admin · Wheelhouse');
    await page.getByRole('note').getByText('Admins never see assessments, plans or notes.').waitFor();
    const members = page.getByRole('region', { name: 'Members', exact: true });
    await members.getByText('Casey Coach').waitFor();
    expect(await page.getByRole('region', { name: 'Who coaches whom' }).textContent()).toContain(
      'Ada Admin coaches Pat Park',
    );
    expect(await page.locator('a[href^="/pms/"]').count()).toBe(0);
    await expectNoAxeViolations(page);

    // The last admin cannot step down; the server's reason shows next to them.
    await page.getByRole('button', { name: 'Remove admin from Ada Admin' }).click();
    await members
      .getByRole('alert')
      .getByText('A workspace needs at least one admin.', { exact: false })
      .waitFor();
    await page.getByRole('button', { name: 'Make Casey Coach an admin' }).click();
    await page.getByRole('button', { name: 'Remove admin from Casey Coach' }).waitFor();
    await page.getByRole('status').getByText('Casey Coach is now an admin.').waitFor();

    const invite = page.getByRole('region', { name: 'Invite someone' });
    await invite.getByRole('radio', { name: 'A member (for example another coach)' }).check();
    await invite.getByLabel('Email address').fill('cleo@example.com');
    await invite.getByRole('button', { name: 'Create invitation' }).click();
    await invite.getByRole('textbox', { name: 'Invitation link for cleo@example.com' }).waitFor();
    await page
      .getByRole('region', { name: 'Invitations', exact: true })
      .getByText('Member, invited by Ada Admin', { exact: false })
      .first()
      .waitFor();

    const pairing = page.getByRole('region', { name: 'Pair two members' });
    await pairing.getByLabel('Coach', { exact: true }).selectOption({ label: 'Casey Coach' });
    await pairing.getByLabel('PM', { exact: true }).selectOption({ label: 'Pat Park' });
    await pairing.getByRole('button', { name: 'Pair them' }).click();
    await page
      .getByRole('region', { name: 'Who coaches whom' })
      .getByText('waiting for Pat Park to accept', { exact: false })
      .waitFor();
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);

    const pm = await signedInPerson(ctx, pat.email);
    await pm.page.getByText('Ada Admin suggested Casey Coach as your coach').waitFor();
    expect(await pm.page.getByRole('navigation', { name: 'Main' }).textContent()).not.toContain('Admin');
    await expectNoAxeViolations(pm.page);
    await pm.page.getByRole('button', { name: 'Accept Casey Coach as your coach' }).click();
    await pm.page.getByRole('status').getByText('Casey Coach is now your coach.').waitFor();
    const coaches = pm.page.getByRole('region', { name: 'Your coaches' });
    await coaches.getByText('Casey Coach').waitFor();
    expect(await coaches.textContent()).toContain('Ada Admin');

    await pm.page.goto('/admin');
    await pm.page.getByRole('heading', { name: 'Page not found' }).waitFor();
  });
});
