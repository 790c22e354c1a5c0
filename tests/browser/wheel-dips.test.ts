import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, signedInPerson, useBrowserApp } from '../support/browser.js';
import { buildPm, buildRound, buildWorkspace } from '../support/factories.js';

const ctx = useBrowserApp();

describe('dips in the browser', () => {
  test('a clear drop in a self-score shows on the PM’s and the coach’s home with the PM’s note, and leads to the wheel', async () => {
    const ada = await buildWorkspace(ctx.app);
    const pat = await buildPm(ctx.app, ada, 'Pat Park');
    // Three steady rounds over HTTP, then the one with the dip.
    for (const title of ['Q1 2026', 'Q2 2026', 'Q3 2026'])
      await buildRound(pat, ada, { title, self: { team: 7 }, coach: { team: 7 } });
    await buildRound(pat, ada, {
      title: 'Q4 2026',
      self: { team: 3 },
      coach: { team: 6 },
      selfNotes: { team: 'The launch date clash with the sales lead is eating my energy.' },
    });

    const pm = await signedInPerson(ctx, pat.email);
    const mine = pm.page.getByRole('region', { name: 'Your wheel' });
    await mine.getByText('Team dropped to 3.0').waitFor();
    expect(await mine.textContent()).toContain('Q4 2026: 4.0 below your recent level of 7.0');
    expect(await mine.textContent()).toContain(
      '“The launch date clash with the sales lead is eating my energy.”',
    );
    await expectNoAxeViolations(pm.page);

    const coach = await signedInPerson(ctx, ada.email);
    const topics = coach.page.getByRole('region', { name: 'Dips to talk about' });
    await topics.getByText('Pat Park: Team dropped to 3.0').waitFor();
    expect(await topics.textContent()).toContain('The launch date clash with the sales lead');
    await expectNoAxeViolations(coach.page);

    await topics.getByRole('link', { name: 'Open the wheel of Q4 2026 for Pat Park' }).click();
    await coach.page.getByRole('heading', { name: "Q4 2026: Pat's wheel", level: 1 }).waitFor();
    await coach.page.getByText('A dip to talk about').waitFor();
    expect(
      await coach.page.getByRole('region', { name: 'Since the previous round' }).textContent(),
    ).toContain('biggest drop Team (−4.0)');
    await expectNoAxeViolations(coach.page);

    // The history shows each area over the four rounds, in a table screen readers can read.
    await coach.page.getByRole('link', { name: "Pat's wheel" }).click();
    const history = coach.page.getByRole('region', { name: 'History by area' });
    await history.getByText('Self 3.0 (7.0 in Q1 2026)').waitFor();
    await history.getByText('All scores as a table').click();
    const row = history.getByRole('row', { name: /^Team/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      '7.0 / 7.0',
      '7.0 / 7.0',
      '7.0 / 7.0',
      '3.0 / 6.0',
    ]);
    await expectNoAxeViolations(coach.page);
    expect([...pm.problems, ...coach.problems]).toEqual([]);
  });
});
