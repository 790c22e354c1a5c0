import { describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  scrollsSideways,
  signedInPerson,
  tabTo,
  useBrowserApp,
  openMenu,
} from '../support/browser.js';
import { buildPm, buildWorkspace } from '../support/factories.js';

const ctx = useBrowserApp();

describe('emotion check-ins in the browser', () => {
  test('the PM checks in on a phone (by touch, then keyboard only); the coach sees the shared one on the timeline, not the private one', async () => {
    const ada = await buildWorkspace(ctx.app);
    const pat = await buildPm(ctx.app, ada, 'Pat Park');

    const pm = await signedInPerson(ctx, pat.email, { width: 375 });
    const page = pm.page;
    // One tap from home.
    await page.getByRole('link', { name: 'How do you feel?' }).click();
    await page.getByRole('heading', { name: 'How do you feel?', level: 1 }).waitFor();
    const curious = page.getByRole('button', { name: 'Curious' });
    await curious.click();
    await page.getByRole('button', { name: 'Nervous' }).click();
    expect(await curious.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('group', { name: 'Unpleasant, high energy' }).waitFor();
    await page.getByLabel('What is it about?').selectOption({ label: 'A project…' });
    await page.getByLabel('Which project, in a few words?').fill('Pricing page');
    await page.getByLabel(/^Why\?/).fill('First time leading discovery.');
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page
      .getByRole('status')
      .getByText('Saved: curious, nervous. Your coach sees it on your timeline.')
      .waitFor();

    // Keyboard only: a private one.
    await page.getByRole('heading', { name: 'How do you feel?', level: 1 }).focus();
    await tabTo(page, 'Drained');
    await page.keyboard.press('Space');
    expect(await page.getByRole('button', { name: 'Drained' }).getAttribute('aria-pressed')).toBe('true');
    await tabTo(page, /^Why\?/);
    await page.keyboard.type('Not ready to talk about it.');
    await tabTo(page, 'Keep it private (only you see it)');
    await page.keyboard.press('Space');
    await tabTo(page, 'Save check-in');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Saved: drained. Only you can see it.').waitFor();
    await expectNoAxeViolations(page);

    // A one-tap pulse on home.
    await openMenu(page);
    await page.getByRole('link', { name: 'Home' }).click();
    const pulse = page.getByRole('group', { name: /How do you feel about .+ today\?/ });
    await pulse.getByRole('button', { name: '7' }).click();
    await page.getByText(/Saved: 7 of 10 on /).waitFor();
    await page.getByLabel('What would make it an 8? (optional)').fill('A quiet morning to plan');
    await page.getByRole('button', { name: 'Add this line' }).click();
    await page.getByText('Thanks, noted for your next conversation.').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoAxeViolations(page);

    // The PM's own timeline marks the private one.
    await page.getByRole('link', { name: 'Open your timeline' }).click();
    await page.getByRole('heading', { name: 'Your timeline', level: 1 }).waitFor();
    await page.getByText('Felt drained · In general').waitFor();
    await page.getByText('Private: only you').waitFor();
    await expectNoAxeViolations(page);

    const coach = await signedInPerson(ctx, ada.email, { path: `/pms/${pat.id}` });
    await coach.page.getByRole('link', { name: "Open Pat Park's timeline" }).click();
    await coach.page.getByRole('heading', { name: "Pat Park's timeline", level: 1 }).waitFor();
    const story = coach.page.getByRole('region', { name: 'Newest first' });
    await story.getByText('Felt curious, nervous · Pricing page').waitFor();
    await story.getByText('One point higher: A quiet morning to plan').waitFor();
    const text = await story.textContent();
    expect(text).toContain('First time leading discovery.');
    expect(text).not.toContain('drained');
    expect(text).not.toContain('Not ready to talk about it');
    expect(text).not.toContain('Private');
    await coach.page
      .getByRole('region', { name: 'Pulses by area' })
      .getByText(/^7 \(latest /)
      .waitFor();
    await expectNoAxeViolations(coach.page);
    expect([...pm.problems, ...coach.problems]).toEqual([]);
  });

  test('an empty timeline says what will appear and how to start', async () => {
    const ada = await buildWorkspace(ctx.app);
    const pat = await buildPm(ctx.app, ada, 'Pat Park');
    const pm = await signedInPerson(ctx, pat.email, { path: `/pms/${pat.id}/timeline`, width: 375 });
    await pm.page.getByText('Nothing here yet.', { exact: false }).waitFor();
    await pm.page.getByRole('link', { name: 'Do a first check-in: how do you feel?' }).waitFor();
    expect(await pm.page.getByRole('button', { name: 'Load older' }).count()).toBe(0);
    await pm.page.getByText('No pulses yet.', { exact: false }).waitFor();
    await expectNoAxeViolations(pm.page);
    expect(pm.problems).toEqual([]);
  });
});
