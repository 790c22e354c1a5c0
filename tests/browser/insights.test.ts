import { describe, expect, test } from 'vitest';
import { hashPassword } from '../../server/features/people/auth/passwords.js';
import { generateTeam } from '../../server/features/people/demo/generate.js';
import { newId } from '../../server/util.js';
import { expectNoAxeViolations, scrollsSideways, signedInPerson, useBrowserApp } from '../support/browser.js';
import { buildMember, buildWorkspace, PASSWORD } from '../support/factories.js';

const ctx = useBrowserApp();

/**
 * A coached team of six (the demo's people and history, two more of them) in the admin's
 * workspace, coached by a member: insights leave out a viewer's own PMs (decision 050).
 */
async function teamOfSix() {
  const admin = await buildWorkspace(ctx.app);
  const coach = await buildMember(ctx.app, admin, 'Casey Coach');
  const { db } = ctx.app.deps;
  const { workspace_id } = await db
    .selectFrom('users')
    .select('workspace_id')
    .where('id', '=', admin.id)
    .executeTakeFirstOrThrow();
  const { pmIds } = await generateTeam({
    db,
    workspaceId: workspace_id,
    coachId: coach.id,
    size: { pms: 6, rounds: 4, monthsBetweenRounds: 3 },
    passwordHash: await hashPassword(PASSWORD, 'fast-for-tests'),
    emailTag: 'insights',
  });
  const pms = await db.selectFrom('users').select(['email', 'name']).where('id', 'in', pmIds).execute();
  return { admin, pms };
}

describe('workspace insights in the browser', () => {
  test('an admin reads the counts and area spreads, as charts and as tables, by keyboard, at 375 px', async () => {
    const { admin, pms } = await teamOfSix();
    const person = await signedInPerson(ctx, admin.email);
    const { page } = person;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
    await page.getByRole('heading', { name: 'Workspace insights', level: 1 }).waitFor();

    const counts = page.getByRole('table', { name: 'Every month’s figures as a table' });
    await counts.waitFor();
    // "Sep" or "Sept": ICU versions differ, so the row is found by the month's first three letters.
    const now = new Date();
    const short = now.toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' }).slice(0, 3);
    const thisMonth = `${short}\\S* ${now.getUTCFullYear()}`;
    const row = counts.getByRole('row', { name: new RegExp(`^${thisMonth}`) });
    expect((await row.getByRole('cell').allTextContents())[0]).toBe('6');
    // Every chart is an image with words, and its figures are in a table.
    expect(await page.getByRole('img', { name: /^Active pairs per month/ }).count()).toBe(1);
    const areas = page.getByRole('table', { name: /lower quartile – median – upper quartile/ });
    expect(await areas.getByRole('row').count()).toBeGreaterThan(4);
    expect(await areas.textContent()).toMatch(/\d+(\.5)? – \d+(\.5)? – \d+(\.5)?/);
    // No one is named: not a PM’s name anywhere on the page.
    const text = (await page.locator('main').textContent()) ?? '';
    for (const pm of pms) expect(text).not.toContain(pm.name);
    await expectNoAxeViolations(page);

    // Keyboard: the coach group narrows the page, and the tables can be scrolled by keyboard.
    await page.getByLabel('Coach group').selectOption({ label: 'PMs coached by Casey Coach' });
    await counts.waitFor();
    expect(
      (
        await counts
          .getByRole('row', { name: new RegExp(`^${thisMonth}`) })
          .getByRole('cell')
          .allTextContents()
      )[0],
    ).toBe('6');
    await page.getByLabel('Coach group').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('region');

    await page.setViewportSize({ width: 375, height: 800 });
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoAxeViolations(page);
    expect(person.problems).toEqual([]);
  });

  test('a PM keeps their scores out from the account page; a PM cannot open the insights', async () => {
    const { admin, pms } = await teamOfSix();
    const pm = await signedInPerson(ctx, pms[0]!.email, { path: '/account' });
    const box = pm.page.getByRole('checkbox', {
      name: 'Let my latest scores count in the anonymous area figures',
    });
    await expect.poll(() => box.isEnabled()).toBe(true);
    expect(await box.isChecked()).toBe(true);
    await box.press('Space');
    await pm.page.getByText('Your scores are kept out of the workspace insights.').waitFor();
    expect(await box.isChecked()).toBe(false);
    await expectNoAxeViolations(pm.page);

    await pm.page.goto('/insights');
    await pm.page.getByText('Workspace insights are for workspace admins and coaches.').waitFor();
    expect(
      await pm.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).count(),
    ).toBe(0);

    const coach = await signedInPerson(ctx, admin.email, { path: '/insights' });
    await coach.page.getByText('PMs counted: 5').waitFor();
    expect([...pm.problems, ...coach.problems]).toEqual([]);
  });

  test('a PM who also coaches someone finds Insights in the navigation; a PM who coaches no one does not', async () => {
    const { pms } = await teamOfSix();
    const { db } = ctx.app.deps;
    const [coachingPm, plainPm] = await db
      .selectFrom('users')
      .select(['id', 'email', 'workspace_id', 'password_hash'])
      .where('email', 'in', [pms[0]!.email, pms[1]!.email])
      .orderBy('email')
      .execute();
    const mentee = newId();
    await db
      .insertInto('users')
      .values({
        id: mentee,
        workspace_id: coachingPm!.workspace_id,
        email: `mentee-${mentee.slice(0, 8)}@example.com`,
        name: 'Mia Mentee',
        password_hash: coachingPm!.password_hash,
        is_admin: 0,
        created_at: '2026-01-01T00:00:00.000Z',
        password_changed_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    await db
      .insertInto('pairs')
      .values({
        id: newId(),
        workspace_id: coachingPm!.workspace_id,
        coach_id: coachingPm!.id,
        pm_id: mentee,
        status: 'active',
        created_by: coachingPm!.id,
        created_at: '2026-01-01T00:00:00.000Z',
        accepted_at: '2026-01-02T00:00:00.000Z',
        ended_at: null,
      })
      .execute();
    const insightsLink = (p: { page: import('playwright-core').Page }) =>
      p.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' });

    const both = await signedInPerson(ctx, coachingPm!.email);
    await both.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Your wheel' })
      .waitFor();
    await insightsLink(both).click();
    await both.page.getByRole('heading', { name: 'Workspace insights', level: 1 }).waitFor();

    const onlyPm = await signedInPerson(ctx, plainPm!.email);
    await onlyPm.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Your wheel' })
      .waitFor();
    expect(await insightsLink(onlyPm).count()).toBe(0);
    expect([...both.problems, ...onlyPm.problems]).toEqual([]);
  });
});
