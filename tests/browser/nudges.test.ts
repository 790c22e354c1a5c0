import { describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  scrollsSideways,
  signedInPerson,
  tabTo,
  useBrowserApp,
} from '../support/browser.js';
import { buildPm, buildWorkspace } from '../support/factories.js';

const ctx = useBrowserApp();

/** Today plus `days`, as YYYY-MM-DD (the real clock: browser tests run the app on it). */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('nudges in the browser', () => {
  test('the coach sends a nudge from an idea (edited), the PM sees it in their nudges and inbox and reacts', async () => {
    const ada = await buildWorkspace(ctx.app);
    const pia = await buildPm(ctx.app, ada, 'Pia Park');
    const plan = await pia.client.post(`/api/pms/${pia.id}/plan`, {
      headline: 'Own discovery',
      themes: [
        {
          title: 'Talk to users',
          areas: ['understand-the-problem'],
          actions: [{ text: 'Lead three interviews solo', dueOn: inDays(0) }],
        },
      ],
    });
    expect(plan.status, plan.text).toBe(200);

    // The coach, on a phone, one click from the PM's page.
    const coach = await signedInPerson(ctx, ada.email, { path: `/pms/${pia.id}`, width: 375 });
    let page = coach.page;
    await page.getByRole('heading', { name: 'Nudge ideas' }).waitFor();
    await page.getByText('Pia welcomes nudges weekly; no nudge from you yet.').waitFor();
    await page.getByRole('button', { name: /^Nudge: (Due|Was due) / }).click();
    const dialog = page.getByRole('dialog', { name: 'Nudge Pia' });
    const text = dialog.getByLabel('Your nudge');
    expect(await text.inputValue()).toMatch(/^How is “Lead three interviews solo” going\?/);
    await dialog.getByText('About: Lead three interviews solo').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoAxeViolations(page);
    await text.fill('How did the first interview go? Proud of you for leading it.');
    await dialog.getByRole('button', { name: 'Send nudge' }).click();
    await page.getByRole('status').getByText('Nudge sent to Pia.').waitFor();
    await page
      .getByText(/^Pia welcomes nudges weekly; last nudge .+ The next one is welcome/)
      .first()
      .waitFor();
    // A second one this week is refused with when the next is welcome.
    await page.getByRole('button', { name: 'Write a nudge' }).click();
    await page.getByRole('dialog', { name: 'Nudge Pia' }).getByLabel('Your nudge').fill('One more thing');
    await page.getByRole('button', { name: 'Send nudge' }).click();
    await page.getByText(/Pia welcomes one nudge a week, and this week’s is sent\./).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await coach.context.close();

    // The PM: the inbox has it, the nudges page shows it; they react and answer, by keyboard.
    const pm = await signedInPerson(ctx, pia.email, { path: '/inbox' });
    page = pm.page;
    await page.getByRole('link', { name: 'A nudge from Ada Admin' }).click();
    await page.getByRole('heading', { name: 'Your nudges', level: 1 }).waitFor();
    await page.getByText('How did the first interview go? Proud of you for leading it.').waitFor();
    await page.getByText(/About: Lead three interviews solo/).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('heading', { name: 'Your nudges', level: 1 }).focus();
    await tabTo(page, 'Thanks');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Reacted “Thanks”. Ada sees it.').waitFor();
    expect(await page.getByRole('button', { name: 'Thanks' }).getAttribute('aria-pressed')).toBe('true');
    await tabTo(page, 'Answer in a line');
    await page.keyboard.type('It went well, booked two more!');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Answer sent to Ada.').waitFor();
    await page.getByText('It went well, booked two more!').waitFor();
    await expectNoAxeViolations(page);
    await pm.context.close();

    // The coach sees the answer in the thread.
    const back = await signedInPerson(ctx, ada.email, { path: `/pms/${pia.id}/nudges` });
    await back.page.getByRole('heading', { name: 'Nudges to Pia', level: 1 }).waitFor();
    await back.page.getByText('It went well, booked two more!').waitFor();
    await back.page.getByText('Thanks', { exact: true }).waitFor();
    await expectNoAxeViolations(back.page);
  });

  test('a nudge per theme and action from the plan page, and the paused preference shown first', async () => {
    const ada = await buildWorkspace(ctx.app);
    const pia = await buildPm(ctx.app, ada, 'Pia Park');
    await pia.client.post(`/api/pms/${pia.id}/plan`, {
      headline: 'Own discovery',
      themes: [
        { title: 'Talk to users', areas: ['understand-the-problem'], actions: [{ text: 'Read a book' }] },
      ],
    });
    const coach = await signedInPerson(ctx, ada.email, { path: `/pms/${pia.id}/plan` });
    const page = coach.page;
    await page.getByRole('button', { name: 'Nudge about the theme Talk to users' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nudge Pia' });
    await dialog.getByText('About: Talk to users').waitFor();
    await dialog.getByText('Pia welcomes nudges weekly; no nudge from you yet.').waitFor();
    await expectNoAxeViolations(page);
    await dialog.getByLabel('Your nudge').fill('What would move this theme a step this week?');
    await dialog.getByRole('button', { name: 'Send nudge' }).click();
    await page.getByRole('status').getByText('Nudge sent to Pia.').waitFor();
    await page.getByRole('button', { name: 'Nudge about the action Read a book' }).waitFor();

    // The coaching session page: one click to a free nudge (the PM sees no such button).
    const session = await ada.client.post(`/api/pms/${pia.id}/coaching-sessions`, {
      startsAt: `${inDays(3)}T14:30`,
      timeZone: 'Europe/Berlin',
    });
    expect(session.status, session.text).toBe(200);
    await page.goto(`/coaching-sessions/${session.body.id}`);
    await page.getByRole('button', { name: 'Nudge Pia Park' }).click();
    await page
      .getByRole('dialog', { name: 'Nudge Pia' })
      .getByText(/^Pia welcomes nudges weekly; last nudge just now\. The next one is welcome/)
      .waitFor();
    await page.getByRole('dialog', { name: 'Nudge Pia' }).getByRole('button', { name: 'Cancel' }).click();

    // The PM pauses nudges (their notification settings): the coach reads it before writing.
    await ctx.app.deps.db
      .insertInto('notification_settings')
      .values({ user_id: pia.id, nudge_frequency: 'paused', updated_at: new Date().toISOString() } as never)
      .execute();
    await page.goto(`/pms/${pia.id}`);
    await page
      .getByText('Pia has paused nudges for now. Keep your thought for your next coaching session.')
      .waitFor();
    await expectNoAxeViolations(page);
  });
});
