import { describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  focusedName,
  scrollsSideways,
  signedInPerson,
  useBrowserApp,
} from '../support/browser.js';
import { buildPm, buildRound, buildWorkspace } from '../support/factories.js';

const ctx = useBrowserApp();

describe('the question bank in the browser', () => {
  test('a coach searches the bank, filters by a tag, adds a question; the PM sees it and their suggestions', async () => {
    const ada = await buildWorkspace(ctx.app);
    const pat = await buildPm(ctx.app, ada, 'Pat Park');
    await buildRound(pat, ada, { self: { team: 3 }, coach: 6 });

    const coach = await signedInPerson(ctx, ada.email);
    const { page } = coach;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questions' }).click();
    await page.getByRole('heading', { name: 'Question bank', level: 1 }).waitFor();
    const results = page.getByRole('region', { name: 'Questions' });
    await results.getByText('What would make you more successful in the role you currently have?').waitFor();
    await expectNoAxeViolations(page);

    // Search.
    await page.getByRole('searchbox', { name: 'Search questions' }).fill('sales team');
    await results.getByText('1 question matches').waitFor();
    await results
      .getByText("What would make you more comfortable sharing 'bad news' with the Sales team?")
      .waitFor();

    // Filter by a tag, from the keyboard.
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    const courage = page.getByRole('group', { name: 'Trait' }).getByRole('button', { name: 'Courage' });
    await courage.focus();
    await page.keyboard.press('Space');
    expect(await courage.getAttribute('aria-pressed')).toBe('true');
    await results
      .getByText('Which conversation have you been postponing, and what is the first sentence you would say?')
      .waitFor();
    expect(await results.getByText('What has been on your mind most since we last talked?').count()).toBe(0);
    for (const tags of await results.getByRole('list', { name: 'Tags' }).all())
      expect(await tags.textContent()).toContain('Courage');

    // Nothing found: the empty state helps.
    await page.getByRole('searchbox', { name: 'Search questions' }).fill('zebra crossing');
    await results
      .getByText('Try fewer or other words, clear a filter, or add the question you were looking for below.')
      .waitFor();
    await expectNoAxeViolations(page);

    // Add a question of one's own, shared with the workspace.
    const add = page.getByRole('region', { name: 'Add your own question' });
    await add.getByLabel('Your question').fill('What did the last customer call change in your plan?');
    await add.getByLabel('Skill area or trait (optional)').selectOption({ label: 'Listen and learn' });
    await add.getByRole('radio', { name: 'Everyone in Acme Product' }).check();
    await add.getByRole('button', { name: 'Add question' }).click();
    await page.getByRole('status').getByText('Question added and shared with your workspace.').waitFor();
    const mine = results
      .getByRole('listitem')
      .filter({ hasText: 'What did the last customer call change in your plan?' });
    await mine.getByText('Yours · shared with your workspace').waitFor();
    expect(await page.getByRole('searchbox', { name: 'Search questions' }).inputValue()).toBe('');
    await expectNoAxeViolations(page);

    // Its author edits it from the keyboard, and lands back on Edit.
    await mine.getByRole('button', { name: /^Edit:/ }).click();
    expect(await focusedName(page)).toBe('Your question');
    await page.keyboard.press('End');
    await page.keyboard.type(' And in your roadmap?');
    await mine.getByRole('button', { name: 'Save question' }).click();
    await page.getByRole('status').getByText('Question saved.').waitFor();
    await results
      .getByText('What did the last customer call change in your plan? And in your roadmap?')
      .waitFor();
    expect(await focusedName(page)).toMatch(/^Edit: What did the last customer call/);

    // The PM, on a phone: the shared question is in their bank; their overview suggests questions in their words.
    const pm = await signedInPerson(ctx, pat.email, { path: '/questions', width: 375 });
    const theirs = pm.page.getByRole('region', { name: 'Questions' });
    await theirs
      .getByText('What did the last customer call change in your plan? And in your roadmap?')
      .waitFor();
    await theirs.getByText('Shared by Ada Admin').waitFor();
    expect(await scrollsSideways(pm.page)).toBe(false);
    await expectNoAxeViolations(pm.page);

    await pm.page.goto(`/pms/${pat.id}`);
    const suggested = pm.page.getByRole('region', { name: 'Suggested questions' });
    const first =
      'On a scale of 1–10, how do you feel about Team? You said 3 last time; what would it take to make that a 4?';
    await suggested.getByText(first).waitFor();
    await suggested.getByText('Why: Your lowest area: Team').waitFor();
    await suggested.getByRole('button', { name: `Mark as asked: ${first}` }).click();
    await pm.page.getByRole('status').getByText('Marked as asked.').waitFor();
    await suggested.getByText(first).waitFor({ state: 'detached' });
    expect(await focusedName(pm.page)).toMatch(/^Mark as asked: /);
    expect(await scrollsSideways(pm.page)).toBe(false);
    await expectNoAxeViolations(pm.page);
    expect([...coach.problems, ...pm.problems]).toEqual([]);
  });
});
