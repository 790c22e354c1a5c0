import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, signedInPerson, useBrowserApp } from '../support/browser.js';
import { buildPm, buildWorkspace } from '../support/factories.js';

const ctx = useBrowserApp();

describe('privacy pages in the browser', () => {
  test("the PM's access log lists the coach after the coach opened the PM's overview", async () => {
    const admin = await buildWorkspace(ctx.app);
    const pat = await buildPm(ctx.app, admin, 'Pat Park');

    const pm = await signedInPerson(ctx, pat.email);
    await pm.page.getByRole('link', { name: 'Access log' }).click();
    await pm.page.getByRole('heading', { name: 'Access log' }).waitFor();
    expect(await pm.page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await pm.page
      .getByText('Nothing recorded yet: no one else has opened your coaching data.', { exact: false })
      .waitFor();
    await expectNoAxeViolations(pm.page);

    const coach = await signedInPerson(ctx, admin.email);
    await coach.page
      .getByRole('region', { name: 'Your PMs' })
      .getByRole('link', { name: 'Pat Park' })
      .click();
    await coach.page.getByRole('heading', { name: 'Pat Park', level: 1 }).waitFor();
    expect(new URL(coach.page.url()).pathname).toBe(`/pms/${pat.id}`);
    expect(await coach.page.getByRole('region', { name: "Pat Park's coaches" }).textContent()).toMatch(
      /Ada Admin.*Coach since/,
    );
    await expectNoAxeViolations(coach.page);

    await pm.page.reload();
    // One line per day and person; it opens to every entry behind it.
    await pm.page.getByText(/^\w+ \d+ \w+: Ada Admin opened .*your overview once/).click();
    await pm.page.getByRole('row', { name: /Ada Admin.*Opened your overview/ }).waitFor();
    expect(await pm.page.getByRole('row', { name: /^.*You/ }).count()).toBe(0);
    await pm.page.getByRole('checkbox', { name: 'Show my own activity too' }).check();
    await pm.page
      .getByText(/: You /)
      .first()
      .click();
    await pm.page.getByRole('row', { name: /You/ }).first().waitFor();
    await expectNoAxeViolations(pm.page);
  });

  test('the PM ends the pairing after confirming; the former coach then finds no overview', async () => {
    const admin = await buildWorkspace(ctx.app);
    const pat = await buildPm(ctx.app, admin, 'Pat Park');
    const pm = await signedInPerson(ctx, pat.email);
    const { page } = pm;

    await page.getByRole('button', { name: 'End pairing with Ada Admin' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stop being coached by Ada Admin?' });
    await dialog.waitFor();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: 'Your coach', exact: true }).getByText('Ada Admin').waitFor();

    await page.getByRole('button', { name: 'End pairing with Ada Admin' }).click();
    await dialog.getByRole('button', { name: 'End pairing' }).click();
    await page.getByRole('status').getByText('Your pairing with Ada Admin has ended.').waitFor();
    await page
      .getByRole('region', { name: 'Your coach', exact: true })
      .getByText('No one coaches you right now.', { exact: false })
      .waitFor();
    // Focus does not fall back to the top of the page when the ended pairing leaves the list.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Your coach');
    expect(pm.problems).toEqual([]);

    const coach = await signedInPerson(ctx, admin.email, { path: `/pms/${pat.id}` });
    await coach.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await expectNoAxeViolations(coach.page);
    await coach.page.getByRole('link', { name: 'your home page' }).click();
    await coach.page
      .getByRole('region', { name: 'Your PMs' })
      .getByText('No PMs yet', { exact: false })
      .waitFor();
  });
});
