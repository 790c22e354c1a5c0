import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, newPerson, signedInPerson, useBrowserApp } from '../support/browser.js';
import { buildPm, buildWorkspace } from '../support/factories.js';
import { roundIdIn, roundOf, scoreAreas } from './wheel-support.js';

const ctx = useBrowserApp();

describe('a full round in the browser', () => {
  test('PM and coach assess blind (drafts survive a reload), a peer scores by link, and both see the wheel and the gaps', async () => {
    const ada = await buildWorkspace(ctx.app);
    const pat = await buildPm(ctx.app, ada, 'Pat Park');

    // The PM starts a round from home.
    const pm = await signedInPerson(ctx, pat.email);
    const { page } = pm;
    await page
      .getByRole('region', { name: 'Your wheel' })
      .getByRole('link', { name: 'Start a round' })
      .click();
    await page.getByRole('heading', { name: 'Your wheel', level: 1 }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('Name of the round').fill('Q1 2027');
    await page.getByRole('button', { name: 'Start a round' }).click();
    await page.getByRole('heading', { name: 'Your self-assessment', level: 1 }).waitFor();
    const roundId = roundIdIn(page);
    const { frameworkVersion } = await roundOf(page, roundId);
    const [first, ...rest] = frameworkVersion.areas;
    await expectNoAxeViolations(page);

    // A peer gets a link and scores Pat without an account.
    const peers = page.getByRole('region', { name: 'Peers' });
    await peers.getByLabel('Peer’s name').fill('Sam Peer');
    await peers.getByRole('button', { name: 'Create a link' }).click();
    const link = await peers.getByRole('textbox', { name: 'Link for Sam Peer' }).inputValue();
    const sam = await newPerson(ctx.browser, ctx.app.url);
    await sam.page.goto(link);
    await sam.page.getByRole('heading', { name: 'Score Pat Park', level: 1 }).waitFor();
    await expectNoAxeViolations(sam.page);
    await scoreAreas(sam.page, frameworkVersion.areas, () => 6);
    await sam.page.getByRole('button', { name: 'Send scores to Pat' }).click();
    await sam.page.getByRole('heading', { name: 'Thank you', level: 1 }).waitFor();

    // Pat scores the first area and writes a note; both are saved as a draft and survive a reload.
    await scoreAreas(page, [first!], () => 7);
    await page.getByLabel(`Your note on ${first!.name}`).fill('Three customer calls a week now.');
    await page.getByText('Saved', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Submit self-assessment' }).click();
    const total = frameworkVersion.areas.flatMap((a) => a.statements).length;
    const left = total - first!.statements.length;
    await page
      .getByRole('alert')
      .getByText(`${left} statements still need a score: ${rest[0]!.name} (${rest[0]!.statements.length})`)
      .waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Your self-assessment', level: 1 }).waitFor();
    await page.getByText(`${first!.statements.length} of ${total} scored`).waitFor();
    expect(
      await page
        .getByRole('group', { name: first!.statements[0]!.text, exact: true })
        .getByRole('radio', { name: '7', exact: true })
        .isChecked(),
    ).toBe(true);
    expect(await page.getByLabel(`Your note on ${first!.name}`).inputValue()).toBe(
      'Three customer calls a week now.',
    );

    // Ada saves part of her assessment first: a draft Pat must never see.
    const coach = await signedInPerson(ctx, ada.email, { path: `/rounds/${roundId}` });
    await coach.page.getByRole('heading', { name: 'Assess Pat', level: 1 }).waitFor();
    await scoreAreas(coach.page, [first!], () => 6);
    await coach.page.getByText('Saved', { exact: true }).waitFor();

    // Pat finishes (Planning high), shares peer scores with the coach, and submits.
    await scoreAreas(page, rest, (key) => (key === 'planning' ? 9 : 7));
    await page.getByRole('checkbox', { name: 'Share peer scores with my coach, Ada' }).check();
    await page.getByRole('status').getByText('Ada can now see your peer scores.').waitFor();
    await page.getByRole('button', { name: 'Submit self-assessment' }).click();
    await page.getByRole('heading', { name: 'Waiting for Ada to submit' }).waitFor();
    expect(await page.getByRole('img').count()).toBe(0);
    expect(await page.getByRole('main').textContent()).not.toContain('Coach assessment');
    await expectNoAxeViolations(page);

    // Ada sees that Pat submitted, never Pat's scores, until she submits too.
    await coach.page.reload();
    await coach.page.getByText('Pat has already submitted.').waitFor();
    expect(await coach.page.getByRole('img').count()).toBe(0);
    expect(await coach.page.getByRole('main').textContent()).not.toContain('Three customer calls');
    await scoreAreas(coach.page, rest, (key) => (key === 'planning' ? 5 : 6));
    await coach.page.getByRole('button', { name: 'Submit assessment' }).click();
    await coach.page.getByRole('alert').getByText('Name the Next Bigger Challenge for Pat').waitFor();
    await coach.page.getByLabel('The next bigger challenge for Pat').fill('Lead the H2 strategy planning');
    await coach.page.getByRole('button', { name: 'Submit assessment' }).click();

    // Revealed: both see the wheel with three series and the gaps, largest first.
    const wheel = coach.page.getByRole('img', { name: /Pat's wheel, Q1 2027/ });
    await wheel.waitFor();
    expect(await wheel.evaluate((el) => el.tagName)).toBe('svg');
    const legend = coach.page.getByRole('list', { name: 'Legend' });
    expect(await legend.getByRole('listitem').allTextContents()).toEqual([
      'Self-assessment',
      'Coach assessment',
      'Peers (average of 1)',
    ]);
    const gaps = coach.page.getByRole('region', { name: 'Perception gaps' }).getByRole('listitem');
    expect(await gaps.first().textContent()).toContain(
      'Pat rates themselves 4.0 higher than you on Planning',
    );
    await coach.page.getByRole('region', { name: 'Scores by area' }).getByRole('table').waitFor();
    expect(await coach.page.getByRole('row', { name: /Planning/ }).textContent()).toContain('9.0');
    await expectNoAxeViolations(coach.page);

    await page.reload();
    await page.getByRole('img', { name: /Your wheel, Q1 2027/ }).waitFor();
    expect(await page.getByRole('list', { name: 'Legend' }).getByRole('listitem').count()).toBe(3);
    expect(
      await page.getByRole('region', { name: 'Perception gaps' }).getByRole('listitem').first().textContent(),
    ).toContain('You rate yourself 4.0 higher than Ada on Planning');
    expect(await page.getByRole('region', { name: 'Notes by area' }).textContent()).toContain(
      'Three customer calls a week now.',
    );
    expect(await page.getByRole('region', { name: 'Next Bigger Challenge' }).textContent()).toContain(
      'Lead the H2 strategy planning',
    );
    await expectNoAxeViolations(page);

    // The chart exports as SVG and PNG.
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    expect(svg.suggestedFilename()).toBe('wheel-q1-2027.svg');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    expect(png.suggestedFilename()).toBe('wheel-q1-2027.png');
    expect([...pm.problems, ...coach.problems, ...sam.problems]).toEqual([]);
    await Promise.all([pm.context.close(), coach.context.close(), sam.context.close()]);
    // Four people and axe on eight pages: longer than the default minute on a busy machine.
  }, 150_000);
});
