import { describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  scrollsSideways,
  signedInPerson,
  tabTo,
  useBrowserApp,
} from '../support/browser.js';
import { buildPm, buildRound, buildWorkspace, scoresFor } from '../support/factories.js';

const ctx = useBrowserApp();

describe('reflections in the browser', () => {
  test('a PM writes a reflection about an area on a phone and shares it; the coach reads it; the coach’s private note never reaches the PM', async () => {
    const ada = await buildWorkspace(ctx.app);
    const pat = await buildPm(ctx.app, ada, 'Pat Park');
    const round = await buildRound(pat, ada, { title: 'Spring round' });

    // The PM, on a 375 px phone: an empty journal in their own voice.
    const pm = await signedInPerson(ctx, pat.email, { width: 375, path: `/pms/${pat.id}/reflections` });
    const page = pm.page;
    await page.getByRole('heading', { name: 'Your reflections', level: 1 }).waitFor();
    await page.getByText(/Nothing here yet\. When something stays with me/).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoAxeViolations(page);

    // Keyboard only: write, attach to an area, save.
    await page.getByRole('heading', { name: 'Your reflections', level: 1 }).focus();
    await tabTo(page, 'What is on your mind?');
    await page.keyboard.type('I kept the bad news from Sales for a week. Next time: tell them on day one.');
    await tabTo(page, 'About (optional)');
    await page.getByLabel('About (optional)').selectOption({ label: 'Team' });
    await tabTo(page, 'Save reflection');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Saved in your journal. Only you can read it.').waitFor();
    const entry = page.getByRole('listitem').filter({ hasText: 'I kept the bad news from Sales' });
    await entry.getByText('Area: Team').waitFor();
    const share = entry.getByRole('switch', { name: 'Share with my coach' });
    await entry
      .getByText(/Private: only you can read it\. Sharing lets your current coach read this one entry/)
      .waitFor();
    await share.focus();
    await page.keyboard.press('Space');
    await entry.getByText(/Your current coach can read this entry/).waitFor();
    expect(await share.isChecked()).toBe(true);
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoAxeViolations(page);

    // The coach: the shared reflection, and a private note of their own from the round page.
    const coach = await signedInPerson(ctx, ada.email, { path: `/rounds/${round.id}` });
    const cpage = coach.page;
    await cpage.getByRole('heading', { name: 'Traits in words' }).waitFor();
    await cpage.getByRole('link', { name: 'Reflect on this round' }).click();
    await cpage.getByRole('heading', { name: /Your notes on coaching Pat/, level: 1 }).waitFor();
    await cpage.getByText('I kept the bad news from Sales for a week.', { exact: false }).waitFor();
    expect(await cpage.getByLabel('About (optional)').inputValue()).toBe(`round:${round.id}`);
    await cpage.getByLabel('Your note').fill('Pat avoids hard talks with Sales: role-play one next session.');
    await cpage.getByRole('button', { name: 'Save note' }).click();
    await cpage.getByRole('status').getByText('Note saved. Only you can read it.').waitFor();
    await cpage
      .getByRole('region', { name: 'Your private notes' })
      .getByText('Round: Spring round')
      .waitFor();
    await expectNoAxeViolations(cpage);

    // The PM never sees the coach's note: not in the journal, not on the timeline.
    await page.reload();
    await page.getByRole('heading', { name: 'Your reflections', level: 1 }).waitFor();
    await page.getByText('I kept the bad news from Sales').waitFor();
    expect(await page.getByText('role-play one next session').count()).toBe(0);
    await page.goto(`/pms/${pat.id}/timeline`);
    await page.getByRole('heading', { name: 'Your timeline', level: 1 }).waitFor();
    expect(await page.getByText('role-play one next session').count()).toBe(0);

    // Unshared: the coach no longer finds it.
    await page.goto(`/pms/${pat.id}/reflections`);
    await page.getByRole('switch', { name: 'Share with my coach' }).click();
    await page.getByText(/Private: only you can read it/).waitFor();
    await cpage.reload();
    await cpage.getByRole('heading', { name: /Your notes on coaching Pat/, level: 1 }).waitFor();
    await cpage.getByText('Pat has not shared a reflection with you.', { exact: false }).waitFor();
    expect(await cpage.getByText('I kept the bad news from Sales').count()).toBe(0);
    await pm.context.close();
    await coach.context.close();
  }, 120_000);

  test('traits in words: the PM writes them with the assessment, both read them beside the wheel after the reveal; the plan leads with the challenge', async () => {
    const ada = await buildWorkspace(ctx.app);
    const pat = await buildPm(ctx.app, ada, 'Pat Park');
    const round = await buildRound(pat, ada, { submit: false, title: 'Autumn round' });

    const pm = await signedInPerson(ctx, pat.email, { width: 375, path: `/rounds/${round.id}` });
    const page = pm.page;
    await page.getByRole('heading', { name: 'Traits in words' }).waitFor();
    await page.getByLabel('Curiosity').fill('I ask why with users, less with Sales.');
    await page.keyboard.press('Tab');
    await page.getByRole('status').getByText('Saved your words on curiosity.').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoAxeViolations(page);

    // Both sides submit (the coach with words of their own); the round is revealed.
    const traits = `/api/pms/${pat.id}/rounds/${round.id}/traits`;
    expect((await ada.client.put(traits, { words: { curiosity: 'Digs into data first.' } })).status).toBe(
      200,
    );
    expect(
      (
        await pat.client.post(`/api/rounds/${round.id}/assessments/self/submit`, {
          scores: scoresFor(round, 6),
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await ada.client.post(`/api/rounds/${round.id}/assessments/coach/submit`, {
          scores: scoresFor(round, 6),
          nextBiggerChallenge: 'Leading the H2 strategy planning',
        })
      ).status,
    ).toBe(200);
    await page.reload();
    const panel = page.getByRole('region', { name: 'Traits in words' });
    await panel.getByText('I ask why with users, less with Sales.').waitFor();
    await panel.getByText('Digs into data first.').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoAxeViolations(page);

    // The plan leads with the agreed challenge.
    const proposed = await ada.client.post(`/api/pms/${pat.id}/vision/proposals`, {
      nextBiggerChallenge: 'Leading the H2 strategy planning',
    });
    await pat.client.post(`/api/pms/${pat.id}/vision/proposals/${proposed.body.proposal.id}/accept`);
    await pat.client.post(`/api/pms/${pat.id}/plan`, {
      headline: 'From execution to strategy',
      themes: [{ title: 'Problem briefs', areas: ['understand-the-problem'] }],
    });
    await page.goto(`/pms/${pat.id}/plan`);
    const purpose = page.getByRole('region', { name: 'What this plan serves' });
    await purpose.getByText('Leading the H2 strategy planning').waitFor();
    await page
      .getByText(/No theme names a personality trait yet/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Edit theme 1' }).click();
    await page
      .getByLabel('How it serves your next bigger challenge')
      .first()
      .fill('Three briefs before H2 planning');
    await page.keyboard.press('Tab');
    await expect
      .poll(async () => (await pat.client.get(`/api/pms/${pat.id}/plan`)).body.plan.themes[0].serves)
      .toBe('Three briefs before H2 planning');
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoAxeViolations(page);
    await pm.context.close();
  }, 120_000);
});
