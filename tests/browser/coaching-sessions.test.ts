import { describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  focusedName,
  scrollsSideways,
  signedInPerson,
  useBrowserApp,
} from '../support/browser.js';
import { pairWithWheel, startPlan, tabTo } from './plan-support.js';

const ctx = useBrowserApp();

const themes = ['Talk to users', 'Stakeholders', 'Storytelling'].map((title) => ({
  title,
  why: '',
  areas: [],
  traits: [],
  actions: [],
}));
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
function lastMonthDay() {
  const now = new Date();
  return isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)));
}

/** Pat and Cora with a three-theme plan and last month's coaching session, held with three colours. */
async function pairWithLastMonth() {
  const { coach, pm } = await pairWithWheel(ctx.app);
  const plan = await startPlan(pm, themes);
  const held = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
    startsAt: `${lastMonthDay()}T10:00`,
    timeZone: 'UTC',
  });
  expect(held.status, held.text).toBe(200);
  await coach.client.post(`/api/coaching-sessions/${held.body.id}/start`, {});
  for (const theme of plan.themes)
    await pm.client.put(`/api/coaching-sessions/${held.body.id}/colours/${theme.id}`, {
      colour: 'red',
      why: '',
    });
  await coach.client.post(`/api/coaching-sessions/${held.body.id}/end`, {});
  return { coach, pm, plan };
}

