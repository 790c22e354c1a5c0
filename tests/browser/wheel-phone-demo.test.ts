import { describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  newPerson,
  scrollsSideways,
  signedInPerson,
  useBrowserApp,
  openMenu,
} from '../support/browser.js';
import { buildPm, buildRound, buildWorkspace } from '../support/factories.js';

const ctx = useBrowserApp();

describe('the wheel on a phone, and the demo', () => {
  test('on a 375px phone the assessment form and the compared wheel do not scroll sideways', async () => {
    const ada = await buildWorkspace(ctx.app);
    const pat = await buildPm(ctx.app, ada, 'Maximiliana Featherstonehaugh');
    await buildRound(pat, ada, { title: 'Q1 2026', self: 6, coach: { planning: 8 } });
    const open = await buildRound(pat, ada, {
      title: 'A round with a rather long name for a phone',
      submit: false,
    });

    const { page, problems } = await signedInPerson(ctx, pat.email, {
      path: `/rounds/${open.id}`,
      width: 375,
    });
    await page.getByRole('heading', { name: 'Your self-assessment', level: 1 }).waitFor();
    const firstStatement = open.frameworkVersion.areas[0].statements[0].text as string;
    await page
      .getByRole('group', { name: firstStatement, exact: true })
      .getByRole('radio', { name: '10', exact: true })
      .check();
    await page.getByText('Saved', { exact: true }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoAxeViolations(page);

    await openMenu(page);
    await page.getByRole('link', { name: 'Your wheel' }).first().click();
    await page.getByRole('link', { name: 'Q1 2026' }).click();
    await page.getByRole('img', { name: /Your wheel, Q1 2026/ }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    // axe over a form with 32 radio groups takes a while on a busy machine.
  }, 120_000);

  test('the first-run page opens a demo workspace with a lived-in wheel, and the demo can be removed', async () => {
    const { page, problems } = await newPerson(ctx.browser, ctx.app.url);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Set up Wheelhouse' }).waitFor();
    await page.getByRole('button', { name: 'Explore with demo data' }).click();
    await page.getByRole('heading', { name: 'Hello, Morgan' }).waitFor();
    await page.getByRole('heading', { name: "You're exploring demo data" }).waitFor();
    await page
      .getByRole('region', { name: 'Dips to talk about' })
      .getByText(/Team dropped to/)
      .waitFor();
    await expectNoAxeViolations(page);

    await page
      .getByRole('region', { name: 'Dips to talk about' })
      .getByRole('link', { name: /Open the wheel/ })
      .first()
      .click();
    await page.getByRole('img', { name: /wheel, Q\d 20\d\d/ }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('button', { name: 'Remove the demo' }).click();
    await page
      .getByRole('dialog', { name: 'Remove the demo workspace?' })
      .getByRole('button', { name: 'Remove the demo' })
      .click();
    await page.getByRole('heading', { name: 'Set up Wheelhouse' }).waitFor();
    expect(problems).toEqual([]);
  });
});
