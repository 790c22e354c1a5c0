import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, newPerson, signedInPerson, useBrowserApp } from '../support/browser.js';
import { createDemo } from '../../server/features/people/demo/demo.js';
import { buildPm, buildRound, buildWorkspace, type Person } from '../support/factories.js';

const ctx = useBrowserApp();

/** A private self-check on Team with one statement far below the round before: a dip only the PM sees. */
async function privateSelfCheckDip(pm: Person) {
  const started = await pm.client.post(`/api/pms/${pm.id}/self-checks`, { areas: ['team'] });
  if (started.status !== 200) throw new Error(started.text);
  const team = started.body.frameworkVersion.areas.find((a: { key: string }) => a.key === 'team');
  const scores = Object.fromEntries(
    team.statements.map((s: { key: string }, i: number) => [s.key, i === 1 ? 2 : 8]),
  );
  const url = `/api/pms/${pm.id}/self-checks/${started.body.id}`;
  const saved = await pm.client.patch(url, { scores });
  if (saved.status !== 200) throw new Error(saved.text);
  const submitted = await pm.client.post(`${url}/submit`, {});
  if (submitted.status !== 200) throw new Error(submitted.text);
  return submitted.body as { id: string };
}

describe('words for the person reading them', () => {
  test('the PM’s own self-check dip prompts the PM, names the self-check, and its note prompt survives a reload', async () => {
    const ada = await buildWorkspace(ctx.app);
    const pat = await buildPm(ctx.app, ada, 'Pat Park');
    await buildRound(pat, ada, { title: 'Spring', self: 8, coach: 7 });
    await privateSelfCheckDip(pat);

    const pm = await signedInPerson(ctx, pat.email, { path: `/pms/${pat.id}/wheel` });
    const dips = pm.page.getByRole('region', { name: 'Dips to talk about' });
    await dips.getByText(/In your self-check of /).waitFor();
    expect(await dips.textContent()).not.toContain('Ask what changed');
    expect(await dips.textContent()).toContain('What is behind it?');
    await expectNoAxeViolations(pm.page);

    await dips.getByRole('link', { name: /Add a private note/ }).click();
    await pm.page.getByRole('heading', { name: 'A dip to look at' }).waitFor();
    await pm.page.reload();
    await pm.page.getByRole('heading', { name: 'A dip to look at' }).waitFor();
    await pm.page.getByRole('textbox', { name: 'Your private note' }).fill('Sales and I stopped talking.');
    await pm.page.getByRole('button', { name: 'Save note' }).click();
    await pm.page.getByText('Note saved. Only you can see it.').waitFor();
    await expectNoAxeViolations(pm.page);
    expect(pm.problems).toEqual([]);
  }, 180_000);

  test('the coach’s session list names the PM; the home page opens a PM first and keeps “End pairing” behind “More”', async () => {
    const ada = await buildWorkspace(ctx.app);
    const pat = await buildPm(ctx.app, ada, 'Pat Park');
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const scheduled = await ada.client.post(`/api/pms/${pat.id}/coaching-sessions`, {
      startsAt: `${day}T10:00`,
      timeZone: 'UTC',
    });
    expect(scheduled.status, scheduled.text).toBe(200);

    const coach = await signedInPerson(ctx, ada.email, { path: `/pms/${pat.id}/coaching-sessions` });
    const upcoming = coach.page.getByRole('region', { name: 'Upcoming' });
    await upcoming.getByText(/With Pat Park/).waitFor();
    expect(await upcoming.textContent()).not.toContain('With Ada Admin');
    const pm = await signedInPerson(ctx, pat.email, { path: `/pms/${pat.id}/coaching-sessions` });
    await pm.page
      .getByRole('region', { name: 'Upcoming' })
      .getByText(/With Ada Admin/)
      .waitFor();

    await coach.page.goto('/');
    const mine = coach.page.getByRole('region', { name: 'Your PMs' });
    const buttons = mine.getByRole('listitem').first().locator('a, button');
    expect(await buttons.first().textContent()).toBe('Open Pat Park');
    const more = mine.getByRole('button', { name: 'More for Pat Park' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await mine.getByRole('button', { name: 'End pairing with Pat Park' }).count()).toBe(0);
    await expectNoAxeViolations(coach.page);
    // By keyboard: the disclosure opens, ending asks first.
    await more.focus();
    await coach.page.keyboard.press('Enter');
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await mine.getByRole('button', { name: 'End pairing with Pat Park' }).click();
    const dialog = coach.page.getByRole('dialog', { name: 'Stop coaching Pat Park?' });
    await dialog.waitFor();
    await expectNoAxeViolations(coach.page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await mine.getByRole('link', { name: 'Open Pat Park' }).click();
    await coach.page.getByRole('heading', { name: 'Pat Park', level: 1 }).waitFor();

    // The PM's account page: the feed example names the coach, never the reader; export is there.
    await pm.page.goto('/account');
    await pm.page.getByText(/“Coaching session with Ada”/).waitFor();
    expect(await pm.page.getByText(/Coaching session with Pat/).count()).toBe(0);
    await pm.page.getByRole('button', { name: 'Export everything' }).waitFor();
    await expectNoAxeViolations(pm.page);
    expect([...coach.problems, ...pm.problems]).toEqual([]);
  }, 180_000);

  test('a second invitation to the same address says the earlier link stops working, before and after', async () => {
    const ada = await buildWorkspace(ctx.app);
    const coach = await signedInPerson(ctx, ada.email);
    const invite = coach.page.getByRole('region', { name: 'Invite a PM' });
    const email = invite.getByRole('textbox', { name: 'Email address' });
    await email.fill('kim@example.com');
    await invite.getByRole('button', { name: 'Create invitation' }).click();
    await invite.getByRole('textbox', { name: /Invitation link for kim@example.com/ }).waitFor();
    expect(await invite.textContent()).not.toContain('stops working');

    await email.fill('Kim@example.com');
    await invite
      .getByText(
        /You invited kim@example.com on .+\. If you invite again, the earlier link for kim@example.com stops working\./,
      )
      .waitFor();
    await expectNoAxeViolations(coach.page);
    await invite.getByRole('button', { name: 'Create invitation' }).click();
    await invite
      .getByRole('status')
      .filter({
        hasText: 'The earlier link for kim@example.com stops working. Only the new invitation works now.',
      })
      .waitFor();
    await expectNoAxeViolations(coach.page);
    expect(coach.problems).toEqual([]);
  }, 180_000);

  test('the access log reads by day and person, filters by who and what, and opens to every entry', async () => {
    const ada = await buildWorkspace(ctx.app);
    const pat = await buildPm(ctx.app, ada, 'Pat Park');
    await buildRound(pat, ada, { title: 'Spring' });
    for (let i = 0; i < 3; i++) expect((await ada.client.get(`/api/pms/${pat.id}`)).status).toBe(200);

    const pm = await signedInPerson(ctx, pat.email, { path: '/access-log' });
    const log = pm.page.getByRole('region', { name: 'Access log entries' });
    const line = log.getByText(/^\w+ \d+ \w+: Ada Admin .*opened .*your overview 3 times/);
    await line.waitFor();
    expect(await log.getByRole('row').count()).toBe(0);
    await expectNoAxeViolations(pm.page);

    // Keyboard: the filter is a select; the line is a disclosure.
    await log.getByRole('combobox', { name: 'What' }).selectOption({ label: 'Your overview' });
    expect(await log.getByText(/your wheel/).count()).toBe(0);
    await line.focus();
    await pm.page.keyboard.press('Enter');
    const rows = log.getByRole('row', { name: /Ada Admin.*Opened your overview/ });
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    await log.getByRole('combobox', { name: 'Who' }).selectOption({ label: 'Everyone' });
    await expectNoAxeViolations(pm.page);
    expect(pm.problems).toEqual([]);
  }, 180_000);

  test('on a demo database, sign-in offers the demo; a switch shows it as a PM; the colour table fits 1280 px', async () => {
    // What `npm run demo` does to a fresh database: the demo exists, no real workspace yet.
    await createDemo({ db: ctx.app.deps.db });
    const first = await newPerson(ctx.browser, ctx.app.url);
    await first.page.goto('/sign-in');
    await first.page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await first.page.getByRole('heading', { name: 'Just looking?' }).waitFor();
    await expectNoAxeViolations(first.page);
    await first.page.getByRole('button', { name: 'See it as a PM' }).click();
    await first.page.getByRole('heading', { name: "You're exploring demo data" }).waitFor();
    await first.page.getByText(/You're one of the PMs/).waitFor();
    await expectNoAxeViolations(first.page);
    await first.page.getByRole('button', { name: 'See it as the coach' }).click();
    await first.page.getByText(/You're the coach/).waitFor();

    const pairs = (await (await first.context.request.get('/api/pairs')).json()) as {
      pm: { id: string; name: string };
    }[];
    const jonas = pairs.find((p) => p.pm.name === 'Jonas Berg')!.pm.id;
    await first.page.goto(`/pms/${jonas}/coaching-sessions`);
    const grid = first.page.getByRole('region', { name: 'Colour of each theme by month' });
    await grid.waitFor();
    const widths = await grid.evaluate((el) => `${el.scrollWidth} of ${el.clientWidth}`);
    const [needed, shown] = widths.split(' of ').map(Number);
    expect(needed, widths).toBeLessThanOrEqual(shown!);
    expect(await grid.getByRole('columnheader').count()).toBe(13);
    await first.page.getByRole('button', { name: /Show all \d+ months/ }).click();
    expect(await grid.getByRole('columnheader').count()).toBeGreaterThan(13);
    await expectNoAxeViolations(first.page);
    expect(first.problems).toEqual([]);
  }, 180_000);
});
