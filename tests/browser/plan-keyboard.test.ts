import { describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  focusedName,
  scrollsSideways,
  signedInPerson,
  useBrowserApp,
} from '../support/browser.js';
import { focusRingShows, pairWithWheel, startPlan, tabTo } from './plan-support.js';

const ctx = useBrowserApp();

describe('the plan editor with a keyboard and on a phone', () => {
  test('keyboard only: add a theme, fill it in, add an action, change its status, remove it; focus follows each step', async () => {
    const { pm } = await pairWithWheel(ctx.app);
    await startPlan(pm);
    const { page, problems } = await signedInPerson(ctx, pm.email, { path: `/pms/${pm.id}/plan` });
    await page.getByRole('heading', { name: 'Themes (0)' }).waitFor();

    // From the top of the page, Tab reaches the form to add a theme.
    await tabTo(page, 'Theme title', 120);
    await page.keyboard.type('Say no with reasons');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Why it matters');
    await page.keyboard.type('I take on every request.');
    await tabTo(page, 'Planning');
    await page.keyboard.press('Space');
    await tabTo(page, 'Courage');
    await page.keyboard.press('Space');
    await tabTo(page, 'Add theme');
    expect(await focusRingShows(page)).toBe(true);
    await page.keyboard.press('Enter');

    // Focus moves to the new theme's first field.
    const theme = page.getByRole('article', { name: 'Theme 1: Say no with reasons' });
    await theme.waitFor();
    await expect.poll(() => focusedName(page)).toBe('Title');
    expect(await theme.getByRole('checkbox', { name: 'Courage' }).isChecked()).toBe(true);

    // Adding an action from its form moves focus to the new action.
    await tabTo(page, 'New action');
    await page.keyboard.type('Write down why before every no');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('Action 1');
    expect(await page.getByRole('textbox', { name: 'Action 1' }).inputValue()).toBe(
      'Write down why before every no',
    );

    // The status changes with the arrow keys and saves at once.
    await tabTo(page, 'Status');
    await page.keyboard.press('ArrowDown');
    await theme.getByRole('listitem').getByText('Saved').waitFor();
    const saved = await pm.client.get(`/api/pms/${pm.id}/plan`);
    expect(saved.body.plan.themes[0].actions[0].status).toBe('in_progress');

    // Evidence saves when the person moves on.
    await tabTo(page, 'Evidence');
    await page.keyboard.type('Said no to the reporting project, with a one-page why');
    await page.keyboard.press('Tab');
    await expect
      .poll(
        async () => (await pm.client.get(`/api/pms/${pm.id}/plan`)).body.plan.themes[0].actions[0].evidence,
      )
      .toBe('Said no to the reporting project, with a one-page why');

    // Removing the action sends focus to the actions heading, not to the top of the page.
    await page.getByRole('button', { name: 'Remove action 1 of theme 1' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Action “Write down why before every no” removed.').waitFor();
    await expect.poll(() => focusedName(page)).toBe('Actions of theme 1');

    // Removing the theme (confirmed in a dialog, Esc-able) sends focus to the themes heading.
    await tabTo(page, 'Remove theme 1');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Remove “Say no with reasons”?' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedName(page)).toBe('Remove theme 1');
    await page.keyboard.press('Enter');
    await tabTo(page, 'Remove theme');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Theme “Say no with reasons” removed.').waitFor();
    await expect.poll(() => focusedName(page)).toBe('Themes (0)');

    // No trap: Tab carries on past the editor to the rest of the page.
    await tabTo(page, 'Start a new quarter', 150);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });

  test('on a 375px phone the plan (for the PM and the coach) and the vision fit the screen; private notes stay with their author', async () => {
    const { coach, pm } = await pairWithWheel(ctx.app);
    await startPlan(pm, [
      {
        title: 'Talk to users every week, even when the sprint is full',
        areas: ['understand-the-problem', 'listen-and-learn'],
        traits: ['curiosity', 'empathy'],
        actions: [{ text: 'Interview five users about the onboarding', dueOn: '2030-01-31' }],
      },
      { title: 'Plan with the team', areas: ['planning'], actions: [] },
    ]);
    await pm.client.post(`/api/pms/${pm.id}/plan/comments`, {
      body: 'A private thought about this plan',
      private: true,
    });

    const { page, problems } = await signedInPerson(ctx, pm.email, {
      path: `/pms/${pm.id}/plan`,
      width: 375,
    });
    await page.getByRole('heading', { name: 'Themes (2)' }).waitFor();
    await page.getByText('Private: only you see this').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByRole('button', { name: 'Edit theme 1' }).click();
    await page
      .getByRole('article', { name: /^Theme 1:/ })
      .getByText('Example actions')
      .click();
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoAxeViolations(page);

    const cora = await signedInPerson(ctx, coach.email, { path: `/pms/${pm.id}/plan`, width: 375 });
    await cora.page.getByRole('heading', { name: 'Themes (2)' }).waitFor();
    expect(await cora.page.getByText('A private thought about this plan').count()).toBe(0);
    await cora.page.getByText('Suggest a theme for the plan').click();
    expect(await scrollsSideways(cora.page)).toBe(false);
    await expectNoAxeViolations(cora.page);

    await cora.page.goto(`/pms/${pm.id}/vision`);
    await cora.page.getByRole('heading', { name: "Pat Park's shared vision", level: 1 }).waitFor();
    expect(await scrollsSideways(cora.page)).toBe(false);
    expect(problems).toEqual([]);
    expect(cora.problems).toEqual([]);
  });
});
