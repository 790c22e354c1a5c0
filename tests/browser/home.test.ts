import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, newPerson, signInOverHttp, useBrowserApp } from '../support/browser.js';
import { pairWithWheel, startPlan } from './plan-support.js';

const ctx = useBrowserApp();

/** Signs in over HTTP, then opens home while recording every API read the page makes. */
async function openHome(email: string) {
  const person = await newPerson(ctx.browser, ctx.app.url);
  await signInOverHttp(person.context, email);
  const reads: string[] = [];
  person.page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() === 'GET' && url.pathname.startsWith('/api/')) reads.push(url.pathname);
  });
  await person.page.goto('/');
  return { ...person, reads };
}

/** The reads of one PM's plan, vision or dips that home pages made before the summary. */
const perPmReads = (reads: string[]) =>
  reads.filter((r) => /^\/api\/pms\/[^/]+\/(plan|vision|dips)$/.test(r));

const hintsOf = (page: Page, region: string) => page.getByRole('region', { name: region }).textContent();

describe('home pages in the browser', () => {
  test('the PM’s and the coach’s home show plan, vision and dips from one summary read', async () => {
    const { coach, pm } = await pairWithWheel(ctx.app);
    await startPlan(pm, [
      {
        title: 'Talk to users every week',
        areas: ['understand-the-problem'],
        actions: [
          { text: 'Interview five users', status: 'done' },
          { text: 'Share what I learned', status: 'in_progress' },
        ],
      },
    ]);
    const proposed = await coach.client.post(`/api/pms/${pm.id}/vision/proposals`, {
      nextBiggerChallenge: 'Lead the checkout discovery',
    });
    expect(proposed.status).toBe(200);

    const pat = await openHome(pm.email);
    const plan = pat.page.getByRole('region', { name: 'Your development plan' });
    await plan.getByText('“Own discovery end to end”: 1 theme, 1 of 2 actions done.').waitFor();
    expect(await plan.textContent()).toContain('A shared vision proposal waits for your answer.');
    await pat.page
      .getByRole('region', { name: 'Your wheel' })
      .getByText('No dips in the latest round.')
      .waitFor();
    expect(pat.reads.filter((r) => r === '/api/home')).toHaveLength(1);
    expect(perPmReads(pat.reads)).toEqual([]);
    await expectNoAxeViolations(pat.page);

    const cora = await openHome(coach.email);
    const plans = cora.page.getByRole('region', { name: 'Plans and shared visions' });
    await plans.getByText('“Own discovery end to end”: 1 theme, 1 of 2 actions done.').waitFor();
    // Cora made the proposal: it waits for Pat, not for her.
    expect(await hintsOf(cora.page, 'Plans and shared visions')).not.toContain('waits for your answer');
    await cora.page
      .getByRole('region', { name: 'Dips to talk about' })
      .getByText('No dips in the latest round.')
      .waitFor();
    expect(cora.reads.filter((r) => r === '/api/home')).toHaveLength(1);
    expect(perPmReads(cora.reads)).toEqual([]);
    await expectNoAxeViolations(cora.page);

    // Each of Cora's visits is logged for Pat; visits in a row read as one line with a count.
    await cora.page.reload();
    await plans.getByText('“Own discovery end to end”').waitFor();
    await cora.page.reload();
    await plans.getByText('“Own discovery end to end”').waitFor();
    await pat.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Access log' })
      .click();
    // One line per day and person (Cora's visits of today); it opens to every entry behind it.
    await pat.page
      .getByText(/: Cora Coach /)
      .first()
      .click();
    await pat.page
      .getByRole('row', {
        name: /Cora Coach.*Saw your plan, vision and dips at a glance on the home page.*3 times since/,
      })
      .waitFor();
    await expectNoAxeViolations(pat.page);
    expect([...pat.problems, ...cora.problems]).toEqual([]);
  });
});
