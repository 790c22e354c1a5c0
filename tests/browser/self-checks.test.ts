import type { Browser } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  scrollsSideways,
  signedInPerson,
  signInOverHttp,
  useBrowserApp,
} from '../support/browser.js';
import { buildPm, buildRound, buildWorkspace } from '../support/factories.js';

const ctx = useBrowserApp();

/** A phone: 375 × 740, touch, signed in as `email` (console errors collected like newPerson). */
async function phone(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    baseURL,
    viewport: { width: 375, height: 740 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of 4\d\d/.test(msg.text())) problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  await signInOverHttp(context, email);
  return { page, problems };
}

const NOTE = 'The sales director and I stopped talking after the launch slipped.';
const team = [
  'Is good at sharing context so the team understands why the work matters.',
  'Is good at keeping stakeholders informed, including bad news, before they ask.',
  'Is good at handling disagreement openly and reaching a decision people commit to.',
  'Is good at giving credit to the team and taking responsibility when things go wrong.',
  'Is good at working with sales, marketing and support as partners, not order takers.',
];

describe('a self-check on a phone', () => {
  test('the PM sees a dip in one statement at once and notes it privately; the coach sees it only once shared', async () => {
    const ada = await buildWorkspace(ctx.app);
    const pat = await buildPm(ctx.app, ada, 'Pat Park');
    await buildRound(pat, ada, { title: 'Spring', self: 8, coach: 7 });

    const { page, problems } = await phone(ctx.browser, ctx.app.url, pat.email);
    await page.goto(`/pms/${pat.id}/self-checks`);
    await page.getByRole('heading', { name: 'Self-check', level: 1 }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('checkbox', { name: 'Team' }).tap();
    await page.getByRole('button', { name: 'Check this area' }).tap();
    await page.getByRole('heading', { name: 'Team', level: 3 }).waitFor();
    for (const [i, statement] of team.entries()) {
      const group = page.getByRole('group', { name: statement, exact: true });
      if (i === 1) {
        // By keyboard: the scale is a radio group, arrow keys move along it.
        await group.getByRole('radio', { name: '1', exact: true }).focus();
        await page.keyboard.press('Space');
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => group.getByRole('radio', { name: '2', exact: true }).isChecked()).toBe(true);
      } else {
        await group.getByRole('radio', { name: '8', exact: true }).tap();
      }
    }
    await page.getByText('5 of 5 scored').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByRole('button', { name: 'Next: traits' }).tap();
    await page.getByRole('heading', { name: 'Traits, in your own words' }).waitFor();
    await page.getByRole('textbox', { name: 'Curiosity' }).fill('Asking fewer questions lately.');
    await page.getByRole('button', { name: 'Submit self-check' }).tap();

    await page.getByRole('heading', { name: 'A dip to look at' }).waitFor();
    await page.getByText('Keeping stakeholders informed: 2, down from 8').waitFor();
    await page.getByText(/want to note what's behind it\?/).waitFor();
    await page.getByRole('textbox', { name: 'Your private note' }).fill(NOTE);
    await page.getByRole('button', { name: 'Save note' }).tap();
    await page.getByText('Note saved. Only you can see it.').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoAxeViolations(page);
    const mine = page.getByRole('region', { name: 'Your self-checks' });
    await mine.getByText('Private', { exact: true }).waitFor();

    // The coach: nothing of it, neither the self-check nor the dip.
    const coach = await signedInPerson(ctx, ada.email, { path: `/pms/${pat.id}/self-checks` });
    await coach.page
      .getByText(/Nothing shared yet\. Pat decides which self-checks to share with you\./)
      .waitFor();
    await coach.page.goto(`/pms/${pat.id}/wheel`);
    const dips = coach.page.getByRole('region', { name: 'Dips to talk about' });
    await dips.getByText(/No dips in the latest round/).waitFor();
    await expectNoAxeViolations(coach.page);

    // The PM shares it.
    await mine.getByRole('button', { name: /Share with your coach/ }).tap();
    await mine.getByText('Shared with your coach', { exact: true }).waitFor();

    await coach.page.goto(`/pms/${pat.id}/self-checks`);
    const shared = coach.page.getByRole('region', { name: 'Shared with you' });
    await shared.getByText(/Self-check, /).waitFor();
    await shared.getByText('Team 6.8').waitFor();
    await coach.page.goto(`/pms/${pat.id}/wheel`);
    await dips
      .getByText(/keeping stakeholders informed, including bad news, before they ask\.” dropped to 2\.0/)
      .waitFor();
    expect(await coach.page.getByText(NOTE).count()).toBe(0);
    await expectNoAxeViolations(coach.page);
    expect(problems).toEqual([]);
    expect(coach.problems).toEqual([]);
  }, 120_000);
});