describe('coaching sessions in the browser', () => {
  test('a coach schedules and runs a coaching session with the PM; the PM colours three themes; the history shows a second month', async () => {
    const { coach, pm } = await pairWithLastMonth();
    const cora = await signedInPerson(ctx, coach.email);
    const c = cora.page;
    await c.getByRole('link', { name: 'Coaching sessions with Pat Park' }).click();
    await c.getByRole('heading', { name: 'Coaching sessions with Pat Park', level: 1 }).waitFor();
    await expectNoAxeViolations(c);
    await c.getByLabel('Date').fill(isoDay(new Date()));
    await c.getByLabel('Time', { exact: true }).fill('15:00');
    await c.getByLabel('Time zone').selectOption('Europe/Berlin');
    await c.getByRole('button', { name: 'Schedule' }).click();
    await c.getByRole('heading', { name: 'Monthly coaching session with Pat Park', level: 1 }).waitFor();
    await c.getByText('Colour “Talk to users”').waitFor();
    await c.getByLabel('Add to the agenda').fill('The launch retro');
    await c.getByRole('button', { name: 'Add', exact: true }).click();
    await c.getByText('added by Cora Coach').waitFor();
    await expectNoAxeViolations(c);
    await c.getByRole('button', { name: 'Start the coaching session' }).click();
    await c.getByRole('button', { name: 'End the coaching session' }).waitFor();
    const sessionPath = new URL(c.url()).pathname;

    // Pat joins on their own laptop and colours the three themes: theirs is the plan's colour.
    const pat = await signedInPerson(ctx, pm.email, { path: sessionPath });
    const p = pat.page;
    await p.getByRole('heading', { name: 'Monthly coaching session with Cora Coach', level: 1 }).waitFor();
    // The session opens with the seed's check-in: how do you feel going in?
    expect(await p.getByRole('link', { name: 'Check in' }).getAttribute('href')).toBe(
      `/pms/${pm.id}/check-in`,
    );
    const picks = [
      ['Talk to users', 'G · Green', 'Three interviews done'],
      ['Stakeholders', 'A · Amber', 'Sales still surprised'],
      ['Storytelling', 'R · Red', 'Not started'],
    ] as const;
    for (const [title, colour, why] of picks) {
      await p.getByLabel(`Why, in one line (${title})`).fill(why);
      await p
        .getByRole('group', { name: `${title}: your colour` })
        .getByRole('radio', { name: colour })
        .check();
    }
    await expect.poll(async () => (await p.getByText('Your coach’s view').count()) === 3).toBe(true);
    await p.getByLabel('Your private note').fill('I might ask about the team lead role');
    await p.getByLabel('Shared notes').click();
    await expectNoAxeViolations(p);

    // Cora records her own view beside one, and ends the coaching session.
    await c.reload();
    const stakeholders = c.getByRole('group', { name: 'Stakeholders: your view' });
    await stakeholders.getByRole('radio', { name: 'R · Red' }).check();
    await c.getByText('The PM’s colour (the plan’s): ▲ A Amber — Sales still surprised').waitFor();
    expect(await c.getByText('I might ask about the team lead role').count()).toBe(0);
    await c.getByRole('button', { name: 'End the coaching session' }).click();
    await c.getByRole('heading', { name: 'What moved' }).waitFor();
    await c.getByText('4 colours set').waitFor();

    // The colour history now has two months; this month's cells read G, A, R without colour.
    const grid = c.getByRole('table', { name: 'Colour of each theme by month' });
    expect(await grid.getByRole('columnheader').count()).toBe(3);
    const row = grid.getByRole('row', { name: /Talk to users/ });
    expect(await row.getByRole('cell').last().textContent()).toContain('G');
    await c.getByRole('button', { name: 'Show as a list' }).click();
    await c.getByRole('cell', { name: 'Three interviews done' }).waitFor();
    await expectNoAxeViolations(c);

    // The same history reaches the plan page.
    await p.goto(`/pms/${pm.id}/plan`);
    const planGrid = p.getByRole('table', { name: 'Colour of each theme by month' });
    await planGrid.waitFor();
    expect(await planGrid.getByRole('columnheader').count()).toBe(3);
  });

  test('the coaching session page works with the keyboard alone', async () => {
    const { coach, pm } = await pairWithLastMonth();
    const s = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: `${isoDay(new Date())}T10:00`,
      timeZone: 'UTC',
    });
    await coach.client.post(`/api/coaching-sessions/${s.body.id}/start`, {});
    const pat = await signedInPerson(ctx, pm.email, { path: `/coaching-sessions/${s.body.id}` });
    const p = pat.page;
    await p.getByRole('heading', { name: 'Monthly coaching session with Cora Coach', level: 1 }).waitFor();

    await tabTo(p, 'Colour “Talk to users”');
    await p.keyboard.press('Space');
    await expect.poll(() => p.getByRole('checkbox', { checked: true }).count()).toBe(1);

    await tabTo(p, 'Add to the agenda');
    await p.keyboard.type('How I felt about the demo');
    await p.keyboard.press('Enter');
    await p.getByText('added by Pat Park').waitFor();

    await tabTo(p, /R · Red$/);
    await p.keyboard.press('ArrowRight');
    await expect.poll(() => focusedName(p)).toMatch(/A · Amber$/);
    await p
      .getByRole('group', { name: 'Talk to users: your colour' })
      .getByRole('radio', { name: 'A · Amber' })
      .isChecked()
      .then((checked) => expect(checked).toBe(true));

    await tabTo(p, 'Next step');
    await p.keyboard.type('Book two user calls');
    await p.keyboard.press('Enter');
    await p.getByText('added to the plan').waitFor();

    // The notes sit above the next steps: Tab goes round the page once more (the agenda's move
    // buttons and the strip added stops on the way).
    await tabTo(p, 'Shared notes', 120);
    await p.keyboard.type('Calls booked by Friday');
    await p.keyboard.press('Tab');
    // The shared notes save as they are typed (issue 20): stored without leaving the page (the
    // plain text the API answers is written when typing pauses for 2 s, decision 056).
    await expect
      .poll(async () => (await pm.client.get(`/api/coaching-sessions/${s.body.id}`)).body.sharedNotes, {
        timeout: 10_000,
      })
      .toContain('Calls booked by Friday');
    await expectNoAxeViolations(p);

    // Afterwards, on a phone: readable without sideways scrolling, the list and calendar too.
    const phone = await signedInPerson(ctx, coach.email, {
      path: `/coaching-sessions/${s.body.id}`,
      width: 375,
    });
    await phone.page
      .getByRole('heading', { name: 'Monthly coaching session with Pat Park', level: 1 })
      .waitFor();
    // The live notes field holds the document's text as its value (not as text content).
    await expect
      .poll(() => phone.page.getByLabel('Shared notes').inputValue(), { timeout: 10_000 })
      .toContain('Calls booked by Friday');
    expect(await scrollsSideways(phone.page)).toBe(false);
    await expectNoAxeViolations(phone.page);
    await phone.page.getByRole('link', { name: 'All coaching sessions' }).click();
    await phone.page.getByRole('table', { name: /^Coaching sessions in / }).waitFor();
    expect(await scrollsSideways(phone.page)).toBe(false);
    await expectNoAxeViolations(phone.page);
  });

  test('the next check-in shows what was not covered and what happened since, live on both pages (keyboard)', async () => {
    const { coach, pm } = await pairWithWheel(ctx.app);
    const plan = await startPlan(pm, themes);
    const day = (n: number) => isoDay(new Date(Date.now() + n * 86_400_000));
    const monthly = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: `${day(-7)}T10:00`,
      timeZone: 'UTC',
    });
    const id = monthly.body.id as string;
    for (const text of ['Roadmap review', 'Hiring plan'])
      await pm.client.post(`/api/coaching-sessions/${id}/agenda`, { text });
    const started = await coach.client.post(`/api/coaching-sessions/${id}/start`, {});
    const roadmap = started.body.agenda.find((i: { text: string }) => i.text === 'Roadmap review');
    await coach.client.patch(`/api/coaching-sessions/${id}/agenda/${roadmap.id}`, { done: true });
    await pm.client.put(`/api/coaching-sessions/${id}/colours/${plan.themes[0]!.id}`, {
      colour: 'red',
      why: '',
    });
    const weekly = await pm.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: `${day(1)}T10:00`,
      timeZone: 'UTC',
      kind: 'weekly',
    });
    expect(weekly.status, weekly.text).toBe(200);

    // Pat opens the check-in from the list with the keyboard: nothing held together yet.
    const pat = await signedInPerson(ctx, pm.email, { path: `/pms/${pm.id}/coaching-sessions` });
    const p = pat.page;
    await p.getByRole('heading', { name: 'Your coaching sessions', level: 1 }).waitFor();
    await tabTo(p, /^Weekly check-in, /);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: 'Weekly check-in with Cora Coach', level: 1 }).waitFor();
    await p.getByText('No coaching session held together yet.', { exact: false }).waitFor();
    expect(await p.getByText('Colour “Talk to users”').count()).toBe(0);
    const cora = await signedInPerson(ctx, coach.email, { path: `/coaching-sessions/${weekly.body.id}` });
    const c = cora.page;
    await c.getByRole('heading', { name: 'Weekly check-in with Pat Park', level: 1 }).waitFor();

    // The monthly session ends: what it did not cover reaches both open pages, with the strip.
    await coach.client.post(`/api/coaching-sessions/${id}/end`, {});
    for (const page of [p, c]) {
      const hiring = page.getByRole('listitem').filter({ hasText: 'Hiring plan' });
      await expect.poll(() => hiring.textContent(), { timeout: 10_000 }).toMatch(/Carried from/);
      expect(await page.getByRole('listitem').filter({ hasText: 'Roadmap review' }).count()).toBe(0);
      const strip = page.getByRole('region', { name: 'Since last time' });
      await strip.getByText('Talk to users: Red').waitFor();
    }
    // Both pages render the same sections; one axe pass (about 18 s on a loaded machine) covers them.
    await expectNoAxeViolations(p);
  });
});
