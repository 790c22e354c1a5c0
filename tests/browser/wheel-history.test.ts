import { describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  focusedName,
  scrollsSideways,
  signedInPerson,
  tabTo,
  useBrowserApp,
} from '../support/browser.js';
import { buildPm, buildRound, buildWorkspace } from '../support/factories.js';

const ctx = useBrowserApp();

describe('a long history in the browser', () => {
  test('shows the latest 12 rounds on a phone, and the earlier ones on "Show earlier", by keyboard', async () => {
    const ada = await buildWorkspace(ctx.app);
    const pat = await buildPm(ctx.app, ada, 'Pat Park');
    for (let i = 1; i <= 14; i++)
      await buildRound(pat, ada, {
        title: `Month ${i}`,
        self: { team: i === 1 ? 2 : 7 },
        coach: { team: 6 },
      });

    const coach = await signedInPerson(ctx, ada.email, { path: `/pms/${pat.id}/wheel`, width: 375 });
    const history = coach.page.getByRole('region', { name: 'History by area' });
    await history.getByText('Self 7.0 (7.0 in Month 3)').first().waitFor();
    await history.getByText('All scores as a table').click();
    const team = history.getByRole('row', { name: /^Team/ });
    expect(await team.getByRole('cell').count()).toBe(12);
    expect(await scrollsSideways(coach.page)).toBe(false);
    await expectNoAxeViolations(coach.page);

    await tabTo(coach.page, 'Show earlier (2 more)');
    await coach.page.keyboard.press('Enter');
    await history.getByText('Self 7.0 (2.0 in Month 1)').first().waitFor();
    expect(await team.getByRole('cell').allTextContents()).toEqual([
      '2.0 / 6.0',
      ...Array.from({ length: 13 }, () => '7.0 / 6.0'),
    ]);
    expect(await history.getByRole('button', { name: /Show earlier/ }).count()).toBe(0);
    expect(await focusedName(coach.page)).not.toBe('Show earlier (2 more)');
    expect(await scrollsSideways(coach.page)).toBe(false);
    await expectNoAxeViolations(coach.page);
    expect(coach.problems).toEqual([]);
  });
});
