import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, signedInPerson, signInOverHttp, useBrowserApp } from '../support/browser.js';
import { pairWithWheel, startPlan } from './plan-support.js';

/** Save while typing, drafts, the version check and a lost connection (issue 20, decision 057). */
const ctx = useBrowserApp();

async function patWithTheme() {
  const { pm, coach } = await pairWithWheel(ctx.app);
  await startPlan(pm, [{ title: 'Talk to users', why: 'I build on guesses.' }]);
  const path = `/pms/${pm.id}/plan`;
  const whyOnServer = async () => (await pm.client.get(`/api/pms/${pm.id}/plan`)).body.plan.themes[0].why;
  return { pm: { ...pm, coachEmail: coach.email }, path, whyOnServer };
}

/** The plan reads as a document: "Edit" opens the theme's fields (a reload keeps it open). */
const editTheme1 = (page: Page) => page.getByRole('button', { name: 'Edit theme 1' }).click();

const why = (page: Page) =>
  page.getByRole('article', { name: /^Theme 1:/ }).getByRole('textbox', { name: 'Why it matters' });
const whyState = (page: Page) =>
  page
    .getByRole('article', { name: /^Theme 1:/ })
    .locator('.autosave-field', { has: page.getByRole('textbox', { name: 'Why it matters' }) });

describe('a plan field saves while typing', () => {
  test('typing and reloading without leaving the field keeps the words, on the server', async () => {
    const { pm, path, whyOnServer } = await patWithTheme();
    const { page } = await signedInPerson(ctx, pm.email, { path });
    await editTheme1(page);
    await why(page).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Guesses cost us a quarter.');
    await whyState(page).getByText('Saved.', { exact: true }).waitFor();
    expect(await whyOnServer()).toBe('Guesses cost us a quarter.');
    await page.reload();
    await expect.poll(() => why(page).inputValue()).toBe('Guesses cost us a quarter.');

    // Reloading within the second, before the save: the browser asks; the draft brings the words back and sends them.
    await why(page).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' And two launches.');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await expect.poll(() => why(page).inputValue()).toBe('Guesses cost us a quarter. And two launches.');
    await expect.poll(whyOnServer).toBe('Guesses cost us a quarter. And two launches.');
  });

  test('two tabs edit one field: the later save shows both texts and erases nothing', async () => {
    const { pm, path, whyOnServer } = await patWithTheme();
    const one = (await signedInPerson(ctx, pm.email, { path })).page;
    const two = (await signedInPerson(ctx, pm.email, { path })).page;
    await editTheme1(one);
    await editTheme1(two);
    await why(two).waitFor();

    await why(one).fill('Words from the laptop.');
    await whyState(one).getByText('Saved.', { exact: true }).waitFor();

    await why(two).fill('Words from the phone.');
    const choice = two.getByRole('group', { name: 'Two versions of Why it matters: choose one' });
    await choice.waitFor();
    await whyState(two)
      .getByText(/^Not saved: this was changed in another tab/)
      .waitFor();
    await choice.getByText('Words from the laptop.').waitFor();
    expect(await why(two).inputValue()).toBe('Words from the phone.');
    expect(await whyOnServer()).toBe('Words from the laptop.');
    await expectNoAxeViolations(two);

    await choice.getByRole('button', { name: 'Keep mine' }).click();
    await whyState(two).getByText('Saved.', { exact: true }).waitFor();
    expect(await whyOnServer()).toBe('Words from the phone.');
    // Two browsers and axe take about a minute on a busy machine.
  }, 120_000);

  test('offline: "Not saved", the words kept; back online: saved', async () => {
    const { pm, path, whyOnServer } = await patWithTheme();
    const { page, context } = await signedInPerson(ctx, pm.email, { path });
    await editTheme1(page);
    await why(page).waitFor();
    await context.setOffline(true);
    await why(page).fill('Written in a tunnel.');
    await whyState(page)
      .getByText(/^Not saved: no connection\. Your words are kept on this device\./)
      .waitFor();
    expect(await whyOnServer()).toBe('I build on guesses.');
    await context.setOffline(false);
    await whyState(page).getByText('Saved.', { exact: true }).waitFor();
    expect(await whyOnServer()).toBe('Written in a tunnel.');
  });
});

describe('drafts on a shared computer', () => {
  test('signing out removes the unsent words: the next person finds them nowhere, not in localStorage either', async () => {
    const { pm, path } = await patWithTheme();
    const { page, context } = await signedInPerson(ctx, pm.email, { path });
    // The save cannot reach the server: the words stay only as a draft on this device.
    await page.route(/\/api\/pms\/[^/]+\/plan\//, (route) =>
      route.request().method() === 'GET' ? route.continue() : route.abort(),
    );
    await editTheme1(page);
    await why(page).fill('Words only Pat may read.');
    await whyState(page)
      .getByText(/^Not saved:/)
      .waitFor();
    const drafts = () =>
      page.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith('wheelhouse:draft:'))
          .map((k) => localStorage.getItem(k)),
      );
    expect((await drafts()).join()).toContain('Words only Pat may read.');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await drafts()).toEqual([]);
    // Cora, Pat's coach, signs in on the same browser profile and opens Pat's plan.
    await page.unroute(/\/api\/pms\/[^/]+\/plan\//);
    await signInOverHttp(context, pm.coachEmail);
    await page.goto(path);
    // The coach reads the plan (it is Pat's to write): the stored words, never Pat's draft.
    await page.getByText('I build on guesses.').first().waitFor();
    expect(await page.content()).not.toContain('Words only Pat may read.');
    expect(await drafts()).toEqual([]);
  });
});
