import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, focusedName, signedInPerson, useBrowserApp } from '../support/browser.js';
import { pairWithWheel, startPlan } from './plan-support.js';

const ctx = useBrowserApp();

describe('the development plan in the browser', () => {
  test('the PM builds a plan from their wheel; the coach suggests an action; the PM accepts it and sees whose idea it was', async () => {
    const { coach, pm } = await pairWithWheel(ctx.app);
    const pat = await signedInPerson(ctx, pm.email);
    const page = pat.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your plan' }).click();
    await page.getByRole('heading', { name: 'Your development plan', level: 1 }).waitFor();
    await page.getByLabel('Headline').fill('Own discovery end to end');
    await page.getByRole('button', { name: 'Start my plan' }).click();
    await page.getByText('No themes yet. Start from your wheel').waitFor();
    await expectNoAxeViolations(page);

    // Theme 1: an idea from the wheel, one click; focus lands on its title to make it the PM's own.
    await page.getByRole('button', { name: 'Use this theme (Agile)' }).click();
    const theme1 = page.getByRole('article', { name: /^Theme 1:/ });
    await theme1.waitFor();
    await expect.poll(() => focusedName(page)).toBe('Title');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Ship in small, safe slices');
    await page.keyboard.press('Tab');
    await theme1.getByText('Saved').waitFor();
    await page.getByRole('heading', { name: 'Theme 1: Ship in small, safe slices' }).waitFor();
    await page
      .getByText('A plan works best with 3 to 5 themes; this one has 1. That is fine while you draft.')
      .waitFor();
    await theme1.getByText('Example actions').click();
    await theme1
      .getByRole('button', { name: /^Add “/ })
      .first()
      .click();
    await page.getByRole('status').getByText('Action added to “Ship in small, safe slices”.').waitFor();
    expect(await theme1.getByRole('textbox', { name: 'Action 1' }).inputValue()).not.toBe('');

    // Theme 2: another idea, with an action written by hand.
    await page.getByRole('button', { name: 'Use this theme (Team)' }).click();
    const theme2 = page.getByRole('article', { name: /^Theme 2:/ });
    await theme2.getByLabel('New action').fill('Ask two teammates for feedback every sprint');
    await theme2.getByRole('button', { name: 'Add action' }).click();
    await theme2.getByRole('textbox', { name: 'Action 1' }).waitFor();

    // Theme 3: the PM's own words, serving a skill and a trait.
    const addTheme = page.getByRole('form', { name: 'Add a theme' });
    await addTheme.getByLabel('Theme title').fill('Plan with the team, not for it');
    await addTheme.getByLabel('Why it matters').fill('My roadmaps surprise the team.');
    await addTheme.getByRole('checkbox', { name: 'Planning' }).check();
    await addTheme.getByRole('checkbox', { name: 'Empathy' }).check();
    await addTheme.getByRole('button', { name: 'Add theme' }).click();
    const theme3 = page.getByRole('article', { name: 'Theme 3: Plan with the team, not for it' });
    await theme3.getByLabel('New action').fill('Run the next quarterly planning as a workshop');
    await theme3.getByLabel('Due date').fill('2030-03-31');
    await theme3.getByRole('button', { name: 'Add action' }).click();
    await theme3.getByRole('textbox', { name: 'Action 1' }).waitFor();
    expect(await theme3.getByRole('checkbox', { name: 'Empathy' }).isChecked()).toBe(true);

    await page.getByText('You wrote 6 of 6 items').waitFor();
    expect(await page.getByText('A plan works best with 3 to 5 themes').count()).toBe(0);
    await expectNoAxeViolations(page);

    // The coach reads the plan and suggests an action; there is no way to edit it.
    const cora = await signedInPerson(ctx, coach.email, { path: `/pms/${pm.id}/plan` });
    const c = cora.page;
    await c.getByRole('heading', { name: "Pat Park's development plan", level: 1 }).waitFor();
    const coachTheme1 = c.getByRole('article', { name: 'Theme 1: Ship in small, safe slices' });
    await coachTheme1.waitFor();
    expect(await c.getByRole('textbox', { name: 'Title' }).count()).toBe(0);
    await expectNoAxeViolations(c);
    await coachTheme1.getByText('Suggest an action').click();
    const suggest = coachTheme1.locator('details').filter({ hasText: 'Suggest an action' });
    await suggest.getByLabel('Action').fill('Pair with the design lead on one story map');
    await suggest.getByLabel('Note to Pat').fill('Worked well for Sam last year.');
    await suggest.getByRole('button', { name: 'Send suggestion' }).click();
    await c.getByRole('status').getByText('Suggestion sent. Pat can accept or decline it.').waitFor();
    await c.getByRole('region', { name: 'Your suggestions' }).getByText('You suggested this').waitFor();
    await expectNoAxeViolations(c);

    // The PM accepts with one click; the action is credited to the coach.
    await page.reload();
    const suggestions = page.getByRole('region', { name: 'Suggestions from your coach' });
    await suggestions.getByText('A new action for “Ship in small, safe slices”').waitFor();
    await suggestions.getByText('“Worked well for Sam last year.”').waitFor();
    await suggestions.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('status').getByText('Added to your plan: idea from Cora, adopted by you.').waitFor();
    await suggestions.getByText('No suggestions waiting.').waitFor();
    expect(await theme1.getByRole('textbox', { name: 'Action 2' }).inputValue()).toBe(
      'Pair with the design lead on one story map',
    );
    await theme1.getByText('Idea from Cora, adopted by you').waitFor();
    await page.getByText("You wrote 6 of 7 items; 1 adopted from your coach's suggestions.").waitFor();

    await c.reload();
    await coachTheme1.getByText('Your idea, adopted by Pat').waitFor();
    expect(pat.problems).toEqual([]);
    expect(cora.problems).toEqual([]);
  });

  test('a quarterly refresh starts a new version as a copy; the old one stays readable', async () => {
    const { coach, pm } = await pairWithWheel(ctx.app);
    await startPlan(pm, [
      {
        title: 'Talk to users every week',
        areas: ['understand-the-problem'],
        actions: [{ text: 'Interview five users', status: 'done', evidence: 'Notes shared on 12 March' }],
      },
    ]);
    // A quarter has passed since this version started.
    const longAgo = new Date(Date.now() - 100 * 86_400_000).toISOString();
    await ctx.app.deps.db
      .updateTable('plans')
      .set({ created_at: longAgo })
      .where('pm_id', '=', pm.id)
      .execute();

    const { page, problems } = await signedInPerson(ctx, pm.email, { path: `/pms/${pm.id}/plan` });
    const refresh = page.getByRole('region', { name: 'Quarterly refresh' });
    await refresh.getByText('A refresh is due').waitFor();
    await refresh.getByText('No earlier versions yet.').waitFor();
    await refresh.getByRole('button', { name: 'Start a new quarter' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a new quarter' });
    await dialog.getByLabel('New headline').fill('Discovery, now with the whole team');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Start version' }).click();
    await page.getByRole('status').getByText('Version 2 started as a copy of version 1.').waitFor();
    await page
      .getByRole('region', { name: 'Headline and period' })
      .getByText('Discovery, now with the whole team')
      .waitFor();
    // The copy keeps the themes and actions, ready to edit.
    await page.getByRole('button', { name: 'Edit theme 1' }).click();
    expect(await page.getByRole('textbox', { name: 'Action 1' }).inputValue()).toBe('Interview five users');
    expect(await refresh.getByText('A refresh is due').count()).toBe(0);

    await refresh.getByRole('link', { name: 'Version 1: Own discovery end to end' }).click();
    await page.getByRole('heading', { name: 'Your plan, version 1', level: 1 }).waitFor();
    await page.getByText(/^Read-only: this version ran from/).waitFor();
    await page.getByRole('heading', { name: 'Theme 1: Talk to users every week' }).waitFor();
    await page.getByText('Notes shared on 12 March').waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    await expectNoAxeViolations(page);
    const markdown = await page.getByRole('link', { name: 'Download Markdown' }).getAttribute('href');
    expect(markdown).toBe(`/api/pms/${pm.id}/plan/export?version=1`);

    // The coach reads the old version too.
    const cora = await signedInPerson(ctx, coach.email, { path: `/pms/${pm.id}/plan/versions/1` });
    await cora.page.getByRole('heading', { name: "Pat's plan, version 1", level: 1 }).waitFor();
    await cora.page.getByRole('heading', { name: 'Theme 1: Talk to users every week' }).waitFor();
    expect(problems).toEqual([]);
    expect(cora.problems).toEqual([]);
  });
});
