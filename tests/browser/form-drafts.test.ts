import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { buildPm, buildWorkspace } from '../support/factories.js';
import { expectNoAxeViolations, signedInPerson, useBrowserApp } from '../support/browser.js';
import { pairWithWheel } from './plan-support.js';

/**
 * Issue 20, the forms sent with a button (decision 063): a new reflection, a vision proposal, an
 * agenda item. Nothing is saved while typing, but the words survive a reload as a draft on this
 * device, the page says so, and sending clears it. The agenda's new order reaches the other page live.
 */
const ctx = useBrowserApp();
const today = () => new Date().toISOString().slice(0, 10);

const drafts = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wheelhouse:draft:')));

/** Reloads with words in a form: the browser asks first (accepted here). */
async function reloadAsked(page: Page) {
  let asked = false;
  page.once('dialog', (dialog) => {
    asked = dialog.type() === 'beforeunload';
    void dialog.accept();
  });
  await page.reload();
  expect(asked, 'the browser asked before leaving').toBe(true);
}

describe('forms sent with a button keep a local draft', () => {
  test('a new reflection: typed, reloaded, still there and said so; saved, the draft is gone', async () => {
    const ada = await buildWorkspace(ctx.app);
    const pat = await buildPm(ctx.app, ada, 'Pat Park');
    const { page } = await signedInPerson(ctx, pat.email, { path: `/pms/${pat.id}/reflections` });
    const field = page.getByLabel('What is on your mind?');
    await field.fill('I avoided the pricing talk again.');
    await page.getByText('Not sent yet: kept on this device until you send it.').waitFor();
    await reloadAsked(page);
    await expect.poll(() => field.inputValue()).toBe('I avoided the pricing talk again.');
    await page.getByText('Not sent yet: your words from before, kept on this device.').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Save reflection' }).click();
    await page.getByText('Saved in your journal. Only you can read it.').waitFor();
    expect(await drafts(page)).toEqual([]);
    await page.reload();
    await page.getByText('I avoided the pricing talk again.').first().waitFor();
    expect(await field.inputValue()).toBe('');
  });

  test('one reflection edited in two tabs: the later save shows the earlier words and erases nothing', async () => {
    const ada = await buildWorkspace(ctx.app);
    const pat = await buildPm(ctx.app, ada, 'Pat Park');
    const created = await pat.client.post(`/api/pms/${pat.id}/reflections`, { body: 'First thoughts.' });
    expect(created.status, created.text).toBe(200);
    const path = `/pms/${pat.id}/reflections`;
    const one = (await signedInPerson(ctx, pat.email, { path })).page;
    const two = (await signedInPerson(ctx, pat.email, { path })).page;
    for (const page of [one, two]) await page.getByRole('button', { name: /^Edit/ }).click();
    await one.getByLabel('Edit the words').fill('From the laptop.');
    await one.getByRole('button', { name: 'Save changes' }).click();
    await one.getByText('From the laptop.').waitFor();
    await two.getByLabel('Edit the words').fill('From the phone.');
    await two.getByRole('button', { name: 'Save changes' }).click();
    await two.getByText('Saved elsewhere meanwhile (another tab or device):').waitFor();
    await two.getByText('From the laptop.').waitFor();
    expect(await two.getByLabel('Edit the words').inputValue()).toBe('From the phone.');
    await expectNoAxeViolations(two);
    await two.getByRole('button', { name: 'Save changes' }).click();
    await two.getByLabel('Edit the words').waitFor({ state: 'detached' });
    const stored = await pat.client.get(`/api/pms/${pat.id}/reflections`);
    expect(JSON.stringify(stored.body)).toContain('From the phone.');
  });

  test('a vision proposal: typed, reloaded, still there; proposed, the draft is gone', async () => {
    const { pm } = await pairWithWheel(ctx.app);
    const { page } = await signedInPerson(ctx, pm.email, { path: `/pms/${pm.id}/vision` });
    await page.getByLabel('Career direction').fill('Head of product for a platform team');
    await page.getByText('Not sent yet: kept on this device until you send it.').waitFor();
    await reloadAsked(page);
    await expect
      .poll(() => page.getByLabel('Career direction').inputValue())
      .toBe('Head of product for a platform team');
    await page.getByText('Not sent yet: your words from before, kept on this device.').waitFor();
    await page.getByRole('button', { name: 'Propose', exact: true }).click();
    await page
      .getByRole('region', { name: 'Proposed' })
      .getByText('Head of product for a platform team')
      .first()
      .waitFor();
    expect(await drafts(page)).toEqual([]);
  });

  test('an agenda item: typed, reloaded, still there; the coach moves an item and the PM sees the new order within a second', async () => {
    const coach = await buildWorkspace(ctx.app);
    const pm = await buildPm(ctx.app, coach, 'Pat Park');
    const s = await coach.client.post(`/api/pms/${pm.id}/coaching-sessions`, {
      startsAt: `${today()}T15:00`,
      timeZone: 'UTC',
    });
    expect(s.status, s.text).toBe(200);
    for (const text of ['Pricing talk', 'Hiring plan'])
      await pm.client.post(`/api/coaching-sessions/${s.body.id}/agenda`, { text });
    const path = `/coaching-sessions/${s.body.id}`;
    const pat = (await signedInPerson(ctx, pm.email, { path })).page;
    const cora = (await signedInPerson(ctx, coach.email, { path })).page;

    await pat.getByLabel('Add to the agenda').fill('Saying no');
    await pat.getByText('Not sent yet: kept on this device until you send it.').waitFor();
    await reloadAsked(pat);
    await expect.poll(() => pat.getByLabel('Add to the agenda').inputValue()).toBe('Saying no');

    const order = (page: Page) =>
      page
        .locator('.agenda-item')
        .allTextContents()
        .then((items) =>
          items.filter((t) => /Pricing talk|Hiring plan/.test(t)).map((t) => (/Pricing/.test(t) ? 'P' : 'H')),
        );
    await expect.poll(() => order(pat)).toEqual(['P', 'H']);
    await cora.getByRole('button', { name: 'Move down: Pricing talk' }).click();
    const moved = Date.now();
    await expect.poll(() => order(pat), { timeout: 1000, interval: 20 }).toEqual(['H', 'P']);
    expect(Date.now() - moved).toBeLessThan(1000);
    await expectNoAxeViolations(cora);

    await pat.getByRole('button', { name: 'Add', exact: true }).click();
    await cora.getByText('Saying no').waitFor();
    expect(await drafts(pat)).toEqual([]);
  });
});
