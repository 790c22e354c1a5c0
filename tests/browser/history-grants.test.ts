import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, focusedName, signedInPerson, useBrowserApp } from '../support/browser.js';
import { buildMember, buildPm, buildWorkspace } from '../support/factories.js';

const ctx = useBrowserApp();

/** Cleo coached Pia and commented on her plan; the pair ended; Cole coaches Pia now. */
async function newCoachAfterCleo() {
  const cleo = await buildWorkspace(ctx.app);
  const pia = await buildPm(ctx.app, cleo, 'Pia Park');
  const plan = await pia.client.post(`/api/pms/${pia.id}/plan`, { headline: 'Own discovery', themes: [] });
  if (plan.status !== 200) throw new Error(plan.text);
  await cleo.client.post(`/api/pms/${pia.id}/plan/comments`, { body: 'Cleo’s earlier comment' });
  await pia.client.post(`/api/pairs/${pia.pairId}/end`);
  const cole = await buildMember(ctx.app, cleo, 'Cole Coach');
  const offer = await cole.client.post('/api/pairs', { pmId: pia.id });
  await pia.client.post(`/api/pairs/${offer.body.id}/accept`);
  return { pia, cole };
}

describe('history before a pairing, in the browser', () => {
  test('a new coach sees no history; the PM shares comments with the keyboard; then the coach sees them', async () => {
    const { pia, cole } = await newCoachAfterCleo();
    const coach = await signedInPerson(ctx, cole.email, { path: `/pms/${pia.id}` });
    await coach.page
      .getByText('Pia Park’s history before your pairing is private unless they share it.')
      .waitFor();
    await coach.page.goto(`/pms/${pia.id}/plan`);
    await coach.page.getByRole('heading', { level: 1 }).waitFor();
    await coach.page.getByText('Own discovery').first().waitFor();
    expect(await coach.page.getByText('Cleo’s earlier comment').count()).toBe(0);

    const pm = await signedInPerson(ctx, pia.email, { path: `/pms/${pia.id}` });
    const section = pm.page.getByRole('region', { name: 'Your history' });
    await section.waitFor();
    await section
      .getByText('Comments and suggestions made on your plan before, by you and earlier coaches.')
      .waitFor();
    await expectNoAxeViolations(pm.page);
    const comments = section.getByRole('checkbox', { name: 'Comments & suggestions' });
    await comments.focus();
    await pm.page.keyboard.press('Space');
    expect(await comments.isChecked()).toBe(true);
    for (let i = 0; i < 20 && (await focusedName(pm.page)) !== 'Save what Cole Coach sees'; i++)
      await pm.page.keyboard.press('Tab');
    expect(await focusedName(pm.page)).toBe('Save what Cole Coach sees');
    await pm.page.keyboard.press('Enter');
    await pm.page
      .getByRole('status')
      .getByText('Saved. Cole Coach now sees the parts you chose from before your pairing.')
      .waitFor();
    await section.getByRole('button', { name: 'Stop sharing with Cole Coach' }).waitFor();
    await expectNoAxeViolations(pm.page);

    await coach.page.goto(`/pms/${pia.id}/plan`);
    await coach.page.getByText('Cleo’s earlier comment').waitFor();
    await coach.page.goto(`/pms/${pia.id}`);
    await coach.page
      .getByText(
        'Pia Park shares with you from before your pairing: comments & suggestions. The rest stays private.',
      )
      .waitFor();
    await expectNoAxeViolations(coach.page);

    // The access log says it in words.
    await pm.page.goto('/access-log');
    await pm.page.getByLabel('Show my own activity too').check();
    await pm.page
      .locator('summary')
      .filter({ hasText: /: You .*your earlier history/ })
      .click();
    await pm.page
      .getByText(
        'Shared your history from before the pairing: history shared with Cole Coach: comments & suggestions',
      )
      .waitFor();
  });

  test('the PM closes a round whose coach has left, without a reveal', async () => {
    const cleo = await buildWorkspace(ctx.app);
    const pia = await buildPm(ctx.app, cleo, 'Pia Park');
    const opened = await cleo.client.post(`/api/pms/${pia.id}/rounds`, { title: 'Left behind' });
    if (opened.status !== 200) throw new Error(opened.text);
    await pia.client.post(`/api/pairs/${pia.pairId}/end`);
    const pm = await signedInPerson(ctx, pia.email, { path: `/pms/${pia.id}` });
    const stuck = pm.page.getByRole('region', { name: 'A round whose coach has left' });
    await stuck.getByText('Left behind').waitFor();
    await expectNoAxeViolations(pm.page);
    await stuck.getByRole('button', { name: 'Close without a reveal' }).click();
    await pm.page
      .getByRole('status')
      .getByText('“Left behind” is closed without a reveal. You can start a new round.')
      .waitFor();
    await stuck.waitFor({ state: 'detached' });
  });
});
