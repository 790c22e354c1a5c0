import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  focusedName,
  newPerson,
  scrollsSideways,
  signedInPerson,
  useBrowserApp,
} from '../support/browser.js';
import { pairWithWheel, startPlan, tabTo } from './plan-support.js';

/** The plan reads as a document; "Edit" opens one theme, "Done" closes it (issue 22). */
const ctx = useBrowserApp();

const threeThemes = [
  {
    title: 'Talk to users every week',
    why: 'I build on guesses.',
    areas: ['understand-the-problem'],
    actions: [{ text: 'Interview five users', status: 'done', evidence: 'Notes shared on 12 March' }],
  },
  {
    title: 'Plan with the team',
    why: 'My roadmaps surprise the team.',
    areas: ['planning'],
    traits: ['empathy'],
    actions: [{ text: 'Run the next planning as a workshop', dueOn: '2030-03-31' }],
  },
  { title: 'Say no with reasons', why: 'I take on every request.', areas: ['agile'], actions: [] },
];

const height = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

describe('the plan as a document', () => {
  test('keyboard only: Edit opens one theme at its first field, Done returns to Edit; the words are saved', async () => {
    const { pm } = await pairWithWheel(ctx.app);
    await startPlan(pm, threeThemes);
    const { page, problems } = await signedInPerson(ctx, pm.email, { path: `/pms/${pm.id}/plan` });
    await page.getByRole('heading', { name: 'Themes (3)' }).waitFor();
    // A document to read: no text fields until a part is opened.
    await page
      .getByRole('article', { name: 'Theme 1: Talk to users every week' })
      .getByText('Notes shared on 12 March')
      .waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);

    await tabTo(page, 'Edit theme 2', 150);
    await page.keyboard.press('Enter');
    const theme2 = page.getByRole('article', { name: 'Theme 2: Plan with the team' });
    await expect.poll(() => focusedName(page)).toBe('Title');
    expect(await theme2.getByRole('textbox', { name: 'Title' }).count()).toBe(1);
    // Only that theme opened.
    expect(await page.getByRole('textbox', { name: 'Title' }).count()).toBe(1);
    await page.keyboard.press('End');
    await page.keyboard.type(', not for it');
    await tabTo(page, 'Done with theme 2');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('Edit theme 2');
    await page.getByRole('heading', { name: 'Theme 2: Plan with the team, not for it' }).waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    await expect
      .poll(async () => (await pm.client.get(`/api/pms/${pm.id}/plan`)).body.plan.themes[1].title)
      .toBe('Plan with the team, not for it');

    // The headline opens the same way.
    await page.getByRole('button', { name: 'Edit the headline and period' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('Headline');
    await tabTo(page, 'Done with the headline and period');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('Edit the headline and period');
    expect(problems).toEqual([]);
  });

  test('a reload keeps an open theme open, and an unsaved draft reopens its theme with the words', async () => {
    const { pm } = await pairWithWheel(ctx.app);
    await startPlan(pm, threeThemes);
    const { page, problems } = await signedInPerson(ctx, pm.email, { path: `/pms/${pm.id}/plan` });
    await page.getByRole('button', { name: 'Edit theme 3' }).click();
    const why = page
      .getByRole('article', { name: /^Theme 3:/ })
      .getByRole('textbox', { name: 'Why it matters' });
    await why.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Even on Fridays.');
    // Another device: the theme is closed there, but the words typed here are this device's draft.
    await page.evaluate(() => {
      for (const key of Object.keys(sessionStorage))
        if (key.startsWith('wheelhouse:plan-editing:')) sessionStorage.removeItem(key);
    });
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await expect.poll(() => why.inputValue()).toBe('I take on every request. Even on Fridays.');
    await expect
      .poll(async () => (await pm.client.get(`/api/pms/${pm.id}/plan`)).body.plan.themes[2].why)
      .toBe('I take on every request. Even on Fridays.');
    expect(await page.getByRole('textbox', { name: 'Why it matters' }).count()).toBe(1);

    // Saved and reloaded: still open (this tab remembers); Done and reload: closed.
    await page.reload();
    await why.waitFor();
    await page.getByRole('button', { name: 'Done with theme 3' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Edit theme 3' }).waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  test('axe clean in light and dark, reading and editing; no sideways scroll at 375 px', async () => {
    const { pm } = await pairWithWheel(ctx.app);
    await startPlan(pm, threeThemes);
    const { page, problems } = await signedInPerson(ctx, pm.email, {
      path: `/pms/${pm.id}/plan`,
      width: 375,
    });
    await page.getByRole('heading', { name: 'Themes (3)' }).waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await scrollsSideways(page)).toBe(false);
      await expectNoAxeViolations(page);
    }
    await page.getByRole('button', { name: 'Edit theme 1' }).click();
    await page.getByText('Add another theme').click();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await scrollsSideways(page)).toBe(false);
      await expectNoAxeViolations(page);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  test("the demo PM's plan is a few screens tall, not a dozen", async () => {
    const figures: string[] = [];
    const heights: number[] = [];
    let pmId = '';
    for (const width of [1280, 375]) {
      const { context, page, problems } = await newPerson(ctx.browser, ctx.app.url, { width });
      const { csrfToken } = (await (await context.request.get('/api/session')).json()) as {
        csrfToken: string;
      };
      const started = await context.request.post('/api/demo?as=pm', {
        headers: { 'x-csrf-token': csrfToken },
      });
      expect(started.status(), await started.text()).toBe(200);
      const { me } = (await (await context.request.get('/api/session')).json()) as { me: { id: string } };
      pmId = me.id;
      await page.goto(`/pms/${me.id}/plan`);
      await page.getByRole('heading', { name: /^Themes \(/ }).waitFor();
      const px = await height(page);
      figures.push(`${width} px wide: ${px} px tall`);
      heights.push(px);
      expect(problems).toEqual([]);
      await context.close();
    }
    // Her coach's view (a reading view already, with suggestions and comments): for the record.
    const coach = await newPerson(ctx.browser, ctx.app.url);
    const { csrfToken } = (await (await coach.context.request.get('/api/session')).json()) as {
      csrfToken: string;
    };
    await coach.context.request.post('/api/demo', { headers: { 'x-csrf-token': csrfToken } });
    await coach.page.goto(`/pms/${pmId}/plan`);
    await coach.page.getByRole('heading', { name: /^Themes \(/ }).waitFor();
    figures.push(`her coach at 1280 px: ${await height(coach.page)} px tall`);
    console.log(`The demo PM's plan: ${figures.join('; ')}`);
    // Before the reading view: 9,880 px at 1280 and 14,727 px at 375.
    expect(heights[0]).toBeLessThan(4000);
    expect(heights[1]).toBeLessThan(6000);
  });
});
